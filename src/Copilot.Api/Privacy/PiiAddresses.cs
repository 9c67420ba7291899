using System.Buffers;
using System.Text.RegularExpressions;
using Copilot.Api.Knowledge;

namespace Copilot.Api.Privacy;

/// <summary>
/// Addresses whose house number comes after the street (German, Dutch, Spanish) or after "PO Box": found from the
/// number by reading backwards, since the number is where <see cref="PiiScanner"/> stops; and English streets typed
/// in lower case, whose words are checked before they are taken.
/// </summary>
internal static partial class PiiAddresses
{
    /// <summary>Street words that end a German or Dutch street name. Not "ring": "During 2025", "Bring 2".</summary>
    private static readonly string[] GermanicStreets =
        ["straße", "strasse", "str.", "weg", "gasse", "platz", "allee", "damm", "ufer", "chaussee", "straat", "laan", "plein", "gracht", "kade", "singel", "dijk", "steeg"];

    private static readonly SearchValues<string> SpanishStreets = SearchValues.Create(
        ["calle", "c/", "avenida", "avda.", "paseo", "plaza", "camino", "carrera", "ronda", "travesía"], StringComparison.OrdinalIgnoreCase);

    /// <summary>How far before a house number a Spanish street name may start.</summary>
    private const int SpanishLookBack = 80;

    /// <summary>"Hauptstraße 5", "Berliner Str. 12a", "Keizersgracht 123": the street word is read backwards from the number.</summary>
    public static (int Start, int Length) Germanic(string text, int p)
    {
        var wordEnd = p;
        while (wordEnd > 0 && p - wordEnd < 2 && text[wordEnd - 1] is ' ' or '\t')
        {
            wordEnd--;
        }
        var wordStart = wordEnd > 0 && text[wordEnd - 1] == '.' ? wordEnd - 1 : wordEnd;
        wordStart = WordStart(text, wordStart);
        if (wordStart == wordEnd || (wordStart > 0 && char.IsDigit(text[wordStart - 1])))
        {
            return default;
        }
        var word = text.AsSpan(wordStart, wordEnd - wordStart);
        string? suffix = null;
        foreach (var street in GermanicStreets)
        {
            if (word.EndsWith(street, StringComparison.OrdinalIgnoreCase))
            {
                suffix = street;
                break;
            }
        }
        if (suffix is null)
        {
            return default;
        }
        var start = wordStart;
        if (word.Length == suffix.Length)
        {
            // A bare "Straße 5" or "Weg 3" names no street; "Berliner Straße 5" does.
            if (wordStart < 2 || text[wordStart - 1] is not (' ' or '-'))
            {
                return default;
            }
            start = WordStart(text, wordStart - 1);
            if (start == wordStart - 1 || !char.IsUpper(text[start]))
            {
                return default;
            }
        }
        else if (!char.IsUpper(word[0]))
        {
            return default;
        }
        var number = PiiScanner.MatchAt(PiiPatterns.HouseNumber(), text, p);
        return number > 0 ? (start, p + number - start) : default;
    }

    /// <summary>"Calle Mayor 12": a street keyword shortly before the number, then the full pattern from there.</summary>
    public static (int Start, int Length) Spanish(string text, int p)
    {
        var from = Math.Max(0, p - SpanishLookBack);
        var window = text.AsSpan(from, p - from);
        for (var offset = 0; offset < window.Length;)
        {
            var k = window[offset..].IndexOfAny(SpanishStreets);
            if (k < 0)
            {
                return default;
            }
            var start = from + offset + k;
            var length = PiiScanner.MatchAt(PiiPatterns.SpanishAddress(), text, start);
            if (length > 0 && start + length > p)
            {
                return (start, length);
            }
            offset += k + 1;
        }
        return default;
    }

    /// <summary>Words of a post office box before its number.</summary>
    private static readonly SearchValues<string> BoxWords = SearchValues.Create(
        ["box", "postfach", "postbus", "apartado", "postale", "postal"], StringComparison.OrdinalIgnoreCase);

    /// <summary>How far before its number a post office box's words may start ("Post Office Box No. ").</summary>
    private const int BoxLookBack = 28;

    /// <summary>"PO Box 1234", "P.O. Box 55", "Postfach 12 34", "Postbus 100", "Apartado de Correos 45", "Boîte postale 12".</summary>
    public static (int Start, int Length) PostBox(string text, int p)
    {
        var from = Math.Max(0, p - BoxLookBack);
        var window = text.AsSpan(from, p - from);
        if (p == 0 || window.IndexOfAny(BoxWords) < 0)
        {
            return default;
        }
        foreach (var m in BoxBefore().EnumerateMatches(window))
        {
            var number = PiiScanner.MatchAt(BoxNumber(), text, p);
            return number > 0 ? (from + m.Index, p + number - from - m.Index) : default;
        }
        return default;
    }

    /// <summary>Words a number and a street word can follow without being an address: "2 hours on the road", "3 hard drive".</summary>
    private static readonly HashSet<string> NotStreetWords = new(StringComparer.Ordinal)
    {
        "hour", "hours", "minute", "minutes", "day", "days", "week", "weeks", "month", "months", "year", "years", "time", "times",
        "item", "items", "mile", "miles", "km", "block", "blocks", "step", "steps", "way", "ways", "lane", "lanes", "more", "other",
        "hard", "usb", "flash", "thumb", "disk", "external", "network", "solid", "optical", "test",
    };

    /// <summary>"6496 lincoln ave" typed in lower case: the pattern, then none of the words before the street word a common one.</summary>
    /// <remarks>
    /// Every digit run followed by a word comes here ("3 items", "2 hours"): the pattern is tried without allocating, and
    /// only a street is read into groups.
    /// </remarks>
    public static int LowerCaseStreet(string text, int p)
    {
        if (PiiScanner.MatchAt(PiiPatterns.LowerCaseAddress(), text, p) == 0)
        {
            return 0;
        }
        var match = PiiPatterns.LowerCaseAddress().Match(text, p);
        foreach (var word in match.Groups["words"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (StopWords.All.Contains(word) || NotStreetWords.Contains(word))
            {
                return 0;
            }
        }
        return match.Length;
    }

    [GeneratedRegex(@"(?<![\p{L}\d])(?i:p\.?[ ]?o\.?[ ]?box|post[ ]office[ ]box|postfach|postbus|apartado(?:[ ]de[ ]correos)?|bo[iî]te[ ]postale|caixa[ ]postal|casella[ ]postale)[ \t]*(?:(?i:no)\.?[ \t]*|n[º°][ \t]*|\#[ \t]*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex BoxBefore();

    /// <summary>The box's number: one run of digits, or groups of them ("12 34").</summary>
    [GeneratedRegex(@"\G\d{1,6}(?:[ ]\d{2,4})?(?![\p{L}\d])", RegexOptions.CultureInvariant)]
    private static partial Regex BoxNumber();

    private static int WordStart(string text, int end)
    {
        var start = end;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '-'))
        {
            start--;
        }
        return start;
    }
}
