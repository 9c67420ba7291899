namespace Copilot.Api.Knowledge.Vectors;

/// <summary>
/// Reciprocal rank fusion: each list gives an item 1 / (k + rank); items are ordered by the sum.
/// Needs no score calibration between BM25 and cosine, which live on unrelated scales.
/// </summary>
public static class RankFusion
{
    public const int DefaultK = 60;

    public static IReadOnlyList<(T Item, double Score)> Reciprocal<T>(IEnumerable<IReadOnlyList<T>> rankings, int k = DefaultK)
        where T : notnull => Weighted(rankings.Select(r => (r, 1.0)), k);

    /// <summary>Weighted reciprocal rank fusion: each list gives an item weight / (k + rank).</summary>
    public static IReadOnlyList<(T Item, double Score)> Weighted<T>(IEnumerable<(IReadOnlyList<T> Ranking, double Weight)> rankings, int k = DefaultK)
        where T : notnull
    {
        var scores = new Dictionary<T, double>();
        var firstSeen = new Dictionary<T, int>();
        foreach (var (ranking, weight) in rankings)
        {
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                var item = ranking[rank];
                scores[item] = scores.GetValueOrDefault(item) + weight / (k + rank + 1);
                firstSeen.TryAdd(item, firstSeen.Count);
            }
        }
        // Ties keep the order items first appeared in (the keyword list comes first).
        return scores.OrderByDescending(p => p.Value).ThenBy(p => firstSeen[p.Key]).Select(p => (p.Key, p.Value)).ToList();
    }
}
