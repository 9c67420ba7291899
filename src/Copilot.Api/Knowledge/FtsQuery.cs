using System.Globalization;
using System.Text;

namespace Copilot.Api.Knowledge;

/// <summary>
/// Turns free text (a search box entry or a whole ticket thread) into a safe FTS5 query:
/// words are cut out of the text, stop words dropped, each remaining term double-quoted and
/// the terms OR-ed. Nothing of the user's text reaches FTS5 as syntax, so <c>"</c>, <c>*</c>,
/// <c>NEAR(</c>, <c>-</c>, <c>:</c> or <c>AND</c> are plain words or nothing.
/// </summary>
/// <remarks>
/// Which terms a long query keeps: <see cref="TermCounts"/> gives the candidates (by frequency in
/// the query, then length, then first occurrence); <see cref="SelectByWeight"/> then keeps those
/// the query repeats and the index holds rarely (tf·idf), up to <c>maxTerms</c> and a budget of
/// postings. Rare terms are the ones BM25 weighs most and the cheapest to score; the commonest
/// terms of a thread add little to the ranking and most to the cost.
/// </remarks>
public static class FtsQuery
{
    private const int MinTermLength = 2;
    private const int MaxTermLength = 40;

    /// <returns>The FTS5 MATCH expression, or null when the text holds no searchable word.</returns>
    public static string? Build(string text, int maxTerms = 32, bool dropStopWords = true) => Build(Terms(text, maxTerms, dropStopWords));

    public static string? Build(IReadOnlyList<string> terms) =>
        terms.Count == 0 ? null : string.Join(" OR ", terms.Select(t => "\"" + t.Replace("\"", "\"\"") + "\""));

    /// <summary>The distinct terms kept for the query, most important first.</summary>
    public static IReadOnlyList<string> Terms(string text, int maxTerms = 32, bool dropStopWords = true) =>
        TermCounts(text, maxTerms, dropStopWords).Select(t => t.Term).ToList();

    /// <summary>The distinct terms kept for the query with how often the query says each, most important first.</summary>
    public static IReadOnlyList<(string Term, int Count)> TermCounts(string text, int maxTerms = 32, bool dropStopWords = true)
    {
        var stats = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        var position = 0;
        foreach (var word in Words(text))
        {
            var folded = Fold(word);
            if (folded.Length < MinTermLength || folded.Length > MaxTermLength || (dropStopWords && StopWords.All.Contains(folded)))
            {
                continue;
            }
            stats[folded] = stats.TryGetValue(folded, out var s) ? (s.Count + 1, s.First) : (1, position);
            position++;
        }
        return stats
            .OrderByDescending(kv => kv.Value.Count)
            .ThenByDescending(kv => kv.Key.Length)
            .ThenBy(kv => kv.Value.First)
            .Take(maxTerms)
            .Select(kv => (kv.Key, kv.Value.Count))
            .ToList();
    }

    /// <summary>
    /// Keeps the terms that weigh most for this query: how often the query says a term times how rare
    /// it is in the index (tf·idf), at most <paramref name="maxTerms"/>, while the summed passage counts
    /// stay within <paramref name="maxPostings"/> (the heaviest term is always kept). A long thread's
    /// one-off rare words (a name, "patience") then give way to the words it keeps coming back to.
    /// An ASCII term no passage holds cannot match and is dropped; a non-ASCII term the vocabulary
    /// does not know is kept, since the tokenizer may fold it differently than we do.
    /// </summary>
    public static IReadOnlyList<string> SelectByWeight(
        IReadOnlyList<(string Term, int Count)> candidates, IReadOnlyDictionary<string, long> documentFrequency, long rows, int maxTerms, long maxPostings)
    {
        var ranked = candidates
            .Select((c, order) => (c.Term, c.Count, order, df: documentFrequency.TryGetValue(c.Term, out var df) ? df : Ascii.IsValid(c.Term) ? 0 : -1))
            .Where(c => c.df != 0)
            .OrderByDescending(c => c.Count * Math.Max(1e-6, Math.Log((rows - Math.Max(c.df, 1) + 0.5) / (Math.Max(c.df, 1) + 0.5))))
            .ThenBy(c => c.order);
        var kept = new List<string>();
        long postings = 0;
        foreach (var (term, _, _, df) in ranked)
        {
            var cost = Math.Max(df, 0);
            if (kept.Count == maxTerms)
            {
                break;
            }
            if (kept.Count > 0 && postings + cost > maxPostings)
            {
                continue;
            }
            kept.Add(term);
            postings += cost;
        }
        return kept;
    }

    /// <summary>Runs of letters and digits, as FTS5's unicode61 tokenizer sees them.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    /// <summary>
    /// Lower case without diacritics, so stop words match "Grüße" as "grusse" and terms agree with
    /// the tokenizer's remove_diacritics. A table, not Unicode normalization: the host runs with
    /// invariant globalization, where normalization is unavailable.
    /// </summary>
    internal static string Fold(string word)
    {
        var lower = word.ToLowerInvariant();
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            var i = c >= '\u00e0' && c < '\u0180' ? FoldFrom.IndexOf(c) : -1;
            if (i >= 0)
            {
                builder.Append(FoldTo[i]);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private const string FoldFrom = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
    private const string FoldTo = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz";
}
