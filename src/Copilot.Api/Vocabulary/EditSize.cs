using System.Globalization;
using System.Text;

namespace Copilot.Api.Vocabulary;

/// <summary>
/// How much an agent changed a suggestion before sending it: a word-level Levenshtein distance (words
/// inserted, deleted or replaced) and that distance over the longer text's word count. Words, not characters,
/// because that is how agents edit and how leads read it. This is the one definition: the backend measures
/// every edit with it, and the sidebar's local classification (sidebar-app/src/lib/feedback/words.ts) splits
/// words by the same rule, checked by both test suites against tests/vectors/edit-size.json.
/// </summary>
public static class EditSize
{
    public readonly record struct Result(int Distance, double Ratio);

    public static Result Measure(string suggested, string sent)
    {
        var a = Words(suggested);
        var b = Words(sent);
        var longer = Math.Max(a.Count, b.Count);
        if (longer == 0)
        {
            return new Result(0, 0);
        }
        var distance = Distance(a, b);
        // Half away from zero, as JavaScript's Math.round, so both sides round a ratio alike.
        return new Result(distance, Math.Round((double)distance / longer, 4, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// A word is a maximal run of letters, combining marks and digits (Unicode categories L, M and N), compared
    /// exactly; spaces, punctuation and symbols separate words and are not words. Read by code point, so a letter
    /// outside the Basic Multilingual Plane is one letter.
    /// </summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var (start, at) = (-1, 0);
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsWordRune(rune) && start >= 0)
            {
                words.Add(text[start..at]);
                start = -1;
            }
            else if (IsWordRune(rune) && start < 0)
            {
                start = at;
            }
            at += rune.Utf16SequenceLength;
        }
        if (start >= 0)
        {
            words.Add(text[start..]);
        }
        return words;
    }

    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    private static int Distance(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (var j = 0; j <= b.Count; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Count; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Count; j++)
            {
                var substitution = previous[j - 1] + (string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Count];
    }
}
