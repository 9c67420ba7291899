namespace Copilot.Api.Knowledge.Vectors;

/// <summary>
/// Hybrid ranking as a weighted sum of scores on known scales: a source's passage similarity and title
/// similarity measured from the tenant's floor (the floor 0, identical text 1, negative below the floor)
/// plus its keyword score as a share of the query's best. Unlike reciprocal rank fusion it keeps
/// how far apart two sources are, so a clear semantic match is not outvoted by a keyword list's order, and
/// keywords still settle close calls.
/// </summary>
public static class ScoreFusion
{
    /// <param name="Similarity">Best passage cosine of the source, null when it has none (counts as the floor).</param>
    /// <param name="TitleSimilarity">Cosine of the source's title, null when it has no title vector (or titles are off).</param>
    /// <param name="Keyword">BM25 score of the source's best passage, 0 when keyword search did not find it.</param>
    public readonly record struct Candidate<T>(T Item, double? Similarity, double? TitleSimilarity, double Keyword);

    public static IReadOnlyList<(T Item, double Score)> Fuse<T>(
        IReadOnlyList<Candidate<T>> candidates, double floor, double keywordWeight, double titleWeight)
    {
        var span = Math.Max(1 - floor, 1e-6);
        var bestKeyword = candidates.Count == 0 ? 0 : candidates.Max(c => c.Keyword);
        return candidates
            .Select((c, order) => (c.Item, Order: order, Score:
                ((c.Similarity ?? floor) - floor) / span
                + titleWeight * (((c.TitleSimilarity ?? floor) - floor) / span)
                + (bestKeyword > 0 ? keywordWeight * c.Keyword / bestKeyword : 0)))
            // Ties keep the order candidates came in (the keyword list's first).
            .OrderByDescending(c => c.Score).ThenBy(c => c.Order)
            .Select(c => (c.Item, c.Score)).ToList();
    }
}
