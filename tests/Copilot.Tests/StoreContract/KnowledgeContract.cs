using Copilot.Api.Knowledge;
using Copilot.Tests.Knowledge;

namespace Copilot.Tests.StoreContract;

/// <summary>What the index keeps and gives back, beside its search (<see cref="KnowledgeIndexContract"/>), on both stores.</summary>
public abstract class KnowledgeContract(Stores stores)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task ASourcesWholeTextComesBackAndRemovedSourcesAreGone()
    {
        var index = new KnowledgeIndex(await stores.NewAsync(), new KnowledgeOptions { PassageMinWords = 10, PassageMaxWords = 20 });
        var manual = string.Join("\n\n", Enumerable.Range(1, 4).Select(i => $"Step {i}. Hold the button for {i} seconds until the light blinks {i} times, then let go."));
        await index.UpsertAsync("acme", [
            KnowledgeTestDb.Article("manual", "Reset the hub", manual),
            KnowledgeTestDb.Article("old", "Old firmware", "Firmware 1.0 is no longer supported."),
            KnowledgeTestDb.Article("gone", "Discontinued bulb", "The classic bulb is discontinued."),
        ], Ct);

        Assert.Equal(manual.Replace("\n\n", "\n", StringComparison.Ordinal), await index.GetTextAsync("acme", SourceKind.Article, "manual", Ct));
        Assert.Null(await index.GetTextAsync("globex", SourceKind.Article, "manual", Ct));
        Assert.Equal(1, await index.RemoveAsync("acme", SourceKind.Article, ["old", "never-there"], Ct));
        Assert.Equal(1, await index.RemoveAllExceptAsync("acme", SourceKind.Article, new HashSet<string> { "manual" }, Ct));
        var (sources, passages) = await index.CountAsync("acme", Ct);
        Assert.Equal(1, sources[SourceKind.Article]);
        Assert.True(passages > 1);
        Assert.Empty(await index.SearchAsync("acme", new KnowledgeQuery("firmware discontinued"), Ct));
    }

    [Fact]
    public async Task KeywordSearchReadsAPastReplyWithoutItsPlaceholdersWhichItStillShows()
    {
        var db = await stores.NewAsync();
        const string reply = "Hi [name], bike [order number] didn't open when you scanned it on [date]. We refunded the [amount] unlock fee; the [code] is void.";
        KnowledgeDocument[] documents =
        [
            new(SourceKind.PastReply, "501", "Your ride on [date] – we refunded the unlock fee", reply, null, null, DateTimeOffset.UnixEpoch),
            KnowledgeTestDb.Article("phone", "Change the phone number on your account", "Open Settings, then Account, and enter the new phone number. We text it a code to confirm."),
        ];
        await new KnowledgeIndex(db, new KnowledgeOptions()).UpsertAsync("acme", documents, Ct);

        async Task FindsAsync()
        {
            var index = new KnowledgeIndex(db, new KnowledgeOptions());
            async Task<List<string>> Found(string question) => (await index.SearchAsync("acme", new KnowledgeQuery(question), Ct)).Select(h => h.SourceId).ToList();
            // "number", "code", "date" and "amount" are only placeholders in the reply: the customer's own number is no order number.
            Assert.Equal(["phone"], await Found("New phone number, the code never arrives"));
            Assert.Empty(await Found("order date amount"));
            Assert.Equal(["501"], await Found("bike unlock fee refunded"));
            Assert.Equal(reply, await index.GetTextAsync("acme", SourceKind.PastReply, "501", Ct));
        }

        await FindsAsync();
        // Indexed again from the passages, as a store that held passages before this index did, or when a label is added.
        await using (var connection = await db.OpenAsync(Ct))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, new Copilot.Api.Knowledge.FullText.SearchedText().Sql(stores.Provider));
        }
        await FindsAsync();
    }

    [Fact]
    public async Task AWordMostPassagesOfASmallLanguageHoldIsWeakEvidenceInThatLanguage()
    {
        var index = new KnowledgeIndex(await stores.NewAsync(), new KnowledgeOptions());
        // Thirty English articles, six French ones: every French one says "compte", one of them "remboursement".
        var english = Enumerable.Range(0, 30).Select(i => KnowledgeTestDb.Article($"en{i}", $"Lamp guide {i}",
            $"Open the settings of lamp {i} in the app and choose scene {i}. The lamp blinks twice when the scene is saved."));
        var french = Enumerable.Range(0, 6).Select(i => KnowledgeTestDb.Article($"fr{i}", $"Réglages de la lampe {i}",
            $"Dans votre compte, ouvrez les réglages de la lampe {i}." + (i == 0 ? " Le remboursement arrive sous cinq jours." : ""), "fr"));
        await index.UpsertAsync("acme", [.. english, .. french], Ct);

        async Task<double> RelevanceAsync(string question, string? locale, string source) =>
            (await index.SearchAsync("acme", new KnowledgeQuery(question, 10, null, locale), Ct)).Single(h => h.SourceId == source).KeywordRelevance;

        // Counted over the whole index, mostly English, "compte" is as rare as "remboursement" nearly; among French passages it is everywhere.
        Assert.True(await RelevanceAsync("mon compte", "fr", "fr0") < 0.5 * await RelevanceAsync("mon compte", null, "fr0"));
        Assert.True(await RelevanceAsync("remboursement", "fr", "fr0") > 0.8 * await RelevanceAsync("remboursement", null, "fr0"));
        // The index's main language keeps the index's counts.
        Assert.Equal(await RelevanceAsync("scene blinks", null, "en3"), await RelevanceAsync("scene blinks", "en", "en3"), 3);
    }
}

