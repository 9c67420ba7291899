using System.Text;
using System.Text.RegularExpressions;

namespace Copilot.Api.Boundaries;

/// <summary>
/// A rule's phrases (one alternation, whole words only, so "human" never matches inside
/// "human-readable") and its own regexes, each with a match timeout. A match right after a
/// negation in the same clause ("I don't want to dispute…") does not count.
/// </summary>
internal sealed class PhraseMatcher
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly HashSet<string> Negations = new(StringComparer.OrdinalIgnoreCase)
    {
        // "no" is left out: in Portuguese it means "in the".
        "not", "don't", "dont", "doesn't", "didn't", "never", "won't", "wouldn't", "isn't", "aren't", "wasn't", "without",
        "nicht", "kein", "keine", "keinen", "keinem", "nie", "niemals", "ohne",
        "pas", "jamais", "sans", "ne", "nunca", "sin", "niet", "geen", "nooit", "zonder", "não", "nao", "sem", "non", "mai", "senza",
    };

    private readonly Regex[] _regexes;

    private PhraseMatcher(Regex[] regexes) => _regexes = regexes;

    public bool IsEmpty => _regexes.Length == 0;

    public static PhraseMatcher Build(Dictionary<string, List<string>>? phrases, Dictionary<string, List<string>>? patterns)
    {
        var regexes = new List<Regex>();
        var literal = (phrases ?? []).Values.SelectMany(l => l).Select(p => p.Trim()).Where(p => p.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(p => p.Length).ToList();
        if (literal.Count > 0)
        {
            regexes.Add(new Regex(string.Join('|', literal.Select(PhrasePattern)), Options, MatchTimeout));
        }
        foreach (var pattern in (patterns ?? []).Values.SelectMany(l => l).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal))
        {
            regexes.Add(new Regex(pattern, Options, MatchTimeout));
        }
        return new PhraseMatcher([.. regexes]);
    }

    /// <summary>Whole words; any run of spaces in the phrase matches any whitespace; "-" may follow only if a letter doesn't.</summary>
    public static string PhrasePattern(string phrase)
    {
        var words = phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        return @"(?<![\p{L}\p{N}_])" + string.Join(@"\s+", words) + @"(?!-?[\p{L}\p{N}_])";
    }

    /// <summary>All non-negated matches in <paramref name="text"/>. A timed-out regex counts as no match.</summary>
    public IEnumerable<Match> Matches(string text, bool skipNegated, Action<RegexMatchTimeoutException>? onTimeout = null)
    {
        foreach (var regex in _regexes)
        {
            List<Match> found;
            try
            {
                found = regex.Matches(text).ToList();
            }
            catch (RegexMatchTimeoutException e)
            {
                onTimeout?.Invoke(e);
                continue;
            }
            foreach (var m in found)
            {
                if (m.Length > 0 && !(skipNegated && IsNegated(text, m.Index)))
                {
                    yield return m;
                }
            }
        }
    }

    /// <summary>One of the three words before <paramref name="index"/>, in the same clause, negates it.</summary>
    internal static bool IsNegated(string text, int index)
    {
        var start = Math.Max(0, index - 40);
        var before = text[start..index];
        var clause = before.LastIndexOfAny(['.', ',', ';', ':', '!', '?', '\n']);
        if (clause >= 0)
        {
            before = before[(clause + 1)..];
        }
        var words = before.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words.TakeLast(3))
        {
            var w = word.Trim('"', '(', ')', '¿', '¡');
            if (Negations.Contains(w) || w.StartsWith("n'", StringComparison.OrdinalIgnoreCase) || w.EndsWith("n't", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The match with some words around it, at most <paramref name="max"/> characters.</summary>
    public static string Snippet(string text, int index, int length, int max = 120)
    {
        if (length >= max - 2)
        {
            return text.Substring(index, max - 1).ReplaceLineEndings(" ") + "…";
        }
        var room = max - 2 - length;                 // two ellipses at most
        var from = Math.Max(0, index - room / 2);
        var to = Math.Min(text.Length, index + length + (room - (index - from)));
        from = Math.Max(0, Math.Min(from, to - (max - 2)));
        while (from > 0 && from < index && !char.IsWhiteSpace(text[from - 1]))
        {
            from++;                                   // start at a word
        }
        while (to < text.Length && to > index + length && !char.IsWhiteSpace(text[to]))
        {
            to--;                                     // end at a word
        }
        var snippet = new StringBuilder();
        snippet.Append(from > 0 ? "…" : "").Append(text[from..to].ReplaceLineEndings(" ").Trim()).Append(to < text.Length ? "…" : "");
        return snippet.ToString();
    }
}
