using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Freshdesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Copilot.Tests.Connectors;

/// <summary>The rate budget against the fake Freshdesk's real per-minute limit, on one fake clock.</summary>
public sealed class FreshdeskBudgetTests
{
    private const int BudgetSpent = Copilot.Connectors.Helpdesk.HelpdeskLogEvents.BudgetSpent;

    [Fact]
    public async Task AThousandArticlesSyncWithinTheShareOfTheRateLimitTheCopilotMaySpend()
    {
        var data = new FakeFreshdeskData { RateLimitPerMinute = 100 };
        data.Categories.AddRange(Enumerable.Range(1, 5).Select(c => new FakeFdCategory { Id = c, Name = $"Category {c}" }));
        data.Folders.AddRange(Enumerable.Range(1, 50).Select(f => new FakeFdFolder { Id = 100 + f, CategoryId = 1 + (f - 1) / 10, Name = $"Folder {f}" }));
        data.Articles.AddRange(Enumerable.Range(1, 1000).Select(a => new FakeFdArticle
        {
            Id = 10_000 + a,
            FolderId = 100 + 1 + (a - 1) / 20,
            Title = $"Article {a}",
            Description = $"<p>How to do thing {a}.</p>",
            UpdatedAt = DateTimeOffset.UnixEpoch.AddDays(a),
        }));
        var time = FakeClock.AtNow();
        await using var fd = await FreshdeskHarness.StartAsync(data, o => o.RateLimitShare = 0.5, time);

        var read = fd.Client.GetArticlesAsync(CancellationToken.None);
        var waited = await RunWhileHeldAsync(fd, time, read);

        Assert.Equal(1000, (await read).Count);
        // Settings, the categories, 5 lists of folders, 50 of articles: 57 calls, at most 50 a minute.
        Assert.Equal(57, fd.Fake.Requests.Count);
        Assert.Equal(0, fd.Fake.RateLimit.Rejected);
        Assert.Equal([50, 7], fd.Fake.RateLimit.SpentPerWindow);
        Assert.Equal(TimeSpan.FromMinutes(1), waited);
    }

    [Fact]
    public async Task EvenAllowedTheWholeLimitTheCopilotNeverRunsTheAccountDry()
    {
        var data = new FakeFreshdeskData { RateLimitPerMinute = 3 };
        data.Contacts.Add(new FakeFdContact { Id = 7, Name = "Emma Visser" });
        data.Tickets.Add(new FakeFdTicket { Id = 1, Subject = "Lock stuck", RequesterId = 7, Description = "<p>The lock is stuck.</p>" });
        data.Tickets.Add(new FakeFdTicket { Id = 2, Subject = "Receipt", RequesterId = 7, Description = "<p>Where is my receipt?</p>" });
        data.Categories.Add(new FakeFdCategory { Id = 1, Name = "Riding" });
        data.Folders.Add(new FakeFdFolder { Id = 11, CategoryId = 1, Name = "Unlocking" });
        data.Articles.Add(new FakeFdArticle { Id = 111, FolderId = 11, Title = "Unlock a bike", Description = "<p>Scan the code.</p>" });
        var time = FakeClock.AtNow();
        await using var fd = await FreshdeskHarness.StartAsync(data, o => o.RateLimitShare = 1, time);

        // The ticket with its requester (two credits) and its conversations (one): the whole minute.
        Assert.NotNull(await fd.Client.GetThreadAsync(1, CancellationToken.None));
        var held = await Assert.ThrowsAsync<HelpdeskException>(() => fd.Client.GetThreadAsync(2, CancellationToken.None));
        var read = fd.Client.GetArticlesAsync(CancellationToken.None);
        var waited = await RunWhileHeldAsync(fd, time, read);

        // The agent's read is refused at once without a call; the sync waits for each new minute.
        Assert.True(held.NotSent);
        Assert.Equal(["Unlock a bike"], (await read).Select(a => a.Title));
        Assert.Equal(0, fd.Fake.RateLimit.Rejected);
        Assert.Equal([3, 3, 1], fd.Fake.RateLimit.SpentPerWindow);
        Assert.Equal(TimeSpan.FromMinutes(2), waited);
    }

    /// <summary>Moves the clock only while the connector is held by its budget, until <paramref name="work"/> ends; returns the time moved.</summary>
    private static async Task<TimeSpan> RunWhileHeldAsync(FreshdeskHarness fd, FakeTimeProvider time, Task work)
    {
        var moved = TimeSpan.Zero;
        int Holds() => fd.Logs.Entries.Count(e => e.Event.Id == BudgetSpent);
        var seen = 0;
        while (true)
        {
            await FakeClock.WaitForAsync(() => work.IsCompleted || Holds() > seen, "a hold or the end of the read");
            if (work.IsCompleted)
            {
                return moved;
            }
            seen = Holds();
            var calls = fd.Fake.Requests.Count;
            moved += await time.AdvanceUntilAsync(() => work.IsCompleted || fd.Fake.Requests.Count > calls, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2));
        }
    }
}
