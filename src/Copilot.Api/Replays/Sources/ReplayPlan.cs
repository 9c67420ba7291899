namespace Copilot.Api.Replays.Sources;

/// <summary>Which of a source's solved tickets a run replays, in the order it replays them.</summary>
public static class ReplayPlan
{
    /// <summary>
    /// The candidates the filter lets through (solved within the period, of the intent and group, each ticket once), then
    /// the newest <see cref="ReplayRequest.Count"/> — or, for a sample, that many drawn at random with the seed (the same
    /// seed over the same tickets draws the same sample) — newest first.
    /// </summary>
    public static List<ReplayCandidate> Choose(IEnumerable<ReplayCandidate> candidates, ReplayRequest request, int maxTickets)
    {
        var kept = candidates
            .Where(c => request.From is not { } from || c.SolvedAt >= from)
            .Where(c => request.To is not { } to || c.SolvedAt < to)
            .Where(c => request.Intent is null || string.Equals(c.Intent, request.Intent, StringComparison.OrdinalIgnoreCase))
            .Where(c => request.Group is null || string.Equals(c.Group, request.Group, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(c => c.Id, StringComparer.Ordinal)
            // Ordinal id as the tie-break: the same tickets always come in the same order, so a seed draws the same sample.
            .OrderByDescending(c => c.SolvedAt).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var count = Math.Min(request.Count ?? maxTickets, maxTickets);
        if (!request.Sample || kept.Count <= count)
        {
            return kept.Take(count).ToList();
        }
        var random = new Random(request.Seed ?? 0);
        var drawn = new HashSet<int>();
        // Floyd's algorithm: `count` distinct positions, each subset equally likely.
        for (var j = kept.Count - count; j < kept.Count; j++)
        {
            var t = random.Next(j + 1);
            drawn.Add(drawn.Contains(t) ? j : t);
        }
        return kept.Where((_, i) => drawn.Contains(i)).ToList();
    }
}
