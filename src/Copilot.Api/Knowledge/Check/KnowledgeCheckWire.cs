namespace Copilot.Api.Knowledge.Check;

/// <summary>How often the answer came first, in the first three and in the first ten, and its mean reciprocal rank (0 past ten).</summary>
public sealed record RankMeasures(double HitAt1, double HitAt3, double HitAt10, double Mrr)
{
    public static RankMeasures Of(IReadOnlyList<int?> ranks) => new(
        Share(ranks, r => r == 1), Share(ranks, r => r <= 3), Share(ranks, r => r <= KnowledgeCheck.Depth),
        Math.Round(ranks.Average(r => r is { } rank ? 1.0 / rank : 0), 3));

    private static double Share(IReadOnlyList<int?> ranks, Func<int?, bool> hit) => Math.Round(ranks.Count(hit) / (double)ranks.Count, 3);
}

/// <param name="First">Share of questions whose answer the sidebar shows first.</param>
/// <param name="Any">Share whose answer it shows at all.</param>
/// <param name="Nothing">Share for which it shows nothing ("no good match").</param>
public sealed record ShownMeasures(double First, double Any, double Nothing);

/// <summary>
/// A source the sidebar would show first to questions whose answer is another: what an admin rewrites or retitles
/// (or names as an answer too) when the questions are right.
/// </summary>
/// <param name="Questions">How many questions it is shown first to in place of their answer.</param>
/// <param name="Lines">Their lines in the file.</param>
public sealed record ShownInsteadResponse(string Kind, string SourceId, string Title, int Questions, IReadOnlyList<int> Lines)
{
    /// <summary>Sources shown most often in place of the answer, the most first, at most this many.</summary>
    public const int Most = 20;

    public static IReadOnlyList<ShownInsteadResponse> Of(IReadOnlyList<CheckResult> results) =>
        [.. results.Where(r => r.Shown.Hits.Count > 0 && r.ShownAt != 1)
            .GroupBy(r => (r.Shown.Hits[0].Kind, r.Shown.Hits[0].SourceId))
            .Select(g => new ShownInsteadResponse(g.Key.Kind.ToName(), g.Key.SourceId, g.First().Shown.Hits[0].Title, g.Count(),
                [.. g.Select(r => r.Question.Line)]))
            .OrderByDescending(s => s.Questions).ThenBy(s => s.Lines[0]).Take(Most)];
}

/// <summary>A source the sidebar would show for the question.</summary>
public sealed record CheckHitResponse(string Kind, string SourceId, string Title, string? Locale, double Relevance, double? Similarity);

/// <param name="Rank">Where the answer came in the assist's search (1 = first); null when not in its first ten.</param>
/// <param name="KeywordRank">Where it came in the keyword index alone.</param>
/// <param name="ShownAt">Where it came among what the sidebar shows; null when not shown.</param>
/// <param name="Status">What the sidebar's panel says: found, other-language or no-good-match.</param>
public sealed record CheckResultResponse(
    int Line, string Question, IReadOnlyList<string> Expected, string Language, int? Rank, int? KeywordRank, int? ShownAt,
    MatchStatus Status, IReadOnlyList<CheckHitResponse> Shown)
{
    public static CheckResultResponse From(CheckResult r) => new(
        r.Question.Line, r.Question.Question, r.Question.Expected, r.Language, r.Rank, r.KeywordRank, r.ShownAt, r.Shown.Status,
        [.. r.Shown.Hits.Select(h => new CheckHitResponse(h.Kind.ToName(), h.SourceId, h.Title, h.Locale, Math.Round(h.KeywordRelevance, 3),
            h.Similarity is { } s ? Math.Round(s, 4) : null))]);
}

/// <param name="Kind">The panel asked: article (articles and imported documents), macro or past-reply.</param>
/// <param name="SearchedByMeaning">Whether the tenant's embedding model took part (it has one and has read its passages); false: keywords alone.</param>
/// <param name="Search">The answer's place in the assist's search.</param>
/// <param name="Keywords">The same questions in the keyword index alone, side by side.</param>
/// <param name="Shown">What the sidebar would show, after the relevance floors.</param>
/// <param name="ShownInstead">The sources the sidebar would show first in place of the answer, those that do so most often first.</param>
public sealed record CheckResponse(
    string Tenant, string Kind, int Questions, bool SearchedByMeaning, VectorsResponse? Vectors,
    RankMeasures Search, RankMeasures Keywords, ShownMeasures Shown, IReadOnlyList<ShownInsteadResponse> ShownInstead, double DurationMs,
    IReadOnlyList<CheckResultResponse> Results)
{
    public static CheckResponse From(string tenant, SourceKind kind, bool byMeaning, VectorsResponse? vectors, CheckOutcome outcome)
    {
        var results = outcome.Results;
        double Share(Func<CheckResult, bool> which) => Math.Round(results.Count(which) / (double)results.Count, 3);
        return new CheckResponse(tenant, kind.ToName(), results.Count, byMeaning, vectors,
            RankMeasures.Of([.. results.Select(r => r.Rank)]), RankMeasures.Of([.. results.Select(r => r.KeywordRank)]),
            new ShownMeasures(Share(r => r.ShownAt == 1), Share(r => r.ShownAt is not null), Share(r => r.Shown.Hits.Count == 0)),
            ShownInsteadResponse.Of(results), Math.Round(outcome.Duration.TotalMilliseconds, 1), [.. results.Select(CheckResultResponse.From)]);
    }
}
