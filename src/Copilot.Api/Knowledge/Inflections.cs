namespace Copilot.Api.Knowledge;

/// <summary>
/// English inflections of a query word (plural, past, -ing), tried against the index vocabulary
/// so "cancelling" also finds "cancel" and "cancelled" without a stemming tokenizer. Only forms
/// the index holds are searched; the index itself stays unstemmed, so other languages are untouched.
/// </summary>
public static class Inflections
{
    public static IEnumerable<string> Of(string word)
    {
        if (word.Length < 4 || !word.All(char.IsAsciiLetterLower))
        {
            yield break;
        }
        var stems = new HashSet<string>(StringComparer.Ordinal) { word };
        if (word.EndsWith("ies", StringComparison.Ordinal)) stems.Add(word[..^3] + "y");
        else if (word.EndsWith("es", StringComparison.Ordinal)) { stems.Add(word[..^2]); stems.Add(word[..^1]); }
        else if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)) stems.Add(word[..^1]);
        if (word.EndsWith("ed", StringComparison.Ordinal)) { stems.Add(word[..^2]); stems.Add(word[..^1]); Undouble(stems, word[..^2]); }
        if (word.EndsWith("ing", StringComparison.Ordinal)) { stems.Add(word[..^3]); stems.Add(word[..^3] + "e"); Undouble(stems, word[..^3]); }
        foreach (var stem in stems.Where(s => s.Length >= 3).ToList())
        {
            var forms = new List<string> { stem, stem + "s", stem + "ed", stem + "ing" };
            if (stem.EndsWith('e')) forms.AddRange([stem + "d", stem[..^1] + "ing"]);
            if (stem.EndsWith('y')) forms.Add(stem[..^1] + "ies");
            if (stem.EndsWith('s') || stem.EndsWith('x') || stem.EndsWith("ch", StringComparison.Ordinal) || stem.EndsWith("sh", StringComparison.Ordinal)) forms.Add(stem + "es");
            if (stem.Length >= 3 && IsConsonant(stem[^1]) && !IsConsonant(stem[^2])) forms.AddRange([stem + stem[^1] + "ed", stem + stem[^1] + "ing"]);
            foreach (var form in forms.Where(f => f != word))
            {
                yield return form;
            }
        }
    }

    private static void Undouble(HashSet<string> stems, string stem)
    {
        if (stem.Length >= 4 && stem[^1] == stem[^2] && IsConsonant(stem[^1]))
        {
            stems.Add(stem[..^1]);
        }
    }

    private static bool IsConsonant(char c) => c is >= 'a' and <= 'z' && "aeiouy".IndexOf(c) < 0;
}
