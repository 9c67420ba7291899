using System.Text.RegularExpressions;

namespace Copilot.Api.Languages;

/// <summary>How a text addresses its reader, in a language with a formal and an informal "you" (German "Sie" or "du", Dutch "u" or "je", Spanish "usted" or "tú", French "vous" or "tu", Italian "Lei" or "tu").</summary>
internal enum Address
{
    /// <summary>The text says neither, or the language has no such choice.</summary>
    Unknown,
    Formal,
    Informal,
}

/// <summary>
/// Reads the form of address a text uses: German "du", "dich", "dir", "dein…", "euch", "eu(e)r…", "ihr habt" against "Sie" and "Ihr"
/// written with a capital inside a sentence (at a sentence's start they may be "she", "they" or "ihr habt"), "Ihnen",
/// "Ihre…" and "Ihr Konto" anywhere, and a greeting by title ("Hallo Frau Müller", "Sehr geehrter Herr Weber"); Dutch "je",
/// "jij", "jou(w)", "jullie" against "u", "uw" and "Geachte"; Spanish "tú", "te", "ti", "contigo", "tus", "vosotros", "os"
/// against "usted" and "Estimado/a" ("ustedes" is every plural "you" in Latin America; "su" and "le" are also "his", "her"
/// and "them"); French "tu", "te", "t'", "toi", "ton", "ta", "tes" against "vous", "votre", "vos"; Italian "tu", "ti",
/// "tuo…" against "Lei", "Le", "La", "Suo…" written with a capital inside a sentence or a word ("inviarLe") and "Gentile".
/// </summary>
internal static partial class AddressForms
{
    /// <summary>Each language's formal and informal forms of address.</summary>
    private static readonly Dictionary<string, (Regex Formal, Regex Informal)> Forms = new(StringComparer.Ordinal)
    {
        ["de"] = (GermanFormal(), GermanInformal()),
        ["nl"] = (DutchFormal(), DutchInformal()),
        ["es"] = (SpanishFormal(), SpanishInformal()),
        ["fr"] = (FrenchFormal(), FrenchInformal()),
        ["it"] = (ItalianFormal(), ItalianInformal()),
    };

    /// <summary>How many formal and informal forms of address the text holds; none in a language this does not read.</summary>
    public static (int Formal, int Informal) Count(string text, string? language) =>
        language is not null && Forms.TryGetValue(language, out var forms) ? (forms.Formal.Count(text), forms.Informal.Count(text)) : (0, 0);

    /// <summary>The form the text uses more; <see cref="Address.Unknown"/> when it uses neither, or both as often.</summary>
    public static Address Of(string text, string? language)
    {
        var (formal, informal) = Count(text, language);
        return formal > informal ? Address.Formal : informal > formal ? Address.Informal : Address.Unknown;
    }

    /// <summary>The first of the texts whose form of address is known; <see cref="Address.Unknown"/> when none says.</summary>
    public static Address FirstKnown(string? language, params IEnumerable<string>[] texts)
    {
        if (language is null || !Forms.ContainsKey(language))
        {
            return Address.Unknown; // English and Portuguese: nothing to read, nothing to join
        }
        foreach (var group in texts)
        {
            if (Of(string.Join('\n', group), language) is var address and not Address.Unknown)
            {
                return address;
            }
        }
        return Address.Unknown;
    }

    [GeneratedRegex(@"(?<![\p{L}])(?:du|dich|dir|dein|deine|deinen|deinem|deiner|deines|euch|euer|eure|euren|eurem|eurer|eures|ihr(?= (?:habt|seid|könnt|wollt|müsst|sollt|solltet|dürft|werdet|wart|hattet|bekommt|findet|wisst)))(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GermanInformal();

    [GeneratedRegex(@"(?<=[\p{Ll},;:)] +)(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)(?![\p{L}])|(?<![\p{L}])(?:Ihnen|Ihre[nmrs]?|Ihr(?= \p{Lu}))(?![\p{L}])|(?<![\p{L}])(?:Hallo|Guten Tag|geehrte[r]?|Liebe[r]?) (?:Frau|Herrn?) \p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex GermanFormal();

    [GeneratedRegex(@"(?<![\p{L}])(?:je|jij|jou|jouw|jullie)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DutchInformal();

    [GeneratedRegex(@"(?<![\p{L}'])(?:u|uw|uwe|geachte)(?![\p{L}'-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DutchFormal();

    [GeneratedRegex(@"(?<![\p{L}])(?:tú|te|ti|contigo|tus|vosotros|vosotras|os)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpanishInformal();

    [GeneratedRegex(@"(?<![\p{L}])(?:usted|ud|estimad[oa]s?)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpanishFormal();

    [GeneratedRegex(@"(?<![\p{L}])(?:tu|te|toi|ton|ta|tes)(?![\p{L}'’])|(?<![\p{L}])t['’](?=\p{L})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FrenchInformal();

    [GeneratedRegex(@"(?<![\p{L}])(?:vous|votre|vos)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FrenchFormal();

    [GeneratedRegex(@"(?<![\p{L}])(?:tu|ti|tuo|tua|tuoi|tue)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ItalianInformal();

    [GeneratedRegex(@"(?<=[\p{Ll},;:] +)(?:Lei|Le|La|Suo|Sua|Suoi|Sue)(?![\p{L}])|(?<=\p{Ll})(?:Le|La)(?![\p{L}])|(?<![\p{L}])(?:Gentile|Egregi[oa])(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex ItalianFormal();
}
