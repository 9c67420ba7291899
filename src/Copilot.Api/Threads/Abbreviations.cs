namespace Copilot.Api.Threads;

/// <summary>
/// Full stops that do not end a sentence, for every reader of text that splits sentences (thread summaries, offline
/// rewrites): after an abbreviation ("e.g.", "Dr. Weber", "z.B."), an initial or another dot, and after the word that
/// names a number when the number follows ("Art. 15 DSGVO", "Nr. 4412", "No. 5"; "No. I tried that." ends one).
/// </summary>
internal static class Abbreviations
{
    private static readonly HashSet<string> Always = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "vs", "approx", "incl", "excl", "min", "max", "mr", "mrs", "ms", "dr", "prof", "st", "ca", "cf",
        "z.b", "bzw", "usw", "ggf", "d.h", "u.a", "evtl", "inkl", "hr", "p.ex", "env", "mme", "cca", "ecc", "p.es", "dhr", "mevr",
        "sr", "sra", "aprox",
    };

    /// <summary>Words that name the number after them: no full stop of theirs ends a sentence before a digit.</summary>
    private static readonly HashSet<string> BeforeNumber = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "nr", "art", "abs", "fig", "vol", "ref", "tel",
    };

    /// <summary>
    /// Whether the full stop at <paramref name="dot"/> follows an abbreviation, an initial or another dot (a list's
    /// "1." is for the caller to judge: it has no word before it).
    /// </summary>
    public static bool Before(string text, int dot)
    {
        var start = dot;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }
        var word = text[start..dot];
        if (word.Length == 0)
        {
            return false;
        }
        // An initial, but not "I" ("So did I. Then it stopped.").
        if (word.EndsWith('.') || word.Length == 1 && word != "I" || Always.Contains(word))
        {
            return true;
        }
        var next = dot + 1;
        while (next < text.Length && text[next] is ' ' or '\t')
        {
            next++;
        }
        return BeforeNumber.Contains(word) && next < text.Length && char.IsDigit(text[next]);
    }
}
