using Copilot.Api.Knowledge;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Copilot.Tests.Knowledge;

public class KnowledgeSyncTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static Tenant Tenant(bool indexSolved = true) => new(
        "acme",
        new TenantOptions { IndexSolvedTickets = indexSolved },
        new HelpdeskConnection("zendesk", new Uri("http://127.0.0.1:1")),
        new byte[32]);

    private static (KnowledgeSync Sync, KnowledgeIndex Index, SyncStateStore State) Create(KnowledgeTestDb db, FakeHelpdesk helpdesk)
    {
        var index = db.Index();
        var state = new SyncStateStore(db.Db, TimeProvider.System);
        var sync = new KnowledgeSync(helpdesk, index, state, TimeProvider.System, Options.Create(new KnowledgeOptions()), NullLogger<KnowledgeSync>.Instance);
        return (sync, index, state);
    }

    [Fact]
    public async Task FullSyncIndexesPublishedArticlesMacrosAndPastReplies()
    {
        await using var db = await KnowledgeTestDb.CreateAsync();
        var helpdesk = new FakeHelpdesk();
        helpdesk.Articles.AddRange([
            FakeHelpdesk.Article("a1", "Refund policy", "Refunds take five days."),
            FakeHelpdesk.Article("a2", "Unpublished refund", "Draft text about refunds.", draft: true),
        ]);
        helpdesk.Macros.AddRange([
            new HelpdeskMacro("m1", "Refund approved", "Tell the customer", "Your refund is on its way.", true),
            new HelpdeskMacro("m2", "Old refund macro", null, "Refund.", false),
        ]);
        helpdesk.Solved.Add(new SolvedTicket(17, "Where is my refund", "where is it", ["Your refund was sent yesterday."], DateTimeOffset.UnixEpoch));
        var (sync, index, _) = Create(db, helpdesk);

        var result = await sync.RunAsync(Tenant(), full: true, Ct);

        Assert.Equal((1, 1, 1, 3), (result.Articles, result.Macros, result.PastReplies, result.Indexed));
        var hits = await index.SearchAsync("acme", new KnowledgeQuery("refund", 10), Ct);
        Assert.Equal(["17", "a1", "m1"], hits.Select(h => h.SourceId).Order());
    }

    [Fact]
    public async Task SolvedTicketsAreIndexedWithoutTheirCustomersDetailsAndLinkToTheTicket()
    {
        await using var db = await KnowledgeTestDb.CreateAsync();
        var helpdesk = new FakeHelpdesk();
        helpdesk.Solved.Add(new SolvedTicket(17, "Refund for Crystal Minh", "where is my refund",
            ["Hi Crystal,\n\nYour username is cminh730 and I've refunded $94 for order 3348917502."], DateTimeOffset.UnixEpoch,
            ["Crystal Minh", "Priya Natarajan"], "https://acme.zendesk.com/agent/tickets/17"));
        var (sync, index, _) = Create(db, helpdesk);

        await sync.RunAsync(Tenant(), full: true, Ct);

        var hit = Assert.Single(await index.SearchAsync("acme", new KnowledgeQuery("refund username order", 10), Ct));
        Assert.Equal("https://acme.zendesk.com/agent/tickets/17", hit.Url);
        Assert.Equal("Refund for [name]", hit.Title);
        var text = await index.GetTextAsync("acme", SourceKind.PastReply, "17", Ct);
        Assert.Equal("Hi [name],\nYour username is [username] and I've refunded [amount] for order [order number].", text?.Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SolvedTicketsAreLeftOutWhenTheTenantSaysSo()
    {
        await using var db = await KnowledgeTestDb.CreateAsync();
        var helpdesk = new FakeHelpdesk();
        helpdesk.Solved.Add(new SolvedTicket(17, "Where is my refund", "where is it", ["Your refund was sent yesterday."], DateTimeOffset.UnixEpoch));
        var (sync, index, _) = Create(db, helpdesk);

        var result = await sync.RunAsync(Tenant(indexSolved: false), full: true, Ct);

        Assert.Equal(0, result.PastReplies);
        Assert.Empty(await index.SearchAsync("acme", new KnowledgeQuery("refund"), Ct));
    }

    [Fact]
    public async Task IncrementalSyncRemovesArticlesThatBecameDraftsAndAddsNewOnes()
    {
        await using var db = await KnowledgeTestDb.CreateAsync();
        var helpdesk = new FakeHelpdesk();
        helpdesk.Articles.AddRange([
            FakeHelpdesk.Article("a1", "Refund policy", "Refunds take five days."),
            FakeHelpdesk.Article("a2", "Warranty", "Two years of warranty."),
        ]);
        var (sync, index, state) = Create(db, helpdesk);
        await sync.RunAsync(Tenant(), full: true, Ct);
        var since = (await state.GetAsync("acme", Ct))!.LastIncrementalStart!.Value;
        var next = since.AddMinutes(5);
        helpdesk.Changes.Enqueue(new ArticleChanges([
            FakeHelpdesk.Article("a1", "Refund policy", "Withdrawn.", draft: true),
            FakeHelpdesk.Article("a3", "Gift cards", "Gift cards never expire."),
        ], next));

        var result = await sync.RunAsync(Tenant(), full: false, Ct);

        Assert.False(result.Full);
        Assert.Equal(1, result.Removed);
        Assert.Equal(since, helpdesk.ChangeRequests[0]);
        Assert.Empty(await index.SearchAsync("acme", new KnowledgeQuery("refund"), Ct));
        Assert.Single(await index.SearchAsync("acme", new KnowledgeQuery("gift"), Ct));
        Assert.Single(await index.SearchAsync("acme", new KnowledgeQuery("warranty"), Ct));
        Assert.Equal(next, (await state.GetAsync("acme", Ct))!.LastIncrementalStart);
    }

    [Fact]
    public async Task TheFirstSyncOfATenantIsFullEvenWhenIncrementalWasAsked()
    {
        await using var db = await KnowledgeTestDb.CreateAsync();
        var helpdesk = new FakeHelpdesk();
        helpdesk.Articles.Add(FakeHelpdesk.Article("a1", "Refund policy", "Refunds take five days."));
        var (sync, _, _) = Create(db, helpdesk);

        var result = await sync.RunAsync(Tenant(), full: false, Ct);

        Assert.True(result.Full);
        Assert.Equal(1, result.Articles);
        Assert.Empty(helpdesk.ChangeRequests);
    }

    [Fact]
    public async Task FullSyncRemovesArticlesTheHelpdeskNoLongerHas()
    {
        await using var db = await KnowledgeTestDb.CreateAsync();
        var helpdesk = new FakeHelpdesk();
        helpdesk.Articles.AddRange([FakeHelpdesk.Article("a1", "Refund policy", "Refunds."), FakeHelpdesk.Article("a2", "Warranty", "Warranty.")]);
        var (sync, index, _) = Create(db, helpdesk);
        await sync.RunAsync(Tenant(), full: true, Ct);
        helpdesk.Articles.RemoveAt(0);

        var result = await sync.RunAsync(Tenant(), full: true, Ct);

        Assert.Equal(1, result.Removed);
        Assert.Empty(await index.SearchAsync("acme", new KnowledgeQuery("refund"), Ct));
    }

    [Fact]
    public async Task AFailedSyncIsRecordedAndTheIndexKeepsWhatItHad()
    {
        await using var db = await KnowledgeTestDb.CreateAsync();
        var helpdesk = new FakeHelpdesk();
        helpdesk.Articles.Add(FakeHelpdesk.Article("a1", "Refund policy", "Refunds take five days."));
        var (sync, index, state) = Create(db, helpdesk);
        await sync.RunAsync(Tenant(), full: true, Ct);
        helpdesk.FailWith = new HelpdeskException("zendesk", 500, "Internal Server Error");

        await Assert.ThrowsAsync<HelpdeskException>(() => sync.RunAsync(Tenant(), full: true, Ct));

        var recorded = await state.GetAsync("acme", Ct);
        Assert.Contains("zendesk answered 500", recorded!.LastError);
        Assert.NotNull(recorded.LastSync);
        Assert.Single(await index.SearchAsync("acme", new KnowledgeQuery("refund"), Ct));
    }
}
