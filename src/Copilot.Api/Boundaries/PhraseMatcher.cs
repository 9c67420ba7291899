using System.Text;
using System.Text.RegularExpressions;

namespace Copilot.Api.Boundaries;

/// <summary>
/// A rule's phrases (looked up word by word, whole words only, so "human" never matches
/// inside "human-readable") and its own regexes, each with a match timeout. The regexes run without
/// backtracking (<see cref="RegexOptions.NonBacktracking"/>), in time linear in the text whatever their
/// quantifiers; a stored pattern saved before that rule, which needs backtracking (a lookaround), keeps it.
/// A match right after a negation in the same clause ("I don't want to dispute…") does not count.
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

    /// <summary>First word → the phrases starting with it (as words), longest first.</summary>
    private readonly Dictionary<string, string[][]> _phrases;
    private readonly Regex[] _regexes;

    private PhraseMatcher(Dictionary<string, string[][]> phrases, Regex[] regexes) => (_phrases, _regexes) = (phrases, regexes);

    public bool IsEmpty => _phrases.Count == 0 && _regexes.Length == 0;

    public static PhraseMatcher Build(Dictionary<string, List<string>>? phrases, Dictionary<string, List<string>>? patterns, bool compileRegexes = false)
    {
        var phraseIndex = (phrases ?? []).Values.SelectMany(l => l ?? [])
            .Select(ScannedText.WordsOf).Where(w => w.Length > 0)
            .DistinctBy(w => string.Join(' ', w))
            .GroupBy(w => w[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray(), StringComparer.Ordinal);
        var options = compileRegexes ? Options | RegexOptions.Compiled : Options;
        var regexes = (patterns ?? []).Values.SelectMany(l => l ?? []).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)
            .Select(p => Linear(p) ?? new Regex(p, options, MatchTimeout)).ToArray();
        return new PhraseMatcher(phraseIndex, regexes);
    }

    /// <summary>The pattern run without backtracking; null when it needs backtracking (a lookaround, a backreference, an atomic group).</summary>
    internal static Regex? Linear(string pattern)
    {
        try
        {
            return new Regex(pattern, Options | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>All non-negated matches, phrases first. A timed-out regex counts as no match.</summary>
    public IEnumerable<Hit> Matches(ScannedText text, bool skipNegated, Action<RegexMatchTimeoutException>? onTimeout = null)
    {
        var words = text.Words;
        for (var i = 0; i < words.Length; i++)
        {
            if (!_phrases.TryGetValue(words[i].Value, out var candidates))
            {
                continue;
            }
            foreach (var phrase in candidates)
            {
                if (i + phrase.Length <= words.Length && Follows(words, i, phrase))
                {
                    var hit = new Hit(words[i].Index, words[i + phrase.Length - 1].End - words[i].Index);
                    if (!(skipNegated && IsNegated(text.Text, hit.Index)))
                    {
                        yield return hit;
                    }
                    break;
                }
            }
        }
        foreach (var regex in _regexes)
        {
            List<Match> found;
            try
            {
                found = regex.Matches(text.Text).ToList();
            }
            catch (RegexMatchTimeoutException e)
            {
                onTimeout?.Invoke(e);
                continue;
            }
            foreach (var m in found)
            {
                if (m.Length > 0 && !(skipNegated && IsNegated(text.Text, m.Index)))
                {
                    yield return new Hit(m.Index, m.Length);
                }
            }
        }
    }

    private static bool Follows(ScannedText.WordAt[] words, int at, string[] phrase)
    {
        for (var k = 1; k < phrase.Length; k++)
        {
            if (!string.Equals(words[at + k].Value, phrase[k], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
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
