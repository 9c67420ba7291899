using Copilot.Api.Knowledge;

namespace Copilot.Tests.Knowledge;

/// <summary>
/// A search cuts FTS5's matches to the best few hundred before it looks up whose they are, when the tenant's
/// passages of the asked kinds are a large share of the index. These compare it with the same search scoring and
/// looking up every match (term selection by rarity off, which leaves the number of matches unknown).
/// </summary>
public class KeywordRankingTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    public static TheoryData<string, string?, SourceKind[]?, int> Queries => new()
    {
        { "big", null, null, 5 },               // the big tenant: its best matches are the best matches
        { "big", null, null, 50 },
        { "small", null, null, 5 },             // a small share: every match is looked up
        { "big", null, [SourceKind.Macro], 5 }, // a small share of the big tenant
        { "big", "en", null, 5 },               // most of the best matches are German: looked up again
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task CuttingToTheBestMatchesFirstFindsWhatLookingUpEveryMatchFinds(string tenant, string? locale, SourceKind[]? kinds, int limit)
    {
        await using var db = await KnowledgeTestDb.CreateAsync();
        var index = db.Index();
        // 400 sources in the big tenant, most of them German, a few macros; each says "router" a different number of times.
        var big = Enumerable.Range(0, 400).Select(i => i % 40 == 7
            ? new KnowledgeDocument(SourceKind.Macro, $"m{i}", $"Macro {i}", Text(i), null, null, DateTimeOffset.UnixEpoch)
            : KnowledgeTestDb.Article($"a{i}", $"Article {i}", Text(i), i % 40 == 3 ? "en-us" : "de-de")).ToList();
        await index.UpsertAsync("big", big, Ct);
        await index.UpsertAsync("small", Enumerable.Range(0, 8).Select(i => KnowledgeTestDb.Article($"s{i}", $"Small {i}", Text(i * 7))).ToList(), Ct);
        var everyMatch = db.Index(new KnowledgeOptions { SelectTermsByRarity = false });
        var query = new KnowledgeQuery("router", limit, kinds, locale);

        var hits = await index.SearchAsync(tenant, query, Ct);
        var expected = await everyMatch.SearchAsync(tenant, query, Ct);

        Assert.NotEmpty(hits);
        Assert.Equal(expected.Select(h => (h.Kind, h.SourceId, h.Score)), hits.Select(h => (h.Kind, h.SourceId, h.Score)));
        Assert.All(hits, h => Assert.True(kinds is null || kinds.Contains(h.Kind)));
        Assert.All(hits, h => Assert.True(locale is null || h.Locale is null || h.Locale.StartsWith(locale, StringComparison.Ordinal)));
    }

    /// <summary>"router" said 1 to 9 times among filler words, so scores differ from source to source.</summary>
    private static string Text(int i) =>
        string.Join(' ', Enumerable.Range(0, 30).Select(w => w < 1 + (i * 7919 % 9) ? "router" : $"word{(i + w) % 50}")) + ".";
}
