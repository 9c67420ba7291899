namespace Copilot.Api.Models.Retrieval;

/// <summary>
/// Reciprocal rank fusion: each list gives an item 1 / (k + rank); items are ordered by the sum.
/// Needs no score calibration between BM25 and cosine, which live on unrelated scales.
/// </summary>
public static class RankFusion
{
    public const int DefaultK = 60;

    public static IReadOnlyList<(T Item, double Score)> Reciprocal<T>(IEnumerable<IReadOnlyList<T>> rankings, int k = DefaultK)
        where T : notnull
    {
        var scores = new Dictionary<T, double>();
        var firstSeen = new Dictionary<T, int>();
        foreach (var ranking in rankings)
        {
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                var item = ranking[rank];
                scores[item] = scores.GetValueOrDefault(item) + 1.0 / (k + rank + 1);
                firstSeen.TryAdd(item, firstSeen.Count);
            }
        }
        // Ties keep the order items first appeared in (the keyword list comes first).
        return scores.OrderByDescending(p => p.Value).ThenBy(p => firstSeen[p.Key]).Select(p => (p.Key, p.Value)).ToList();
    }
}
