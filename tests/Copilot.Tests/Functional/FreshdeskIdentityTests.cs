using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Fakes.Freshdesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Functional;

/// <summary>
/// A Freshdesk tenant called as the Freshworks app calls it: the shared secret proves the tenant, the agent id is
/// checked with the fake Freshdesk, roles come from its Freshdesk roles. One host shared by the class; tests that
/// count helpdesk calls or change the account start their own.
/// </summary>
public sealed class FreshdeskIdentityTests(FreshdeskIdentityTests.Fixture fixture) : IClassFixture<FreshdeskIdentityTests.Fixture>
{
    public const string ZendeskTenantId = "zd";
    public const string ZendeskSharedSecret = "zd-shared-secret-0123456789-abcdefghij-0123456789";

    public sealed class Fixture : IAsyncLifetime
    {
        public FakeFreshdesk Freshdesk { get; private set; } = null!;
        public CopilotTestHost Host { get; private set; } = null!;
        public FreshdeskPeople People { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Freshdesk = await FakeFreshdesk.StartAsync(FakeFreshdeskData.LoadDemo());
            People = FreshdeskPeople.Of(Freshdesk.Data);
            // A Zendesk tenant beside them, never called: the app's header must not work for it.
            Host = await CopilotTestHost.StartFreshdeskAsync(Freshdesk,
                configure: b => b.WithTenant(ZendeskTenantId, new Uri("http://127.0.0.1:9/"), ZendeskSharedSecret));
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await Freshdesk.DisposeAsync();
        }
    }

