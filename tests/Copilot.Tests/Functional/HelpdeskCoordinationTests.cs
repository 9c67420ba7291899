using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Functional;

/// <summary>Helpdesk calls coordinated across requests: back-off, single flight, breaker, deadline.</summary>
public sealed class HelpdeskCoordinationTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task ARateLimitOfThirtySecondsCostsOneHelpdeskCallAcrossTwentyRequests()
    {
        await using var zd = await HelpdeskFaultHost.StartAsync();
        zd.Zendesk.Faults.RateLimit(times: 100, retryAfterSeconds: 30);
        var waits = new List<int>();

        // Twenty opens of different tickets over the first 24 s: only the first reaches Zendesk.
        for (var i = 0; i < 20; i++)
        {
            using var response = await zd.AssistAsync(101 + i);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            waits.Add((int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds);
            zd.Time.Advance(TimeSpan.FromSeconds(1.2));
        }

        Assert.Equal(1, zd.Calls);
        Assert.Equal(30, waits[0]);
        Assert.Equal(waits.OrderDescending(), waits);
        Assert.InRange(waits[^1], 7, 8);

        // An open in the last seconds of the wait (shorter than MaxRetryAfter) waits it out, then calls.
        zd.Time.Advance(TimeSpan.FromSeconds(3));
        zd.Zendesk.Faults.Clear();
        var late = zd.AssistAsync(101);
        await zd.Time.AdvanceByAsync(TimeSpan.FromSeconds(2.5), Step);
        Assert.False(late.IsCompleted);
        Assert.Equal(1, zd.Calls);
        await zd.Time.AdvanceUntilAsync(late, Step, TimeSpan.FromMinutes(1));
        using var after = await late;

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(3, zd.Calls);
    }

    [Fact]
    public async Task TwentyConcurrentColdOpensOfOneTicketMakeExactlyTwoHelpdeskCalls()
    {
        await using var zd = await HelpdeskFaultHost.StartAsync();
        var hold = zd.Zendesk.Faults.Hold();

        var opens = Enumerable.Range(0, 20).Select(_ => zd.AssistAsync(127)).ToList();
        await FakeClock.WaitForAsync(() => zd.Calls == 1, "the ticket read");
        // Give the other opens a moment to arrive while the read is held; late ones find it cached.
        await Task.Delay(100);
        hold.Release();
        var responses = await Task.WhenAll(opens);

        // The minimum: the ticket with its users sideloaded, and one page of comments.
        Assert.Equal(2, zd.Calls);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var assists = new HashSet<string>();
        foreach (var response in responses)
        {
            assists.Add((await HelpdeskFaultHost.BodyAsync(response)).GetProperty("assistId").GetString()!);
            response.Dispose();
        }
        // One computation, shared by all twenty, and nothing recorded until a sidebar reports a display.
        Assert.Single(assists);
        Assert.Equal(0L, await zd.Host.ScalarAsync("SELECT COUNT(*) FROM suggestions WHERE ticket_id = 127"));
    }

    [Fact]
    public async Task AFailingHelpdeskOpensTheBreakerThenCallsStopAndCachedAnswersAreServedMarkedStale()
    {
        await using var zd = await HelpdeskFaultHost.StartAsync();
        using (var warm = await zd.AssistAsync(127))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }
        zd.Zendesk.Faults.Fail(500, times: 1_000);

        // Six attempts (two good, four failed) reach the breaker's minimum: it opens during the second open.
        using (var failed = await zd.AssistAsync(101))
        {
            Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        }
        using (var opened = await zd.AssistAsync(102))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, opened.StatusCode);
        }
        var callsWhenOpened = zd.Calls;
        for (var i = 0; i < 10; i++)
        {
            using var refused = await zd.AssistAsync(110 + i);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        }
        using var stale = await zd.AssistAsync(127, refresh: true);
        var body = await HelpdeskFaultHost.BodyAsync(stale);

        Assert.Equal(2 + 3 + 1, callsWhenOpened);
        Assert.Equal(callsWhenOpened, zd.Calls);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.True(body.GetProperty("stale").GetBoolean());
        Assert.Contains("paused", body.GetProperty("staleReason").GetString());
        Assert.Equal(127, body.GetProperty("ticketId").GetInt64());

        // After the break, one trial call goes out; Zendesk answers again and the assist is current.
        zd.Time.Advance(TimeSpan.FromSeconds(31));
        zd.Zendesk.Faults.Clear();
        using var recovered = await zd.AssistAsync(127, refresh: true);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.False((await HelpdeskFaultHost.BodyAsync(recovered)).GetProperty("stale").GetBoolean());
    }

    [Fact]
    public async Task ASlowHelpdeskIsAnsweredWithinTheDeadlineFromTheLastAssistMarkedStale()
    {
        await using var zd = await HelpdeskFaultHost.StartAsync();
        using (var warm = await zd.AssistAsync(127))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }
        using var hold = zd.Zendesk.Faults.Hold();

        var open = zd.AssistAsync(127, refresh: true);
        await FakeClock.WaitForAsync(() => zd.Calls == 3, "the ticket read");
        await zd.Time.AdvanceByAsync(TimeSpan.FromSeconds(7.5), Step);
        Assert.False(open.IsCompleted);
        await zd.Time.AdvanceUntilAsync(open, Step, TimeSpan.FromMinutes(1));
        using var response = await open;
        var body = await HelpdeskFaultHost.BodyAsync(response);

        // The default deadline is 8 s, before Zendesk's own attempt timeout (10 s): the reason names the deadline.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("stale").GetBoolean());
        Assert.Contains("8 s", body.GetProperty("staleReason").GetString());
    }

    [Fact]
    public async Task ASlowHelpdeskWithNothingCachedIsA503WithRetryAfterWithinTheDeadline()
    {
        await using var zd = await HelpdeskFaultHost.StartAsync(new Dictionary<string, string?> { ["Copilot:Assist:DeadlineSeconds"] = "3" });
        var hold = zd.Zendesk.Faults.Hold();

        var open = zd.AssistAsync(131);
        await FakeClock.WaitForAsync(() => zd.Calls == 1, "the ticket read");
        await zd.Time.AdvanceByAsync(TimeSpan.FromSeconds(2.5), Step);
        Assert.False(open.IsCompleted);
        await zd.Time.AdvanceUntilAsync(open, Step, TimeSpan.FromMinutes(1));
        using var response = await open;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);

        // The read went on without the caller: once Zendesk answers, the next open is served from cache.
        hold.Release();
        await FakeClock.WaitForAsync(() => zd.Calls == 2, "the comments read");
        var cache = zd.Host.Services.GetRequiredService<Copilot.Api.Assist.AssistCache>();
        await FakeClock.WaitForAsync(() => cache.GetLastAsync(CopilotTestHost.TenantId, 131).AsTask().Result is not null, "the assist in the cache");
        using var again = await zd.AssistAsync(131);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await HelpdeskFaultHost.BodyAsync(again)).GetProperty("cached").GetBoolean());
        Assert.Equal(2, zd.Calls);
    }
}