public sealed class SqliteKnowledgeTests(SqliteStores stores) : KnowledgeContract(stores), IClassFixture<SqliteStores>;

public sealed class PostgresKnowledgeTests(PostgresStores stores) : KnowledgeContract(stores), IClassFixture<PostgresStores>;

/// <summary>
/// Keyword search on both stores over one small help center: the same best hits for the same questions, and relevance
/// on the same scale (PostgreSQL's BM25 from <c>ts_rank_cd</c> against FTS5's), so relevance floors and hybrid fusion
/// behave alike whichever store answers.
/// </summary>
public sealed class KeywordSearchAgreementTests(SqliteStores sqlite, PostgresStores postgres) : IClassFixture<SqliteStores>, IClassFixture<PostgresStores>
{
    private static readonly KnowledgeDocument[] HelpCenter =
    [
        KnowledgeTestDb.Article("refund", "Request a refund", "To get a refund for an order, open your orders page and choose Return. The refund reaches your card within five days."),
        KnowledgeTestDb.Article("password", "Reset your password", "Forgot your password? Use the reset link on the sign-in page. The link expires after one hour."),
        KnowledgeTestDb.Article("shipping", "Shipping times", "Orders ship within two business days. A tracking number is emailed when your order leaves the warehouse."),
        KnowledgeTestDb.Article("warranty", "Hub warranty", "The hub has a two-year warranty covering hardware faults. Contact support with your order number to claim it."),
        KnowledgeTestDb.Article("pairing", "Pair a bulb with the hub", "Switch the bulb on and off three times, then press pair in the app. The bulb blinks when it is paired with the hub."),
        KnowledgeTestDb.Article("battery", "Replace the remote battery", "The remote takes one CR2032 battery. Slide the back cover off and replace the battery, flat side up."),
        KnowledgeTestDb.Article("rueckerstattung", "Rückerstattung beantragen", "Öffnen Sie Ihre Bestellungen und wählen Sie Rückgabe. Die Rückerstattung erreicht Ihre Karte in fünf Tagen.", "de-de"),
        new(SourceKind.Macro, "macro-refund", "Refund approved / Rückerstattung genehmigt",
            "Your refund was approved and will reach your card within five days. Ihre Rückerstattung wurde genehmigt und erreicht Ihre Karte in fünf Tagen.", null, null, DateTimeOffset.UnixEpoch),
        new(SourceKind.Macro, "macro-card", "Card declined", "Your card was declined by your bank. Please check the card details or try another card.", null, null, DateTimeOffset.UnixEpoch),
    ];

    public static TheoryData<string, string?, string> Questions => new()
    {
        { "How do I get a refund for my order? I want to return it.", "en", "refund" },
        { "I forgot my password and the sign-in link expired", "en", "password" },
        { "the remote battery is flat, how do I replace it", "en", "battery" },
        { "my hub broke, is it under warranty", "en", "warranty" },
        { "the bulb does not pair with my hub", "en", "pairing" },
        { "where is my order tracking number", "en", "shipping" },
        { "Wie bekomme ich meine Rückerstattung?", "de", "rueckerstattung" },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task BothStoresFindTheSameBestSourceWithRelevanceOnTheSameScale(string question, string? locale, string best)
    {
        var query = new KnowledgeQuery(question, 3, [SourceKind.Article], locale);
        var fts5 = await SearchAsync(sqlite, query);
        var tsvector = await SearchAsync(postgres, query);

        Assert.Equal(best, fts5[0].SourceId);
        Assert.Equal(best, tsvector[0].SourceId);
        var ratio = tsvector[0].KeywordRelevance / fts5[0].KeywordRelevance;
        Assert.InRange(ratio, 0.8, 1.25);
    }

    [Fact]
    public async Task AMacroWithoutALocaleIsFoundInTheLanguageItIsWrittenIn()
    {
        foreach (var stores in new Stores[] { sqlite, postgres })
        {
            var english = await SearchAsync(stores, new KnowledgeQuery("refund card", 5, [SourceKind.Macro], "en"));
            var german = await SearchAsync(stores, new KnowledgeQuery("refund card", 5, [SourceKind.Macro], "de"));

            // Written in two languages: no language of its own, found in each. Written in English: found in English only.
            Assert.Equal(["macro-card", "macro-refund"], english.Select(h => h.SourceId).Order());
            Assert.Equal("macro-refund", Assert.Single(german).SourceId);
            Assert.Equal("en", english.Single(h => h.SourceId == "macro-card").Locale);
        }
    }

    private static async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(Stores stores, KnowledgeQuery query)
    {
        var index = new KnowledgeIndex(await stores.NewAsync(), new KnowledgeOptions());
        await index.UpsertAsync("acme", HelpCenter, CancellationToken.None);
        // Another tenant's copy counts towards term rarity, as in a shared index, and is never found.
        await index.UpsertAsync("globex", HelpCenter, CancellationToken.None);
        var hits = await index.SearchAsync("acme", query, CancellationToken.None);
        Assert.NotEmpty(hits);
        return hits;
    }
}
