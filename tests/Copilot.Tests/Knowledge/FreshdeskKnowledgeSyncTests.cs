using Copilot.Api.Knowledge;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Freshdesk;
using Copilot.Tests.Connectors;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Copilot.Tests.Knowledge;

/// <summary>The knowledge sync, unchanged, reading the Freshdesk demo company through the connector the tenant's kind picks.</summary>
public sealed class FreshdeskKnowledgeSyncTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task AFullSyncIndexesTheDemosSolutionsPerLanguageCannedResponsesAndSolvedTickets()
    {
        var data = FakeFreshdeskData.LoadDemo();
        await using var fd = await FreshdeskHarness.StartAsync(data);
        await using var db = await KnowledgeTestDb.CreateAsync();
        var index = db.Index();
        var sync = Sync(fd, db, index);

        var result = await sync.RunAsync(Tenant(fd), full: true, Ct);

        var published = data.Articles.Where(a => data.Folders.Single(f => f.Id == a.FolderId).Visibility != 3).ToList();
        var expected = published.Count(a => a.Status == 2) + published.Sum(a => a.Translations.Count(t => t.Status == 2));
        Assert.Equal((expected, 10), (result.Articles, result.Macros));
        // An outbound email's description is the agent's first reply.
        Assert.Equal(data.Tickets.Count(t => t.Status is 4 or 5 && (t.Source == 10 || t.Conversations.Any(c => !c.Incoming && !c.Private))), result.PastReplies);
        var fee = await index.SearchAsync("demo-fd", new KnowledgeQuery("out-of-zone fee photo refund", 5, [SourceKind.Article]), Ct);
        Assert.Equal("Out-of-zone fee", fee[0].Title);
        var german = await index.SearchAsync("demo-fd", new KnowledgeQuery("Gebühr außerhalb der Zone", 5, [SourceKind.Article], "de"), Ct);
        Assert.Equal(("Gebühr für Parken außerhalb der Zone", "de"), (german[0].Title, german[0].Locale));
        var macro = await index.SearchAsync("demo-fd", new KnowledgeQuery("temporary hold card released", 5, [SourceKind.Macro]), Ct);
        Assert.Equal("Pre-authorisation hold explained", macro[0].Title);
    }

    [Fact]
    public async Task AnIncrementalSyncTakesInEditsAndWithdrawsUnpublishedArticles()
    {
        var data = FakeFreshdeskData.LoadDemo();
        await using var fd = await FreshdeskHarness.StartAsync(data);
        await using var db = await KnowledgeTestDb.CreateAsync();
        var index = db.Index();
        var sync = Sync(fd, db, index);
        var tenant = Tenant(fd);
        await sync.RunAsync(tenant, full: true, Ct);

        var edited = data.Articles.Single(a => a.Title == "Student pass");
        edited.Description = "<p>Students get the Monthly pass for <strong>€9.90</strong> from December.</p>";
        data.UpsertArticle(edited, DateTimeOffset.UtcNow.AddMinutes(1));
        var withdrawn = data.Articles.Single(a => a.Title == "Invite a friend");
        withdrawn.Status = 1;
        data.UpsertArticle(withdrawn, DateTimeOffset.UtcNow.AddMinutes(1));
        fd.Fake.ClearRequests();
        var result = await sync.RunAsync(tenant, full: false, Ct);

        Assert.False(result.Full);
        Assert.Equal((1, 1), (result.Articles, result.Removed));
        Assert.Contains("€9.90", await index.GetTextAsync("demo-fd", SourceKind.Article, edited.Id.ToString(), Ct));
        Assert.Null(await index.GetTextAsync("demo-fd", SourceKind.Article, withdrawn.Id.ToString(), Ct));
        // One walk of the solutions for the whole incremental sync.
        Assert.Equal(1, fd.Fake.Requests.Count(r => r.Path == "/api/v2/solutions/categories"));
    }

    /// <summary>
    /// The figure "a knowledge sync of 1,000 articles within the per-minute budget it may spend": a full sync — the
    /// solutions, the canned responses, the solved tickets with their conversations — on an account allowed 100 calls a
    /// minute, of which the copilot may spend half. Every minute of the fake's own count stays within 50 credits, the
    /// account never answers 429, and the sync waits for the next minute rather than spend more.
    /// </summary>
    [Fact]
    public async Task AFullSyncOfAThousandArticlesSpendsAtMostItsShareOfEveryMinute()
    {
        var data = FreshdeskBudgetTests.ThousandArticles();
        data.Agents.Add(new FakeFdAgent { Id = 1, Name = "Sofia Jansen", Email = "sofia@example.com" });
        data.Contacts.AddRange(Enumerable.Range(1, 12).Select(c => new FakeFdContact { Id = 100 + c, Name = $"Rider {c}" }));
        data.CannedFolders.AddRange([new FakeFdCannedFolder { Id = 1, Name = "General" }, new FakeFdCannedFolder { Id = 2, Name = "Billing" }]);
        data.CannedResponses.AddRange(Enumerable.Range(1, 10).Select(r => new FakeFdCannedResponse { Id = r, FolderId = 1 + r % 2, Title = $"Response {r}", ContentHtml = $"<p>Reply {r}.</p>" }));
        data.Tickets.AddRange(Enumerable.Range(1, 12).Select(t => new FakeFdTicket
        {
            Id = t, Subject = $"Question {t}", Status = t % 2 == 0 ? 4 : 2, RequesterId = 100 + t, Description = $"<p>How do I do thing {t}?</p>",
            CreatedAt = DateTimeOffset.UtcNow.AddDays(-t), UpdatedAt = DateTimeOffset.UtcNow.AddDays(-t).AddHours(2),
            Conversations = [new FakeFdConversation { Id = 1000 + t, UserId = 1, Body = $"<p>Open Settings and pick thing {t}.</p>", CreatedAt = DateTimeOffset.UtcNow.AddDays(-t).AddHours(1) }],
        }));
        var time = FakeClock.AtNow();
        await using var fd = await FreshdeskHarness.StartAsync(data, o => o.RateLimitShare = 0.5, time);
        await using var db = await KnowledgeTestDb.CreateAsync();
        var sync = new KnowledgeSync(fd.Services.GetRequiredService<IHelpdeskClientFactory>(), db.Index(), new SyncStateStore(db.Db, time), time,
            Options.Create(new KnowledgeOptions()), NullLogger<KnowledgeSync>.Instance);

        var run = sync.RunAsync(Tenant(fd), full: true, Ct);
        await fd.RunWhileHeldAsync(time, run);
        var result = await run;

        Assert.Equal((1000, 10, 6), (result.Articles, result.Macros, result.PastReplies));
        Assert.Equal(0, fd.Fake.RateLimit.Rejected);
        var spent = fd.Fake.RateLimit.SpentPerWindow;
        Assert.All(spent, credits => Assert.InRange(credits, 1, 50));
        // Solutions 57 calls; canned responses 3; the ticket list 1 call of 5 credits (requester and description included,
        // two credits each on the list), the agents 1, six solved tickets' conversations 6: 68 calls, 72 credits, so the
        // sync had to wait for a second minute.
        Assert.Equal(68, fd.Fake.Requests.Count);
        Assert.Equal(72, spent.Sum());
        Assert.Equal([50, 22], spent);
    }

    private static KnowledgeSync Sync(FreshdeskHarness fd, KnowledgeTestDb db, KnowledgeIndex index) =>
        new(fd.Services.GetRequiredService<IHelpdeskClientFactory>(), index, new SyncStateStore(db.Db, TimeProvider.System), TimeProvider.System,
            Options.Create(new KnowledgeOptions()), NullLogger<KnowledgeSync>.Instance);

    private static Tenant Tenant(FreshdeskHarness fd) =>
        new("demo-fd", new TenantOptions { IndexSolvedTickets = true, Helpdesk = "freshdesk" }, fd.Connection, new byte[32]);
}
