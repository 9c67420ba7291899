using System.Net;
using Copilot.Connectors.Helpdesk;
using Copilot.Connectors.Zendesk;
using static Copilot.Tests.Connectors.ZendeskTestData;

namespace Copilot.Tests.Connectors;

public sealed class ZendeskResilienceTests
{
    [Fact]
    public async Task RateLimitWithShortRetryAfterIsWaitedOutAndSucceeds()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build());
        zd.Fake.Faults.RateLimit(1, retryAfterSeconds: 1);

        var thread = await zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None);

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
    public async Task PersistentUnavailabilityFailsWithStatusAndZendeskMessageAfterCappedAttempts()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build(), o => o.MaxRetries = 2);
        zd.Fake.Faults.Fail(503, times: 10);

        var error = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None));

        Assert.Equal(503, error.StatusCode);
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
    public async Task SlowResponseBeyondTheTimeoutBecomesHelpdeskException()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build(), o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetries = 1;
        });
        zd.Fake.Faults.Slow(TimeSpan.FromSeconds(5), times: 2);

        var error = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None));

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
        zd.Fake.Faults.Slow(TimeSpan.FromSeconds(5));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => zd.Client.GetThreadAsync(TypicalTicket, cancel.Token));
    }

    [Theory]
    [InlineData(0, 0.0, 50)]
    [InlineData(0, 1.0, 100)]
    [InlineData(1, 0.0, 100)]
    [InlineData(2, 0.5, 300)]
    public void BackoffDoublesEachRetryWithJitterBetweenHalfAndFull(int attempt, double jitter, int expectedMs)
    {
        var options = new ZendeskClientOptions { BaseDelay = TimeSpan.FromMilliseconds(100) };

        var delay = ZendeskResilience.DelayFor(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), attempt, options, TimeProvider.System, jitter);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    [Fact]
    public void RateLimitDelayIsTheRetryAfterDateFromNow()
    {
        var now = new FixedTime(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(now.GetUtcNow().AddSeconds(3));

        var delay = ZendeskResilience.DelayFor(response, 0, new ZendeskClientOptions(), now, 0.5);

        Assert.Equal(TimeSpan.FromSeconds(3), delay);
    }

    [Fact]
    public async Task RateLimitGivenAsHttpDateIsWaitedOut()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build());
        zd.Fake.Faults.RateLimitUntil(1, DateTimeOffset.UtcNow.AddSeconds(2));

        var macros = await zd.Client.GetMacrosAsync(CancellationToken.None);

        Assert.Empty(macros);
        var delay = Assert.Single(zd.Logs.RetryDelays());
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Equal(2, zd.Fake.Requests.Count);
    }

    [Fact]
    public void ShortRetryAfterOnUnavailableIsHonoured()
    {
        var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
        var options = new ZendeskClientOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxRetryAfter = TimeSpan.FromSeconds(5) };

        Assert.Equal(TimeSpan.FromSeconds(2), ZendeskResilience.DelayFor(response, 0, options, TimeProvider.System, 0));
        options.MaxRetryAfter = TimeSpan.FromSeconds(1);
        Assert.Equal(TimeSpan.FromMilliseconds(50), ZendeskResilience.DelayFor(response, 0, options, TimeProvider.System, 0));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
