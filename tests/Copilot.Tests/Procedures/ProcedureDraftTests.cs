using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.Tests.Infrastructure;
using Copilot.Tests.ModelFeatures;

namespace Copilot.Tests.Procedures;

/// <summary>A procedure for the ticket's intent guides the model's draft, as fenced data, and the draft cites it.</summary>
public sealed class ProcedureDraftTests(ModelTenantFixture fixture) : IClassFixture<ModelTenantFixture>
{
    [Fact]
    public async Task TheProcedureForTheTicketsIntentGuidesTheModelsDraftAndIsCitedAndRecorded()
    {
        fixture.Reset();
        var ticket = fixture.AddTicket("Lumora Plus renewal", "I was charged for another year of Lumora Plus. Can I still get my money back?");
        await fixture.ShowAssistAsync(ticket);
        var intent = await fixture.Host.ScalarTextAsync($"SELECT intent FROM suggestions WHERE ticket_id = {ticket} AND kind = 'summary'");
        using (var put = await fixture.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Put, $"/api/admin/tenants/{CopilotTestHost.TenantId}/procedures/plus-refund",
            JsonContent.Create(new { intent, title = "Plus refund", steps = "1. Check the charge date.\n2. Within 14 days, refund the unused days." }))))
        {
            put.EnsureSuccessStatusCode();
        }
        using (var refresh = await fixture.Client.SendAsync(ModelTenantFixture.Sidebar(HttpMethod.Get, $"/api/tickets/{ticket}/assist?refresh=true")))
        {
            refresh.EnsureSuccessStatusCode();
        }
        fixture.Model.ClearRequests();

        var (_, draft) = await fixture.PostAsync($"/api/tickets/{ticket}/draft");

        var user = fixture.DraftCalls().Single().Json!["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
        Assert.Contains("<source_data label=\"procedure: Plus refund (version 1)\">\n1. Check the charge date.\n2. Within 14 days, refund the unused days.\n</source_data>", user);
        var procedure = Assert.Single(draft["procedures"]!.AsArray())!;
        Assert.Equal(("plus-refund", 1), (procedure["id"]!.GetValue<string>(), procedure["version"]!.GetValue<int>()));
        var sources = await fixture.Host.ScalarTextAsync($"SELECT sources FROM suggestions WHERE id = '{draft["suggestionId"]!.GetValue<string>()}'");
        Assert.Contains("\"kind\":\"procedure\",\"id\":\"plus-refund@v1\"", sources);
    }
}
