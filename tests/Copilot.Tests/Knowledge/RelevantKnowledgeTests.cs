using Copilot.Api.Knowledge;
using Microsoft.Extensions.Options;

namespace Copilot.Tests.Knowledge;

public class RelevantKnowledgeTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly SourceKind[] Articles = [SourceKind.Article];

    /// <summary>Answers from a fixed list, filtered by locale the way the index filters it.</summary>
    private sealed class ListSearch(params KnowledgeHit[] hits) : IKnowledgeSearch
    {
        public Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string tenant, KnowledgeQuery query, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<KnowledgeHit>>(hits
                .Where(h => query.Locale is null || RelevantKnowledge.InLanguage(h.Locale, query.Locale))
                .Take(query.Limit).ToList());
    }

    private static KnowledgeHit Hit(string id, double relevance, string? locale = "en-us", double? similarity = null) =>
        new(SourceKind.Article, id, id, null, "text", relevance, locale) { KeywordRelevance = relevance, Similarity = similarity };

    private static RelevantKnowledge Relevant(params KnowledgeHit[] hits) =>
        new(new ListSearch(hits), Options.Create(new KnowledgeOptions { MinArticleRelevance = 0.5 }));

    [Fact]
    public async Task HitsBelowTheFloorAreNotShownAndNoGoodMatchIsSaid()
    {
        var matches = await Relevant(Hit("weak", 0.2), Hit("weaker", 0.1)).FindAsync("t", "wifi", "en", Articles, 3, null, Ct);

        Assert.Equal(MatchStatus.NoGoodMatch, matches.Status);
        Assert.Empty(matches.Hits);
    }

    [Fact]
    public async Task OnlyRelevantHitsAreShownWithNoPadding()
    {
        var matches = await Relevant(Hit("strong", 1.2), Hit("weak", 0.2), Hit("near-in-meaning", 0, similarity: 0.71)).FindAsync("t", "wifi", "en", Articles, 3, null, Ct);

        Assert.Equal(MatchStatus.Found, matches.Status);
        Assert.Equal(["strong", "near-in-meaning"], matches.Hits.Select(h => h.SourceId));
    }

    [Fact]
    public async Task AnotherLanguageIsShownOnlyWhenNothingInTheTicketsLanguageFits()
    {
        var german = Hit("de-flicker", 1.5, "de");

        var withEnglish = await Relevant(german, Hit("en-flicker", 0.9)).FindAsync("t", "flicker", "en", Articles, 3, null, Ct);
        var germanOnly = await Relevant(german, Hit("en-weak", 0.1)).FindAsync("t", "flicker", "en", Articles, 3, null, Ct);

        Assert.Equal(MatchStatus.Found, withEnglish.Status);
        Assert.Equal(["en-flicker"], withEnglish.Hits.Select(h => h.SourceId));
        Assert.Equal(MatchStatus.OtherLanguage, germanOnly.Status);
        Assert.Equal(["de-flicker"], germanOnly.Hits.Select(h => h.SourceId));
    }

    [Fact]
    public async Task AnExcludedSourceNeverTakesAPlace()
    {
        var matches = await Relevant(Hit("42", 2), Hit("7", 1), Hit("9", 1)).FindAsync("t", "q", "en", Articles, 2, h => h.SourceId == "42", Ct);

        Assert.Equal(["7", "9"], matches.Hits.Select(h => h.SourceId));
    }
}
