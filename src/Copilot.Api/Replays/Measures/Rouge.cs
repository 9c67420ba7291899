using System.Text.RegularExpressions;
using Copilot.Api.Languages;

namespace Copilot.Api.Replays.Measures;

/// <summary>
/// ROUGE-L F1 as the reference scorer (google-research rouge_score, <c>rougeL</c> with
/// <c>use_stemmer=True</c>) computes it: lower-case, every run of characters outside [a-z0-9]
/// becomes a space, tokens longer than three characters are Porter-stemmed, and the longest
/// common subsequence of the two whole token sequences gives precision and recall.
/// </summary>
public static partial class Rouge
{
    public static IReadOnlyList<string> Tokens(string text)
    {
        var spaced = NonAlphanumeric().Replace(text.ToLowerInvariant(), " ");
        return spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Length > 3 ? PorterStemmer.Stem(t) : t)
            .Where(t => t.Length > 0)
            .ToList();
    }

    /// <summary>F1 of the longest common subsequence; 0 when either side has no tokens.</summary>
    public static double LcsF1(IReadOnlyList<string> reference, IReadOnlyList<string> candidate)
    {
        if (reference.Count == 0 || candidate.Count == 0)
        {
            return 0;
        }
        var lcs = Lcs(reference, candidate);
        var precision = lcs / (double)candidate.Count;
        var recall = lcs / (double)reference.Count;
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    }

    /// <summary>The mean of the F1 against each reference.</summary>
    public static double MeanF1(IReadOnlyList<string> references, string candidate)
    {
        var tokens = Tokens(candidate);
        return references.Average(r => LcsF1(Tokens(r), tokens));
    }

    private static int Lcs(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                current[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + 1
                    : Math.Max(previous[j], current[j - 1]);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Count];
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();
}
