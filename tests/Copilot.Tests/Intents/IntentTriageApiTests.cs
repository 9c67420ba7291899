using Copilot.Api.Intents;
using System.Net;
using System.Text.Json.Nodes;
using Copilot.Api.Demo;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Intents;

/// <summary>
/// A tenant on the fake Zendesk with Lumora Home's history and Lumora's intent list with its
/// configured examples: a full sync adds what the solved tickets' tags teach, and offline triage answers with them.
/// </summary>
public sealed class IntentTriageApiTests : IAsyncLifetime
{
    private FakeZendesk _zendesk = null!;
    private CopilotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < DemoIntents.Lumora.Names.Length; i++)
        {
            settings[$"Copilot:Tenants:{CopilotTestHost.TenantId}:Intents:{i}"] = DemoIntents.Lumora.Names[i];
        }
        foreach (var (intent, examples) in DemoIntents.Lumora.Examples())
        {
            for (var i = 0; i < examples.Count; i++)
            {
                settings[$"Copilot:Tenants:{CopilotTestHost.TenantId}:IntentExamples:{intent}:{i}"] = examples[i];
            }
        }
        // The admin's mapping: billing has its own tag, the intent also goes into Lumora's Intent dropdown; the rest get the default prefix.
        settings[$"Copilot:Tenants:{CopilotTestHost.TenantId}:TriageFields:IntentTags:billing"] = "billing_question";
        settings[$"Copilot:Tenants:{CopilotTestHost.TenantId}:TriageFields:IntentFieldId"] = "360014500001";
        _host = await CopilotTestHost.StartAsync(_zendesk, settings);
        using var sync = CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true");
        (await _host.Client.SendAsync(sync)).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _zendesk.DisposeAsync();
    }

    private async Task<JsonNode> SendAsync(HttpRequestMessage request)
    {
        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task AFullSyncTeachesTheTenantItsIntentsFromSolvedTicketsTags()
    {
        var model = await SendAsync(CopilotTestHost.Admin(HttpMethod.Get, $"/api/admin/tenants/{CopilotTestHost.TenantId}/intents"));

        Assert.True(model["trained"]!.GetValue<bool>());
        var billing = model["intents"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "billing")!;
        Assert.True(billing["ticketExamples"]!.GetValue<int>() >= 3);
        Assert.Equal(DemoIntents.Lumora.Examples()["billing"].Count, billing["configuredExamples"]!.GetValue<int>());
        Assert.True(model["heldOutExamples"]!.GetValue<int>() > 0);
        // The demo's English examples held out give a ticket in another language, read in English, its own temperature.
        Assert.True(model["translatedHeldOutExamples"]!.GetValue<int>() >= IntentClassifier.MinGists, model.ToJsonString());
        Assert.True(model["translatedTemperature"]!.GetValue<double>() > 0);
        Assert.NotNull(model["trainedAt"]);
        Assert.Equal(0.5, model["confidenceFloor"]!.GetValue<double>());
        // The demo runs offline: its English examples are read by the built-in sentence model too.
        Assert.StartsWith(Copilot.Connectors.Models.Local.LocalModelSpec.Default.Name, model["sentenceModel"]!.GetValue<string>());
    }

    [Fact]
    public async Task OfflineTriageAnswersWithALearnedIntentAndItsConfidence()
    {
        var ticket = AddTicket("Charged twice for Lumora Plus", "My card was charged twice for the yearly Lumora Plus plan. Please refund the second payment.");

        var triage = await SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/tickets/{ticket}/triage"));

        Assert.Equal("offline", triage["provider"]!["name"]!.GetValue<string>());
        var candidates = triage["intentCandidates"]!.AsArray();
        Assert.Equal("billing", candidates[0]!["value"]!.GetValue<string>());
        Assert.True(candidates[0]!["confidence"]!.GetValue<double>() > 0);
        var intent = triage["intent"]!;
        Assert.Equal("billing", intent["value"]!.GetValue<string>());
        Assert.Equal(candidates[0]!["confidence"]!.GetValue<double>(), intent["confidence"]!.GetValue<double>());
        Assert.True(intent["confidence"]!.GetValue<double>() > 0);
        Assert.Equal("high", triage["priority"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task TriageSaysWhereApplyingItWritesOnTheTicketForEveryIntentTheAgentCanPick()
    {
        var ticket = AddTicket("Bridge offline", "My Bridge went offline after the update and the lights are unreachable.");

        var applyTo = (await SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/tickets/{ticket}/triage")))["applyTo"]!;

        var field = applyTo["intentField"]!;
        Assert.Equal(("360014500001", "Intent"), (field["key"]!.GetValue<string>(), field["title"]!.GetValue<string>()));
        var values = field["values"]!.AsObject();
        Assert.Equal(("intent_billing", "Billing"), (values["billing"]!["value"]!.GetValue<string>(), values["billing"]!["label"]!.GetValue<string>()));
        Assert.All(DemoIntents.Lumora.Names.Where(n => n is not "other"), n => Assert.StartsWith("intent_", values[n]!["value"]!.GetValue<string>()));
        Assert.False(values.ContainsKey("other"));
        Assert.True(applyTo["priority"]!.GetValue<bool>());
        Assert.Equal(["low", "normal", "high", "urgent"], applyTo["priorities"]!.AsArray().Select(p => p!.GetValue<string>()));
        var tags = applyTo["intentTags"]!.AsObject();
        Assert.Equal("billing_question", tags["billing"]!.GetValue<string>());
        Assert.All(DemoIntents.Lumora.Names.Where(n => n is not "billing" and not "other"), n => Assert.Equal("intent_" + n.Replace('-', '_'), tags[n]!.GetValue<string>()));
        Assert.False(tags.ContainsKey("other"));
    }

    private long AddTicket(string subject, string body)
    {
        var id = 9100 + _zendesk.Data.Tickets.Count;
        var at = DateTimeOffset.Parse("2026-11-20T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        _zendesk.Data.AddTicket(new FakeTicket
        {
            Id = id, Subject = subject, Status = "open", RequesterId = 1016, CreatedAt = at, UpdatedAt = at,
            Comments = [new FakeComment { Id = id * 100 + 1, AuthorId = 1016, CreatedAt = at, HtmlBody = "<p>" + WebUtility.HtmlEncode(body) + "</p>" }],
        });
        return id;
    }
}
