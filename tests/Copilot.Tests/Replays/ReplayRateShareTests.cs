using System.Net.Http.Json;
using Copilot.Api.Replays;
using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Freshdesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Replays;

/// <summary>A replay spends at most its share of the helpdesk's rate limit, window by window, and waits for the next window.</summary>
public sealed class ReplayRateShareTests
{
    [Fact]
    public async Task AReplayNeverSpendsMoreThanItsShareOfAnyMinuteOfFreshdesksRateLimit()
    {
        var clock = FakeClock.AtNow();
        var data = ReplayData.Freshdesk();
        // 20 credits a minute; a quarter of it is 5: the list (1), then a ticket with its requester (2) and its conversations (1).
        data.RateLimitPerMinute = 20;
        await using var freshdesk = await FakeFreshdesk.StartAsync(data, clock);
        await using var host = await CopilotTestHost.StartFreshdeskAsync(freshdesk, new Dictionary<string, string?>(ReplayCalls.Settings)
        {
            ["Copilot:Replay:HelpdeskShare"] = "0.25",
            ["Copilot:Replay:Concurrency"] = "2",
            // The clock runs fast while the replay waits for the next minute: no call may time out on it meanwhile.
            ["Copilot:Freshdesk:Timeout"] = "01:00:00",
            ["Copilot:Freshdesk:TotalTimeout"] = "02:00:00",
        }, b => b.WithClock(clock));

        var id = await ReplayCalls.StartAsync(host, ReplayCalls.Base, JsonContent.Create(new { from = "2026-11-01T00:00:00Z" }));
        // The clock moves only while the replay is held, and then straight to the end of the hold: a call on its way
        // when the hold began reaches the helpdesk in the next minute, as it would have on the wall clock. Moving it in
        // steps while a call travels would let the helpdesk's minute and the copilot's drift apart by the step.
        var backoff = host.Services.GetRequiredService<HelpdeskBackoff>();
        var lane = HelpdeskShare.Lane(HelpdeskBackoff.AccountOf(freshdesk.BaseUrl));
        var run = await ReplayCalls.WaitAsync(host, id, async () =>
        {
            await Task.Delay(20);
            if (backoff.Held(lane) is { } held)
            {
                clock.Advance(held.Left);
            }
        });

        Assert.True((run.Status, run.Done) == (ReplayStatus.Done, 4), $"{run.Status} {run.Done}: {run.Error}");
        var spent = freshdesk.RateLimit.SpentPerWindow;
        Assert.True(spent.All(credits => credits <= 5), $"credits spent per minute: {string.Join(", ", spent)}");
        // The replay alone spends 1 + 4 × 3 = 13 credits, at most 5 a minute: at least three windows; the helpdesk never refused one.
        Assert.True(spent.Sum() >= 13, string.Join(", ", spent));
        Assert.True(spent.Count >= 3, string.Join(", ", spent));
        Assert.Equal(0, freshdesk.RateLimit.Rejected);
    }
}
