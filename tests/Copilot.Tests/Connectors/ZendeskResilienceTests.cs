using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Helpdesk;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using static Copilot.Tests.Connectors.ZendeskTestData;

namespace Copilot.Tests.Connectors;

public sealed class ZendeskResilienceTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task RateLimitWithShortRetryAfterIsWaitedOutAndSucceeds()
    {
        var time = FakeClock.AtNow();
        await using var zd = await ZendeskHarness.StartAsync(Build(), time: time);
        zd.Fake.Faults.RateLimit(1, retryAfterSeconds: 1);

        var call = zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None);
        await FakeClock.WaitForAsync(() => zd.Logs.RetryDelays().Any(), "a retry scheduled");
        Assert.False(call.IsCompleted);
        await time.AdvanceUntilAsync(call, Step, Limit);
        var thread = await call;

        Assert.NotNull(thread);
        Assert.Equal(3, zd.Fake.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], zd.Logs.RetryDelays());
    }

    [Fact]
    public async Task RateLimitLongerThanAllowedFailsAtOnceWithRetryAfter()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build(), o => o.MaxRetryAfter = TimeSpan.FromSeconds(5));
        zd.Fake.Faults.RateLimit(1, retryAfterSeconds: 30);

        var error = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None));

        Assert.Equal(429, error.StatusCode);
        Assert.True(error.IsRateLimited);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Equal("zendesk", error.Helpdesk);
        Assert.Contains("Number of allowed API requests per minute exceeded", error.Message);
        Assert.Single(zd.Fake.Requests);
    }

    [Fact]
    public async Task RateLimitGivenAsHttpDateIsWaitedOutOnTheClock()
    {
        var time = FakeClock.AtNow();
        await using var zd = await ZendeskHarness.StartAsync(Build(), time: time);
        zd.Fake.Faults.RateLimitUntil(1, time.GetUtcNow().AddSeconds(2));

        var call = zd.Client.GetMacrosAsync(CancellationToken.None);
        await FakeClock.WaitForAsync(() => zd.Logs.RetryDelays().Any(), "a retry scheduled");
        await time.AdvanceUntilAsync(call, Step, Limit);

        Assert.Empty(await call);
        Assert.Equal([TimeSpan.FromSeconds(2)], zd.Logs.RetryDelays());
        Assert.Equal(2, zd.Fake.Requests.Count);
    }

    [Fact]
    public async Task ShortRetryAfterOnUnavailableIsWaitedOut()
    {
        var time = FakeClock.AtNow();
        await using var zd = await ZendeskHarness.StartAsync(Build(), o => o.MaxRetryAfter = TimeSpan.FromSeconds(5), time: time);
        zd.Fake.Faults.Enqueue(new FakeFault(503, "2", """{"error":"ServiceUnavailable","description":"Maintenance"}"""));

        var call = zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None);
        await FakeClock.WaitForAsync(() => zd.Logs.RetryDelays().Any(), "a retry scheduled");
        await time.AdvanceUntilAsync(call, Step, Limit);

        Assert.NotNull(await call);
        Assert.Equal([TimeSpan.FromSeconds(2)], zd.Logs.RetryDelays());
    }

    [Fact]
    public async Task LongRetryAfterOnUnavailableFailsAtOnceAndKeepsIt()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build(), o => o.MaxRetryAfter = TimeSpan.FromSeconds(5));
        zd.Fake.Faults.Enqueue(new FakeFault(503, "120", """{"error":"ServiceUnavailable","description":"Maintenance"}"""));

        var error = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Single(zd.Fake.Requests);
    }

    [Fact]
    public async Task ServerErrorIsRetriedThenSucceeds()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build());
        zd.Fake.Faults.Fail(500);

        var thread = await zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None);

        Assert.Equal(3, thread!.Comments.Count);
        Assert.Equal(3, zd.Fake.Requests.Count);
        Assert.Single(zd.Logs.RetryDelays());
    }

    [Fact]
    public async Task ServerErrorRetriesWaitGrowingJitteredDelays()
    {
        var time = FakeClock.AtNow();
        await using var zd = await ZendeskHarness.StartAsync(Build(), o => { o.BaseDelay = TimeSpan.FromSeconds(1); o.MaxRetries = 2; }, time: time);
        zd.Fake.Faults.Fail(500, times: 2);

        var call = zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None);
        await time.AdvanceUntilAsync(call, Step, Limit);

        Assert.NotNull(await call);
        var delays = zd.Logs.RetryDelays().ToList();
        Assert.Equal(2, delays.Count);
        Assert.All(delays, d => Assert.True(d > TimeSpan.Zero));
        // Jitter: not the bare exponential series 1 s, 2 s that every client would share.
        Assert.NotEqual([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], delays);
    }

    [Fact]
    public async Task PersistentUnavailabilityFailsWithStatusAndZendeskMessageAfterCappedAttempts()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build(), o => o.MaxRetries = 2);
        zd.Fake.Faults.Fail(503, times: 10);

        var error = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None));

        Assert.Equal(503, error.StatusCode);
        Assert.Null(error.RetryAfter);
        Assert.Contains("ServiceUnavailable", error.Message);
        Assert.Contains("Zendesk is temporarily unavailable", error.Message);
        Assert.Equal(3, zd.Fake.Requests.Count);
    }

    [Fact]
    public async Task ConfiguredRetriesAboveTheCapAreRejectedAtStartUp()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ZendeskHarness.StartAsync(Build(), o => o.MaxRetries = 50));

        Assert.Contains("MaxRetries", error.Message);
    }

    [Fact]
    public async Task SlowResponseBeyondTheAttemptTimeoutIsRetriedThenBecomesHelpdeskException()
    {
        var time = FakeClock.AtNow();
        await using var zd = await ZendeskHarness.StartAsync(Build(), o =>
        {
            o.Timeout = TimeSpan.FromSeconds(10);
            o.MaxRetries = 1;
        }, time: time);
        using var hold = zd.Fake.Faults.Hold(times: 2);

        var call = zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None);
        await FakeClock.WaitForAsync(() => zd.Fake.Requests.Count == 1, "the first attempt");
        time.Advance(TimeSpan.FromSeconds(10));
        await time.AdvanceUntilAsync(() => zd.Fake.Requests.Count == 2, Step, Limit);
        time.Advance(TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<HelpdeskException>(() => call);

        Assert.Null(error.StatusCode);
        Assert.Contains("in time", error.Message);
        Assert.Equal(2, zd.Fake.Requests.Count);
    }

    [Fact]
    public async Task SlowResponseWithinTheTimeoutIsNotRetried()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build(), o => o.Timeout = TimeSpan.FromSeconds(10));
        zd.Fake.Faults.Slow(TimeSpan.FromMilliseconds(50));

        var thread = await zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None);

        Assert.NotNull(thread);
        Assert.Equal(2, zd.Fake.Requests.Count);
    }

    [Fact]
    public async Task GarbledJsonBecomesHelpdeskException()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build());
        zd.Fake.Faults.Garble();

        var error = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("not the expected JSON", error.Message);
        Assert.Single(zd.Fake.Requests);
    }

    [Fact]
    public async Task UnreachableZendeskBecomesHelpdeskExceptionWithoutStatus()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build(), o => o.MaxRetries = 1);
        var port = zd.Fake.BaseUrl.Port;
        await zd.Fake.DisposeAsync();

        var error = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetMacrosAsync(CancellationToken.None));

        Assert.Null(error.StatusCode);
        Assert.Contains("could not be reached", error.Message);
        Assert.True(port > 0);
    }

    [Fact]
    public async Task CallerCancellationIsNotTurnedIntoAHelpdeskFailure()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build());
        using var hold = zd.Fake.Faults.Hold();
        using var cancel = new CancellationTokenSource();

        var call = zd.Client.GetThreadAsync(TypicalTicket, cancel.Token);
        while (zd.Fake.Requests.Count == 0)
        {
            await Task.Delay(5);
        }
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public void RetryAfterAsADateIsAWaitFromTheGivenClock()
    {
        var time = FakeClock.AtNow();
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), RetryAfter.From(response, time));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, RetryAfter.From(response, time));
    }
}
