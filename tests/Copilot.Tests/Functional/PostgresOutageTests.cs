using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Api.Suggestions;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Functional;

/// <summary>
/// PostgreSQL stops under a running host (a crash, a failover): requests that need the store answer 503 problem+json
/// with Retry-After and keep nothing, readiness says the store is down, and once the server is back the same host
/// serves again, without a restart. The server here is the test's own, as it is stopped.
/// </summary>
public sealed class PostgresOutageTests : IAsyncLifetime
{
    private PostgresServer _server = null!;
    private FakeZendesk _zendesk = null!;
    private CopilotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        var database = await _server.CreateDatabaseAsync();
        _zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        _host = await CopilotTestHost.StartAsync(_zendesk, configure: host => host.WithPostgres(database));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _zendesk.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task WhilePostgresIsDownRequestsAnswer503WithRetryAfterAndTheHostRecoversWhenItReturns()
    {
        var drafted = await SuggestAsync(132);
        await _server.StopAsync();

        var feedback = await SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/suggestions/{drafted}/feedback", JsonContent.Create(new { eventId = "ev-outage", outcome = "accepted" })));
        var analytics = await SendAsync(CopilotTestHost.Admin(HttpMethod.Get, "/api/analytics/summary?tenant=acme"));
        var ready = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/health/ready"));

        foreach (var (status, retryAfter, body, type) in new[] { feedback, analytics })
        {
            Assert.True(status == HttpStatusCode.ServiceUnavailable, $"{(int)status}: {body}");
            Assert.Equal("application/problem+json", type);
            Assert.NotNull(retryAfter);
            Assert.Equal(503, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("Unhealthy", JsonDocument.Parse(ready.Body).RootElement.GetProperty("entries").GetProperty("store").GetProperty("status").GetString());

        await _server.StartAgainAsync();

        var again = await SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/suggestions/{drafted}/feedback", JsonContent.Create(new { eventId = "ev-outage", outcome = "accepted" })));
        Assert.True(again.Status == HttpStatusCode.Created, $"{(int)again.Status}: {again.Body}"); // nothing of the refused request was kept
        var summary = await SendAsync(CopilotTestHost.Admin(HttpMethod.Get, "/api/analytics/summary?tenant=acme"));
        Assert.True(summary.Status == HttpStatusCode.OK, $"{(int)summary.Status}: {summary.Body}");
        var readyAgain = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/health/ready"));
        Assert.True(readyAgain.Status == HttpStatusCode.OK, $"{(int)readyAgain.Status}: {readyAgain.Body}");
        Assert.Equal(1, await _host.ScalarAsync("SELECT count(*) FROM feedback WHERE event_id = 'ev-outage'"));
    }

    /// <summary>A draft as the drafts feature records it before showing it (the helpdesk plays no part in this test).</summary>
    private async Task<string> SuggestAsync(long ticket)
    {
        var draft = new Suggestion
        {
            Tenant = CopilotTestHost.TenantId, TicketId = ticket, Kind = SuggestionKinds.Draft, AgentId = "2001", Intent = null,
            Text = "Hello, your refund is on its way.", Origin = SuggestionOrigin.Offline("draft.v2", 10), CreatedAt = DateTimeOffset.UtcNow,
        };
        await _host.Services.GetRequiredService<SuggestionStore>().AddAsync([draft], CancellationToken.None);
        return draft.Id;
    }

    private async Task<(HttpStatusCode Status, TimeSpan? RetryAfter, string Body, string? Type)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await _host.Client.SendAsync(request);
            return (response.StatusCode, response.Headers.RetryAfter?.Delta, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
        }
    }
}
