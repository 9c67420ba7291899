using System.Net;
using Copilot.Fakes.Helpdesk;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Connectors;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Functional;

public sealed class HelpdeskFaultTests
{
    [Fact]
    public async Task AHelpdeskThatKeepsFailingIsABadGatewayNamingIt()
    {
        await using var zd = await HelpdeskFaultHost.StartAsync();
        zd.Zendesk.Faults.Fail(500, times: 20);

        using var response = await zd.AssistAsync(101, refresh: true);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("zendesk", (await HelpdeskFaultHost.BodyAsync(response)).GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task APageCursorZendeskRefusesIsABadGatewayInZendesksWordsNotAServerError()
    {
        await using var zd = await HelpdeskFaultHost.StartAsync();
        // The ticket answers; its comments are refused as Zendesk refuses a page[after] it did not issue.
        zd.Zendesk.Faults.Enqueue(new FakeFault());
        zd.Zendesk.Faults.Fail(400, body: ZendeskCursorTests.Refused);

        using var response = await zd.AssistAsync(101, refresh: true);
        var body = await HelpdeskFaultHost.BodyAsync(response);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/api/v2/tickets/101/comments", zd.Zendesk.Requests[^1].Path);
        Assert.Contains("zendesk answered 400: InvalidPaginationParameter – page[after] is not valid", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AShortRateLimitIsWaitedOut()
    {
        await using var zd = await HelpdeskFaultHost.StartAsync();
        zd.Zendesk.Faults.RateLimit(times: 1, retryAfterSeconds: 1);

        var open = zd.AssistAsync(117);
        await zd.Time.AdvanceUntilAsync(open, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(7));
        using var response = await open;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, zd.Zendesk.Faults.Pending);
    }

    [Fact]
    public async Task ALongRateLimitIsPassedOnWithRetryAfter()
    {
        await using var zd = await HelpdeskFaultHost.StartAsync();
        zd.Zendesk.Faults.RateLimit(times: 5, retryAfterSeconds: 90);

        using var response = await zd.AssistAsync(119);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(90), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("rate limiting", (await HelpdeskFaultHost.BodyAsync(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task AHelpdeskUnavailableWithRetryAfterIsA503KeepingIt()
    {
        await using var zd = await HelpdeskFaultHost.StartAsync();
        zd.Zendesk.Faults.Enqueue(new FakeFault(503, "120", """{"error":"ServiceUnavailable","description":"Scheduled maintenance"}"""));

        using var response = await zd.AssistAsync(121);
        var body = await HelpdeskFaultHost.BodyAsync(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), response.Headers.RetryAfter?.Delta);
        Assert.Contains("unavailable", body.GetProperty("title").GetString());
        Assert.Contains("Scheduled maintenance", body.GetProperty("detail").GetString());
        Assert.Equal(1, zd.Calls);
    }

    [Fact]
    public async Task ARefreshThatFailsServesTheLastAssistMarkedStale()
    {
        await using var zd = await HelpdeskFaultHost.StartAsync();
        using var first = await zd.AssistAsync(118);
        var generatedAt = (await HelpdeskFaultHost.BodyAsync(first)).GetProperty("generatedAt").GetDateTimeOffset();
        zd.Zendesk.Faults.Fail(500, times: 3);

        using var refreshed = await zd.AssistAsync(118, refresh: true);
        var body = await HelpdeskFaultHost.BodyAsync(refreshed);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.True(body.GetProperty("stale").GetBoolean());
        Assert.True(body.GetProperty("cached").GetBoolean());
        Assert.Equal(generatedAt, body.GetProperty("generatedAt").GetDateTimeOffset());
        Assert.Contains("Something went wrong", body.GetProperty("staleReason").GetString());
    }

    [Fact]
    public async Task NothingIsRecordedWhenTheHelpdeskFails()
    {
        await using var zd = await HelpdeskFaultHost.StartAsync();
        zd.Zendesk.Faults.Fail(503, times: 20);

        using (var response = await zd.Host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, "/api/tickets/150/draft")))
        {
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={zd.Host.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM suggestions WHERE ticket_id = 150";
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }
}
