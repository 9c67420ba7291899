using Copilot.Api.Threads;

namespace Copilot.Api.Procedures.Matching;

/// <summary>
/// How much a thread and a procedure share by their words: the cosine of their TF-IDF vectors (content words, counted
/// sublinearly; a title word counts twice), rarity taken over the tenant's procedures in force, so a word every
/// procedure says ("account", "customer") decides nothing.
/// </summary>
public static class ProcedureWords
{
    public static IReadOnlyList<double> Similarities(string thread, IReadOnlyList<Procedure> candidates, IReadOnlyList<Procedure> all)
    {
        var documents = all.Select(Counts).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in documents.SelectMany(d => d.Keys))
        {
            df[term] = df.GetValueOrDefault(term) + 1;
        }
        double Idf(string term) => Math.Log(1 + (all.Count + 1.0) / (df.GetValueOrDefault(term) + 1.0));
        var query = Weigh(Tf(ThreadText.Terms(thread)), Idf);
        return candidates.Select(c => Cosine(query, Weigh(Counts(c), Idf))).ToList();
    }

    private static Dictionary<string, double> Counts(Procedure p)
    {
        var counts = Tf(ThreadText.Terms(string.Join("\n", p.StepList)));
        foreach (var term in ThreadText.Terms(p.Title))
        {
            counts[term] = counts.GetValueOrDefault(term) + 2;
        }
        return counts;
    }

    private static Dictionary<string, double> Tf(IEnumerable<string> terms)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }
        return counts;
    }

    private static Dictionary<string, double> Weigh(Dictionary<string, double> counts, Func<string, double> idf) =>
        counts.ToDictionary(p => p.Key, p => (1 + Math.Log(p.Value)) * idf(p.Key), StringComparer.Ordinal);

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        var dot = a.Sum(p => b.TryGetValue(p.Key, out var w) ? p.Value * w : 0);
        var norm = Math.Sqrt(a.Values.Sum(v => v * v)) * Math.Sqrt(b.Values.Sum(v => v * v));
        return norm == 0 ? 0 : dot / norm;
    }
}
