using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Functional;

/// <summary>The real host with its store in PostgreSQL, tenant "acme" on the fake Zendesk's sample account, its knowledge synced.</summary>
public sealed class PostgresAcmeFixture : IAsyncLifetime
{
    public FakeZendesk Zendesk { get; private set; } = null!;
    public CopilotTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync();
        Zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        Host = await CopilotTestHost.StartAsync(Zendesk, configure: host => host.WithPostgres(database));
        using var response = await Host.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true"));
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Zendesk.DisposeAsync();
    }
}

/// <summary>
/// The sidebar's and the dashboard's requests over HTTP against a host whose store is PostgreSQL: an assist found in
/// the synced knowledge, shown once, feedback stored once however often it is sent, and counted by analytics.
/// </summary>
public sealed class PostgresHostTests(PostgresAcmeFixture fixture) : IClassFixture<PostgresAcmeFixture>
{
    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task AnAssistShownAndAnsweredIsStoredOnceAndCountedByAnalytics()
    {
        using var assistResponse = await Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/118/assist"));
        Assert.Equal(HttpStatusCode.OK, assistResponse.StatusCode);
        var assist = JsonDocument.Parse(await assistResponse.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.NotEqual(0, assist.GetProperty("articles").GetArrayLength());
        var summaryId = await AssistDisplay.SummaryIdAsync(Client, assist);
        var again = await AssistDisplay.SummaryIdAsync(Client, assist);
        var eventId = Guid.NewGuid().ToString();

        var first = await FeedbackAsync(summaryId, new { eventId, outcome = "accepted" });
        var retry = await FeedbackAsync(summaryId, new { eventId, outcome = "accepted" });

        Assert.Equal(summaryId, again);
        Assert.Equal(HttpStatusCode.Created, first);
        Assert.Equal(HttpStatusCode.OK, retry);
        Assert.Equal(1, await fixture.Host.ScalarAsync($"SELECT count(*) FROM feedback WHERE suggestion_id = '{summaryId}'"));
        var today = DateTime.UtcNow.Date;
        using var analytics = await Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Get,
            $"/api/analytics/summary?tenant=acme&groupBy=kind&from={today:yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}"));
        Assert.Equal(HttpStatusCode.OK, analytics.StatusCode);
        var summary = JsonDocument.Parse(await analytics.Content.ReadAsStringAsync()).RootElement.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("key").GetString() == "summary");
        Assert.True(summary.GetProperty("shown").GetInt64() >= 1);
        Assert.True(summary.GetProperty("usedAsIs").GetInt64() >= 1);
    }

    [Fact]
    public async Task ADraftIsGroundedInKnowledgeSearchedInPostgres()
    {
        using var response = await Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, "/api/tickets/132/draft"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("drafted", body.GetProperty("status").GetString());
        Assert.NotEmpty(body.GetProperty("citations").EnumerateArray());
        var id = body.GetProperty("suggestionId").GetString();
        Assert.Equal(1, await fixture.Host.ScalarAsync($"SELECT count(*) FROM suggestions WHERE id = '{id}' AND kind = 'draft'"));
    }

    [Fact]
    public async Task ReadinessWritesToPostgres()
    {
        using var response = await Client.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("entries").GetProperty("store").GetProperty("status").GetString());
        Assert.Equal(1, await fixture.Host.ScalarAsync("SELECT count(*) FROM store_probe"));
    }

    private async Task<HttpStatusCode> FeedbackAsync(string suggestionId, object payload)
    {
        using var response = await Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/suggestions/{suggestionId}/feedback", JsonContent.Create(payload)));
        return response.StatusCode;
    }
}
