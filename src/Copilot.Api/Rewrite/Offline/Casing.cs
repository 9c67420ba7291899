namespace Copilot.Api.Rewrite.Offline;

/// <summary>Carries the case of the words a rule replaces over to the words it writes.</summary>
internal static class Casing
{
    /// <summary>"Teh" → "The", "TEH" → "THE", "teh" → "the". An acronym ("ASAP") passes on no capitals but the first.</summary>
    public static string Like(string original, string replacement, bool acronym = false)
    {
        if (replacement.Length == 0 || original.Length == 0)
        {
            return replacement;
        }
        var letters = original.Where(char.IsLetter).ToList();
        if (acronym)
        {
            return replacement;
        }
        if (letters.Count > 1 && letters.All(char.IsUpper))
        {
            return replacement.ToUpperInvariant();
        }
        return char.IsUpper(original.First(char.IsLetter)) ? Capitalize(replacement) : replacement;
    }

    public static string Capitalize(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetter(text[i]))
            {
                return char.IsUpper(text[i]) ? text : text[..i] + char.ToUpperInvariant(text[i]) + text[(i + 1)..];
            }
        }
        return text;
    }

    /// <summary>A word written all in lower case: "iPhone" and "eBay" are not, and keep their shape.</summary>
    public static bool IsLowerWord(string word) => word.Length > 0 && word.All(c => !char.IsLetter(c) || char.IsLower(c)) && char.IsLower(word[0]);
}