    private FreshdeskPeople People => fixture.People;

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            var response = await fixture.Host.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response);
        }
    }

    private Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> AsAgentAsync(HttpMethod method, string path, long agent, HttpContent? content = null) =>
        SendAsync(CopilotTestHost.FreshworksApp(method, path, agent, content));

    [Fact]
    public async Task AnAgentGetsTheAssistOfAFreshdeskTicket()
    {
        var ticket = fixture.Freshdesk.Data.FindTicket(101)!;

        var (status, body, _) = await AsAgentAsync(HttpMethod.Get, "/api/tickets/101/assist", People.Agent);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(101, body.GetProperty("ticketId").GetInt64());
        var summary = body.GetProperty("summary");
        Assert.Contains("Leidseplein", ticket.Description, StringComparison.Ordinal);
        Assert.Contains("Leidseplein", summary.GetProperty("customerWants").GetString(), StringComparison.Ordinal);
        Assert.Contains("Why did this happen", summary.GetProperty("nextStep").GetString(), StringComparison.Ordinal);
        // The private note's author is named: the identity check read the account's agents.
        Assert.Contains("Internal note (Pieter)", summary.GetProperty("status").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongSecretAnUnknownTenantAndAZendeskTenantGetTheSameAnswer()
    {
        var answers = new List<(HttpStatusCode Status, string Type, string Problem, string Headers)>();
        foreach (var (tenant, secret) in new[]
        {
            (CopilotTestHost.TenantId, CopilotTestHost.OtherSharedSecret),
            (CopilotTestHost.TenantId, CopilotTestHost.SharedSecret + "x"),
            ("nobody", CopilotTestHost.SharedSecret),
            (ZendeskTenantId, ZendeskSharedSecret),
        })
        {
            var (status, body, response) = await SendAsync(CopilotTestHost.FreshworksApp(HttpMethod.Get, "/api/tickets/101/assist", People.Agent, tenant: tenant, secret: secret));
            using (response)
            {
                var problem = $"{body.GetProperty("status")} {body.GetProperty("title")} {body.GetProperty("detail")} {body.GetProperty("type")}";
                var headers = string.Join(";", response.Headers.Where(h => h.Key != "Date").Select(h => $"{h.Key}={string.Join(",", h.Value)}").Order());
                answers.Add((status, response.Content.Headers.ContentType!.ToString(), problem, headers));
            }
        }

        Assert.Equal(HttpStatusCode.Unauthorized, answers[0].Status);
        Assert.Equal("application/problem+json", answers[0].Type);
        Assert.StartsWith("401 Credentials not accepted ", answers[0].Problem, StringComparison.Ordinal);
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task ATenantSecretWithTheAppHeaderWorksOnlyForItsOwnTenant()
    {
        var (own, _, _) = await SendAsync(CopilotTestHost.FreshworksApp(HttpMethod.Get, "/api/tickets/101/assist", People.Agent,
            tenant: CopilotTestHost.OtherTenantId, secret: CopilotTestHost.OtherSharedSecret));
        var (crossed, _, _) = await SendAsync(CopilotTestHost.FreshworksApp(HttpMethod.Get, "/api/tickets/101/assist", People.Agent,
            tenant: CopilotTestHost.OtherTenantId, secret: CopilotTestHost.SharedSecret));

        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Equal(HttpStatusCode.Unauthorized, crossed);
    }

    [Fact]
    public async Task AZendeskProxyTokenIsRefusedForAFreshdeskTenant()
    {
        // Signed with the tenant's very secret: Freshworks signs nothing of the kind, so the token proves nothing here.
        var (status, _, _) = await SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    public static TheoryData<string> NotAgents => new() { "contact", "unknown id", "collaborator" };

    [Theory]
    [MemberData(nameof(NotAgents))]
    public async Task AnIdThatIsNoActiveAgentIsForbidden(string who)
    {
        var id = who switch
        {
            "contact" => People.Contact,
            "collaborator" => People.Collaborator,
            _ => 43009999999,
        };

        var (status, body, response) = await AsAgentAsync(HttpMethod.Get, "/api/tickets/101/assist", id);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Not an agent", body.GetProperty("title").GetString());
        var (draft, _, _) = await AsAgentAsync(HttpMethod.Post, "/api/tickets/101/draft", id);
        Assert.Equal(HttpStatusCode.Forbidden, draft);
    }

    [Fact]
    public async Task APlainAgentMayNotReadAnalyticsAndATeamLeadMay()
    {
        const string summary = "/api/analytics/summary?from=2026-01-01&to=2026-01-31&groupBy=agent";

        Assert.Equal(HttpStatusCode.Forbidden, (await AsAgentAsync(HttpMethod.Get, summary, People.Agent)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await AsAgentAsync(HttpMethod.Get, "/api/dashboard/agents", People.Agent)).Status);
        Assert.Equal(HttpStatusCode.OK, (await AsAgentAsync(HttpMethod.Get, summary, People.Lead)).Status);
        var (status, agents, _) = await AsAgentAsync(HttpMethod.Get, "/api/dashboard/agents", People.Lead);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(agents.EnumerateArray(), a => a.GetProperty("id").GetString() == People.Agent.ToString());
        // A lead reads its own tenant only.
        Assert.Equal(HttpStatusCode.Forbidden, (await AsAgentAsync(HttpMethod.Get, summary + "&tenant=" + CopilotTestHost.OtherTenantId, People.Lead)).Status);
    }

    [Fact]
    public async Task OnlyAFreshdeskAdminChangesTheTenantsSettingsFromTheDashboard()
    {
        HttpContent Minutes() => JsonContent.Create(new { minutesPerUse = new { draft = 6 } });

        var (asLead, _, _) = await AsAgentAsync(HttpMethod.Put, "/api/dashboard/time-saved", People.Lead, Minutes());
        var (asAdmin, body, _) = await AsAgentAsync(HttpMethod.Put, "/api/dashboard/time-saved", People.Admin, Minutes());

        Assert.Equal(HttpStatusCode.Forbidden, asLead);
        Assert.Equal(HttpStatusCode.OK, asAdmin);
        Assert.True(body.GetProperty("canEdit").GetBoolean());
        Assert.Equal(6, body.GetProperty("assumptions").GetProperty("minutesPerUse").GetProperty("draft").GetDouble());
    }

    [Fact]
    public async Task EverySidebarTaskServesTheAgentAndRecordsItsSuggestionUnderTheirFreshdeskId()
    {
        var agent = People.Agent;
        var canned = fixture.Freshdesk.Data.CannedResponses.First(r => r.Title == "Ask for the ride receipt").Id;

        var (draftStatus, draft, _) = await AsAgentAsync(HttpMethod.Post, "/api/tickets/106/draft", agent, JsonContent.Create(new { }));
        var (triageStatus, triage, _) = await AsAgentAsync(HttpMethod.Post, "/api/tickets/106/triage", agent, JsonContent.Create(new { }));
        var (rewriteStatus, rewrite, _) = await AsAgentAsync(HttpMethod.Post, "/api/rewrite", agent,
            JsonContent.Create(new { action = "fix-grammar", text = "i cant unlock the bike , sorry for that", ticketId = 106 }));
        var (previewStatus, preview, _) = await AsAgentAsync(HttpMethod.Get, $"/api/tickets/106/macros/{canned}/preview", agent);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (draftStatus, triageStatus, rewriteStatus, previewStatus));
        Assert.Contains("receipt", preview.ToString(), StringComparison.OrdinalIgnoreCase);
        foreach (var id in new[] { draft, triage, rewrite }.Select(b => b.GetProperty("suggestionId").GetString()))
        {
            Assert.Equal(agent.ToString(), await fixture.Host.ScalarTextAsync($"SELECT agent_id FROM suggestions WHERE id = '{id}'"));
        }
    }

    [Fact]
    public async Task WhatTheAgentWasShownAndTheirFeedbackAreRecordedUnderTheirFreshdeskId()
    {
        var agent = People.Lead;
        var (_, assist, _) = await AsAgentAsync(HttpMethod.Get, "/api/tickets/104/assist", agent);
        var (shownStatus, shown, _) = await AsAgentAsync(HttpMethod.Post, $"/api/tickets/104/assist/{assist.GetProperty("assistId").GetString()}/shown", agent,
            JsonContent.Create(new { kinds = new[] { "summary" } }));
        var summaryId = shown.GetProperty("summary").GetString()!;

        var (feedback, _, _) = await AsAgentAsync(HttpMethod.Post, $"/api/suggestions/{summaryId}/feedback", agent,
            JsonContent.Create(new { eventId = Guid.NewGuid().ToString(), outcome = "accepted" }));

        Assert.Equal(HttpStatusCode.OK, shownStatus);
        Assert.Equal(HttpStatusCode.Created, feedback);
        Assert.Equal(agent.ToString(), await fixture.Host.ScalarTextAsync($"SELECT agent_id FROM suggestions WHERE id = '{summaryId}'"));
        Assert.Equal(agent.ToString(), await fixture.Host.ScalarTextAsync($"SELECT agent_id FROM feedback WHERE suggestion_id = '{summaryId}'"));
    }
}
