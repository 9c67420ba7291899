using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

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
        var drafted = await DraftAsync(132);
        await _server.StopAsync();

        var feedback = await SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/suggestions/{drafted}/feedback", JsonContent.Create(new { eventId = "ev-outage", outcome = "accepted" })));
        var analytics = await SendAsync(CopilotTestHost.Admin(HttpMethod.Get, "/api/analytics/summary?tenant=acme"));
        var ready = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/health/ready"));

        foreach (var (status, retryAfter, body, type) in new[] { feedback, analytics })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("application/problem+json", type);
            Assert.NotNull(retryAfter);
            Assert.Equal(503, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("Unhealthy", JsonDocument.Parse(ready.Body).RootElement.GetProperty("entries").GetProperty("store").GetProperty("status").GetString());

        await _server.StartAgainAsync();

        var again = await SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/suggestions/{drafted}/feedback", JsonContent.Create(new { eventId = "ev-outage", outcome = "accepted" })));
        Assert.Equal(HttpStatusCode.Created, again.Status); // nothing of the refused request was kept
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(CopilotTestHost.Admin(HttpMethod.Get, "/api/analytics/summary?tenant=acme"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/health/ready"))).Status);
        Assert.Equal(1, await _host.ScalarAsync("SELECT count(*) FROM feedback WHERE event_id = 'ev-outage'"));
    }

    private async Task<string> DraftAsync(long ticket)
    {
        var (status, _, body, _) = await SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/tickets/{ticket}/draft"));
        Assert.Equal(HttpStatusCode.OK, status);
        return JsonDocument.Parse(body).RootElement.GetProperty("suggestionId").GetString()!;
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
