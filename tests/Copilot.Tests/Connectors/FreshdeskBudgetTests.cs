using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Freshdesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Copilot.Tests.Connectors;

/// <summary>The rate budget against the fake Freshdesk's real per-minute limit, on one fake clock.</summary>
public sealed class FreshdeskBudgetTests
{
    /// <summary>An account allowed 100 calls a minute with 1,000 published articles, 20 in each of 50 folders in 5 categories.</summary>
    internal static FakeFreshdeskData ThousandArticles()
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
        return data;
    }

    [Fact]
    public async Task AThousandArticlesSyncWithinTheShareOfTheRateLimitTheCopilotMaySpend()
    {
        var data = ThousandArticles();
        var time = FakeClock.AtNow();
        await using var fd = await FreshdeskHarness.StartAsync(data, o => o.RateLimitShare = 0.5, time);

        var read = fd.Client.GetArticlesAsync(CancellationToken.None);
        var waited = await fd.RunWhileHeldAsync(time, read);

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
        var waited = await fd.RunWhileHeldAsync(time, read);

        // The agent's read is refused at once without a call; the sync waits for each new minute.
        Assert.True(held.NotSent);
        Assert.Equal(["Unlock a bike"], (await read).Select(a => a.Title));
        Assert.Equal(0, fd.Fake.RateLimit.Rejected);
        Assert.Equal([3, 3, 1], fd.Fake.RateLimit.SpentPerWindow);
        Assert.Equal(TimeSpan.FromMinutes(2), waited);
    }

    /// <summary>
    /// The canned-response walk spends one credit a folder; then the solved tickets are listed with the requester and
    /// description included (five credits: each include costs two on the list), the agents read and each solved ticket's
    /// conversations. 48 folders leave 51 of 100 calls: the list would spend 54, past the copilot's half, so it waits for
    /// the next minute. 44 folders leave 55: the list spends the share exactly, and the agents' read that follows waits
    /// out the hold instead of failing.
    /// </summary>
    [Theory]
    [InlineData(48, new[] { 49, 7 })]
    [InlineData(44, new[] { 50, 2 })]
    public async Task ReadingSolvedTicketsNeverSpendsIntoTheReserveAndWaitsOutAHoldWhereverItFalls(int folders, int[] perMinute)
    {
        var data = new FakeFreshdeskData { RateLimitPerMinute = 100 };
        data.CannedFolders.AddRange(Enumerable.Range(1, folders).Select(f => new FakeFdCannedFolder { Id = f, Name = $"Folder {f}" }));
        data.Agents.Add(new FakeFdAgent { Id = 1, Name = "Sofia Jansen", Email = "sofia@example.com" });
        data.Contacts.Add(new FakeFdContact { Id = 7, Name = "Emma Visser" });
        data.Tickets.Add(new FakeFdTicket
        {
            Id = 1, Subject = "Receipt", Status = 4, RequesterId = 7, Description = "<p>Where is my receipt?</p>",
            CreatedAt = DateTimeOffset.UtcNow.AddDays(-2), UpdatedAt = DateTimeOffset.UtcNow.AddDays(-1),
            Conversations = [new FakeFdConversation { Id = 11, UserId = 1, Body = "<p>It is under Rides in the app.</p>" }],
        });
        var time = FakeClock.AtNow();
        await using var fd = await FreshdeskHarness.StartAsync(data, o => o.RateLimitShare = 0.5, time);

        var read = ReadAsync();
        await fd.RunWhileHeldAsync(time, read);

        Assert.Single(await read);
        Assert.Equal(0, fd.Fake.RateLimit.Rejected);
        Assert.Equal(perMinute, fd.Fake.RateLimit.SpentPerWindow);

        async Task<IReadOnlyList<SolvedTicket>> ReadAsync()
        {
            Assert.Empty(await fd.Client.GetMacrosAsync(CancellationToken.None));
            return await fd.Client.GetSolvedTicketsAsync(10, CancellationToken.None);
        }
    }
}
