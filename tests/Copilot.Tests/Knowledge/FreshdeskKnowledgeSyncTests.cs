using Copilot.Api.Knowledge;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Freshdesk;
using Copilot.Tests.Connectors;
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

    private static KnowledgeSync Sync(FreshdeskHarness fd, KnowledgeTestDb db, KnowledgeIndex index) =>
        new(fd.Services.GetRequiredService<IHelpdeskClientFactory>(), index, new SyncStateStore(db.Db, TimeProvider.System), TimeProvider.System,
            Options.Create(new KnowledgeOptions()), NullLogger<KnowledgeSync>.Instance);

    private static Tenant Tenant(FreshdeskHarness fd) =>
        new("demo-fd", new TenantOptions { IndexSolvedTickets = true, Helpdesk = "freshdesk" }, fd.Connection, new byte[32]);
}
