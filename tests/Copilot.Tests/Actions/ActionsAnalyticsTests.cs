using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Actions;

/// <summary>Team leads see each approval and decline once: as feedback on suggestions of kind action, and per source and procedure.</summary>
public sealed class ActionsAnalyticsTests(ActionsFixture fixture) : IClassFixture<ActionsFixture>
{
    [Fact]
    public async Task OneApprovedAndOneDeclinedActionAreCountedOnceByKindBySourceAndByProcedure()
    {
        var ticket = await fixture.DamagedOrderTicketAsync();
        var actions = await fixture.ActionsAsync(ticket);
        var priority = ActionsFixture.Single(actions, "set-priority", "procedure");
        var group = ActionsFixture.Single(actions, "assign-group", "procedure");
        var ids = new[] { priority["id"]!.GetValue<string>(), group["id"]!.GetValue<string>() };
        await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/shown", new { actionIds = ids });
        await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{ids[0]}/approve");
        await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{ids[0]}/approve");
        await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{ids[1]}/decline");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = $"from={today:yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}&tenant={CopilotTestHost.TenantId}";

        var counts = await GetAsync($"/api/analytics/actions?{period}");
        var summary = await GetAsync($"/api/analytics/summary?{period}&groupBy=kind");

        var rows = counts["rows"]!.AsArray().Select(r => (r!["source"]!.GetValue<string>(), r["procedureId"]?.GetValue<string>(), r["kind"]!.GetValue<string>(),
            r["approved"]!.GetValue<int>(), r["declined"]!.GetValue<int>())).ToList();
        var procedure = priority["procedureId"]!.GetValue<string>();
        Assert.Equal([("procedure", procedure, "assign-group", 0, 1), ("procedure", procedure, "set-priority", 1, 0)], rows);
        var action = summary["rows"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == "action")!;
        Assert.Equal((2, 1, 0, 1), (action["shown"]!.GetValue<int>(), action["accepted"]!.GetValue<int>(), action["edited"]!.GetValue<int>(), action["rejected"]!.GetValue<int>()));
    }

    private async Task<JsonNode> GetAsync(string path)
    {
        using var response = await fixture.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Get, path));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }
}
