namespace Copilot.Api.Analytics;

/// <summary>A ticket that is a knowledge gap, with the key terms of its queries (term → count).</summary>
public sealed record GapTicket(long TicketId, IReadOnlyDictionary<string, int> Terms);

public sealed record TopicCluster(IReadOnlyList<string> Terms, IReadOnlyList<long> TicketIds);

/// <summary>
/// Groups gap tickets into topics, deterministically: each ticket keeps its
/// <see cref="TermsPerTicket"/> highest TF-IDF terms; terms are taken in order of how many
/// tickets rank them (then summed weight, then alphabetically) and each takes every ticket
/// not yet grouped that ranks it. A topic's label is its seed term and the group's next
/// strongest terms. Same input, same topics, whatever the input order.
/// </summary>
public static class TopicClustering
{
    public const int TermsPerTicket = 3;
    public const int LabelTerms = 3;

    public static IReadOnlyList<TopicCluster> Cluster(IReadOnlyList<GapTicket> tickets)
    {
        var n = tickets.Count;
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in tickets.SelectMany(t => t.Terms.Keys))
        {
            df[term] = df.GetValueOrDefault(term) + 1;
        }
        var top = tickets
            .OrderBy(t => t.TicketId)
            .Select(t => (t.TicketId, Terms: t.Terms
                .Select(kv => (Term: kv.Key, Weight: kv.Value * (Math.Log((1.0 + n) / (1.0 + df[kv.Key])) + 1.0)))
                .OrderByDescending(x => x.Weight).ThenBy(x => x.Term, StringComparer.Ordinal)
                .Take(TermsPerTicket)
                .ToList()))
            .ToList();

        var seeds = top
            .SelectMany(t => t.Terms)
            .GroupBy(x => x.Term, StringComparer.Ordinal)
            .Select(g => (Term: g.Key, Tickets: g.Count(), Weight: g.Sum(x => x.Weight)))
            .OrderByDescending(s => s.Tickets).ThenByDescending(s => s.Weight).ThenBy(s => s.Term, StringComparer.Ordinal);

        var assigned = new HashSet<long>();
        var clusters = new List<TopicCluster>();
        foreach (var seed in seeds)
        {
            var group = top.Where(t => !assigned.Contains(t.TicketId) && t.Terms.Any(x => x.Term == seed.Term)).ToList();
            if (group.Count == 0)
            {
                continue;
            }
            assigned.UnionWith(group.Select(g => g.TicketId));
            var label = group
                .SelectMany(g => g.Terms)
                .Where(x => x.Term != seed.Term)
                .GroupBy(x => x.Term, StringComparer.Ordinal)
                .Select(g => (Term: g.Key, Weight: g.Sum(x => x.Weight)))
                .OrderByDescending(x => x.Weight).ThenBy(x => x.Term, StringComparer.Ordinal)
                .Take(LabelTerms - 1)
                .Select(x => x.Term)
                .Prepend(seed.Term)
                .ToList();
            clusters.Add(new TopicCluster(label, group.Select(g => g.TicketId).ToList()));
        }
        var unlabelled = top.Where(t => t.Terms.Count == 0).Select(t => t.TicketId).ToList();
        if (unlabelled.Count > 0)
        {
            clusters.Add(new TopicCluster([], unlabelled));
        }
        return clusters;
    }
}
