using Copilot.Api.Knowledge;
using Copilot.Tests.StoreContract;

namespace Copilot.Tests.Knowledge;

/// <summary>The knowledge index and its keyword search, the same on both stores (FTS5 and PostgreSQL full text).</summary>
public abstract class KnowledgeIndexContract(Stores stores)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<KnowledgeIndex> IndexAsync(KnowledgeOptions? options = null) => new(await stores.NewAsync(), options ?? new KnowledgeOptions());

    [Fact]
    public async Task AMatchInTheTitleRanksAboveTheSameMatchInTheBody()
    {
        var index = await IndexAsync();
        await index.UpsertAsync("acme", [
            KnowledgeTestDb.Article("body", "Shipping times", "Orders ship in two days. Warranty claims are handled by the returns team within a week."),
            KnowledgeTestDb.Article("title", "Warranty claims", "Orders ship in two days. Claims are handled by the returns team within a week and are free."),
        ], Ct);

        var hits = await index.SearchAsync("acme", new KnowledgeQuery("warranty"), Ct);

        Assert.Equal(["title", "body"], hits.Select(h => h.SourceId));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public async Task ASourceAppearsOnceWithItsBestPassage()
    {
        var index = await IndexAsync(new KnowledgeOptions { PassageMinWords = 10, PassageMaxWords = 20 });
        var longText = string.Join("\n\n",
            "The blender jar can crack if filled with boiling liquid. Let soups cool before blending them.",
            "Blender blades are sharp. Clean the blender blades with a brush, never by hand, and dry them.",
            "The motor base must never be submerged. Wipe the base with a damp cloth after every use.");
        await index.UpsertAsync("acme", [
            KnowledgeTestDb.Article("manual", "Blender manual", longText),
            KnowledgeTestDb.Article("other", "Kettle care", "Descale the kettle monthly. The blades of a blender are not a kettle part."),
        ], Ct);

        var hits = await index.SearchAsync("acme", new KnowledgeQuery("clean blender blades brush", 5), Ct);

        Assert.Equal(hits.Count, hits.Select(h => (h.Kind, h.SourceId)).Distinct().Count());
        Assert.Equal("manual", hits[0].SourceId);
        Assert.Contains("brush", hits[0].Passage);
        Assert.Equal(2, hits.Count);
    }

    [Fact]
    public async Task ALocaleFilterKeepsThatLanguageAndLanguageNeutralSources()
    {
        var index = await IndexAsync();
        await index.UpsertAsync("acme", [
            KnowledgeTestDb.Article("en", "Refund policy", "Refund within 30 days.", "en-us"),
            KnowledgeTestDb.Article("de", "Refund Richtlinie", "Refund innerhalb von 30 Tagen.", "de"),
            // Too short to tell its language: offered in every one.
            KnowledgeTestDb.Article("any", "Refund form", "Form R-12 (PDF).", null),
        ], Ct);

        var english = await index.SearchAsync("acme", new KnowledgeQuery("refund", Locale: "en"), Ct);
        var german = await index.SearchAsync("acme", new KnowledgeQuery("refund", Locale: "DE"), Ct);

        Assert.Equal(["any", "en"], english.Select(h => h.SourceId).Order());
        Assert.Equal(["any", "de"], german.Select(h => h.SourceId).Order());
    }

    [Fact]
    public async Task ASourceWithoutALocaleIsFiledUnderTheLanguageItsTextIsClearlyIn()
    {
        var index = await IndexAsync();
        await index.UpsertAsync("acme", [
            new KnowledgeDocument(SourceKind.Macro, "en", "Billing::Double charge",
                "Hi there, thank you for flagging this. I have refunded the double charge to your card; it shows within a few days.", null, null, DateTimeOffset.UnixEpoch),
            new KnowledgeDocument(SourceKind.PastReply, "fr", "Double prélèvement",
                "Bonjour, merci pour votre message. Nous avons remboursé le double prélèvement sur votre carte, il apparaîtra sous quelques jours.", null, null, DateTimeOffset.UnixEpoch),
            new KnowledgeDocument(SourceKind.Macro, "terse", "Double", "Double.", null, null, DateTimeOffset.UnixEpoch),
        ], Ct);

        var french = await index.SearchAsync("acme", new KnowledgeQuery("double", Locale: "fr"), Ct);
        var english = await index.SearchAsync("acme", new KnowledgeQuery("double", Locale: "en"), Ct);

        // Too short to tell stays offered in every language.
        Assert.Equal(["fr", "terse"], french.Select(h => h.SourceId).Order());
        Assert.Equal(["en", "terse"], english.Select(h => h.SourceId).Order());
        Assert.Equal("fr", french.Single(h => h.SourceId == "fr").Locale);
        Assert.Null(french.Single(h => h.SourceId == "terse").Locale);
    }

    [Fact]
    public async Task AnUnchangedSourceIsSkippedBeforeItsLanguageIsLookedFor()
    {
        var detector = new CountingDetector();
        var index = new KnowledgeIndex(await stores.NewAsync(), new KnowledgeOptions(), detector);
        KnowledgeDocument[] macros = [new(SourceKind.Macro, "m1", "Refund approved", "Your refund was approved and reaches your card within five days.", null, null, DateTimeOffset.UnixEpoch)];

        var first = await index.UpsertAsync("acme", macros, Ct);
        var again = await index.UpsertAsync("acme", macros, Ct);

        Assert.Equal((1, 0), (first.Indexed, first.Unchanged));
        Assert.Equal((0, 1), (again.Indexed, again.Unchanged));
        Assert.Equal(1, detector.Calls);
    }

    private sealed class CountingDetector : Copilot.Api.Languages.ILanguageDetector
    {
        private readonly Copilot.Api.Languages.LanguageDetector _detector = new();
        public int Calls { get; private set; }
        public Copilot.Api.Languages.DetectedLanguage Detect(string text) => Detect(text, null);
        public Copilot.Api.Languages.DetectedLanguage Detect(string text, string? prior)
        {
            Calls++;
            return _detector.Detect(text, prior);
        }
    }

    [Fact]
    public async Task AKindFilterKeepsOnlyThoseKinds()
    {
        var index = await IndexAsync();
        await index.UpsertAsync("acme", [
            KnowledgeTestDb.Article("a1", "Refund policy", "Refund within 30 days."),
            new KnowledgeDocument(SourceKind.Macro, "m1", "Refund approved", "Your refund was approved.", null, null, DateTimeOffset.UnixEpoch),
        ], Ct);

        var hits = await index.SearchAsync("acme", new KnowledgeQuery("refund", Kinds: [SourceKind.Macro]), Ct);

        Assert.Equal(SourceKind.Macro, Assert.Single(hits).Kind);
    }

    [Fact]
    public async Task TenantsDoNotSeeEachOthersKnowledge()
    {
        var index = await IndexAsync();
        await index.UpsertAsync("acme", [KnowledgeTestDb.Article("1", "Refund policy", "Refund within 30 days.")], Ct);

        Assert.Empty(await index.SearchAsync("globex", new KnowledgeQuery("refund"), Ct));
    }

    [Fact]
    public async Task UnchangedContentIsSkippedAndChangedContentReplacesAllPassages()
    {
        var index = await IndexAsync();
        var v1 = KnowledgeTestDb.Article("1", "Refund policy", "Refunds take thirty days.");

        Assert.Equal(new UpsertResult(1, 0), await index.UpsertAsync("acme", [v1], Ct));
        Assert.Equal(new UpsertResult(0, 1), await index.UpsertAsync("acme", [v1], Ct));
        Assert.Equal(new UpsertResult(1, 0), await index.UpsertAsync("acme", [v1 with { Text = "Refunds take five days." }], Ct));

        Assert.Empty(await index.SearchAsync("acme", new KnowledgeQuery("thirty"), Ct));
        Assert.Equal("Refunds take five days.", Assert.Single(await index.SearchAsync("acme", new KnowledgeQuery("five"), Ct)).Passage);
        Assert.Equal(1, (await index.CountAsync("acme", Ct)).Passages);
    }

    [Fact]
    public async Task DiacriticsAndCaseDoNotMatter()
    {
        var index = await IndexAsync();
        await index.UpsertAsync("acme", [KnowledgeTestDb.Article("1", "Rückerstattung", "Die Rückerstattung dauert fünf Tage.", "de")], Ct);

        Assert.Single(await index.SearchAsync("acme", new KnowledgeQuery("RUCKERSTATTUNG funf"), Ct));
    }

    [Fact]
    public async Task AQueryWhoseOnlyTermIsOverThePostingsBudgetStillFindsPassages()
    {
        var index = await IndexAsync(new KnowledgeOptions { MaxQueryPostings = 1_000 });
        var documents = Enumerable.Range(0, 1_200).Select(i => KnowledgeTestDb.Article($"{i}", $"Lamp {i}", $"The lamp number {i} is bright.")).ToList();
        await index.UpsertAsync("acme", documents, Ct);

        var (hits, terms) = await index.SearchExplainedAsync("acme", new KnowledgeQuery("lamp", 5), Ct);

        Assert.Equal(["lamp"], terms);
        Assert.Equal(5, hits.Count);
        Assert.Equal(5, hits.Select(h => h.SourceId).Distinct().Count());
    }
}

public sealed class SqliteKnowledgeIndexTests(SqliteStores stores) : KnowledgeIndexContract(stores), IClassFixture<SqliteStores>;

public sealed class PostgresKnowledgeIndexTests(PostgresStores stores) : KnowledgeIndexContract(stores), IClassFixture<PostgresStores>;
