using Copilot.Connectors.Helpdesk;
using Copilot.Tests.Infrastructure;
using static Copilot.Tests.Connectors.ZendeskTestData;

namespace Copilot.Tests.Connectors;

/// <summary>The client against the fake Zendesk's real per-minute limit, on one fake clock.</summary>
public sealed class ZendeskRateLimitTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task AnAccountThatRunsDryIsReportedWithTheWaitLeftInTheMinuteAndNotCalledAgainUntilItHasPassed()
    {
        var data = Build();
        data.RateLimitPerMinute = 3;
        var time = FakeClock.AtNow();
        await using var zd = await ZendeskHarness.StartAsync(data, o => o.MaxRetryAfter = TimeSpan.FromSeconds(5), time: time);

        Assert.NotNull(await zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(20));
        // The ticket is the minute's third call; its comments find the account dry, 40 s before the minute turns over.
        var dry = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None));
        var held = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetMacrosAsync(CancellationToken.None));

        Assert.True(dry.IsRateLimited);
        Assert.False(dry.NotSent);
        Assert.Equal(TimeSpan.FromSeconds(40), dry.RetryAfter);
        Assert.Contains("Number of allowed API requests per minute exceeded", dry.Message);
        Assert.True(held.NotSent);
        Assert.Equal(TimeSpan.FromSeconds(40), held.RetryAfter);
        Assert.Equal(4, zd.Fake.Requests.Count);
        Assert.Equal(1, zd.Fake.RateLimit.Rejected);

        time.Advance(TimeSpan.FromSeconds(40));
        Assert.NotNull(await zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None));
        Assert.Equal([3, 2], zd.Fake.RateLimit.SpentPerWindow);
    }

    [Fact]
    public async Task AnAccountThatRunsDryMomentsBeforeTheMinuteTurnsOverIsWaitedOutAndTheReadSucceeds()
    {
        var data = Build();
        data.RateLimitPerMinute = 3;
        var time = FakeClock.AtNow();
        await using var zd = await ZendeskHarness.StartAsync(data, o => o.MaxRetryAfter = TimeSpan.FromSeconds(5), time: time);
        Assert.NotNull(await zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(58));

        var call = zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None);
        await FakeClock.WaitForAsync(() => zd.Logs.RetryDelays().Any(), "a retry scheduled");
        await time.AdvanceUntilAsync(call, Step, Limit);

        Assert.Equal(3, (await call)!.Comments.Count);
        Assert.Equal([TimeSpan.FromSeconds(2)], zd.Logs.RetryDelays());
        Assert.Equal(1, zd.Fake.RateLimit.Rejected);
        Assert.Equal([3, 1], zd.Fake.RateLimit.SpentPerWindow);
    }
}
