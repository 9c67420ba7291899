using System.Text.RegularExpressions;

namespace Copilot.Api.Privacy;

/// <summary>
/// Patterns for personal data, each anchored with <c>\G</c>: <see cref="PiiScanner"/> picks the few
/// positions worth trying (an '@', the start of a digit run) instead of letting every pattern walk
/// every character. Lookbehinds still see the text before the position. They over-match on purpose;
/// <see cref="PiiChecks"/> decides. Repetition is bounded with mandatory separators between groups,
/// so a long digit run cannot make the engine backtrack exponentially.
/// </summary>
internal static partial class PiiPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"\G(?<![A-Za-z0-9])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}\.)+[A-Za-z]{2,24}(?![\w\-])", Options)]
    public static partial Regex Email();

    /// <summary>Country code, check digits, then 11–30 characters, in groups of four or not at all.</summary>
    [GeneratedRegex(@"\G(?<![\w\-])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![\w\-])", Options)]
    public static partial Regex Iban();

    /// <summary>13–19 digits, single spaces or dashes allowed between them; never right after '+' (a phone).</summary>
    [GeneratedRegex(@"\G(?<![\w+\-.,])\d(?:[ \-]?\d){12,18}(?![\w\-]|[.,]\d)", Options)]
    public static partial Regex Card();

    /// <summary>
    /// Optional +CC or 00CC prefix (with an optional "(0)"), an optional area code in parentheses,
    /// then digit groups split by single separators. Not inside words, order ids or decimals.
    /// </summary>
    [GeneratedRegex(@"\G(?<![\w+/.,:\-])(?:(?:\+|00)\d{1,3}[ .\-]?(?:\(0\)[ .\-]?)?)?(?:\(\d{1,5}\)[ .\-]?)?\d{1,15}(?:[ .\-/]\d{1,15}){0,6}(?![\w@]|[.,:/\-]\d)", Options)]
    public static partial Regex Phone();

    /// <summary>Dates and similar that a phone pattern would otherwise take: 2026-11-23, 23.11.2026, 11/23/26.</summary>
    [GeneratedRegex(@"^(?:\d{4}[./\-]\d{1,2}[./\-]\d{1,2}|\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4})$", Options)]
    public static partial Regex DateLike();

    /// <summary>Four octets of 0–255, not inside a longer dotted number.</summary>
    [GeneratedRegex(@"\G(?<![\p{L}\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\.?\d|[\p{L}])", Options)]
    public static partial Regex Ipv4();

    /// <summary>English: "12 Baker Street", "221B Baker St.", "5 Elm Grove Road", "2311 1st Ave".</summary>
    [GeneratedRegex(@"\G(?<![\p{L}\d])\d{1,5}[A-Za-z]?,?[ \t]+(?:(?:\p{Lu}[\p{L}'\-]*|\d{1,3}(?:st|nd|rd|th))[ \t]+){1,3}(?i:street|st\.|st|road|rd\.|rd|avenue|ave\.|ave|lane|ln\.|drive|dr\.|boulevard|blvd\.|blvd|way|court|ct\.|place|square|terrace|close|crescent|highway|parkway)(?!\p{L})", Options)]
    public static partial Regex EnglishAddress();

    /// <summary>
    /// English in lower case, as customers type it: "6496 lincoln ave", "27 marlowe road", "6821 1st ave", with the town, a
    /// US state and its ZIP code when they follow ("… ave jacksonville ny 17178"; a state's two letters alone are too often
    /// a word: "in", "or", "me"). Only the street words that are rarely anything else; <see cref="PiiAddresses.LowerCaseStreet"/>
    /// turns away common words before them.
    /// </summary>
    [GeneratedRegex(@"\G(?<![\p{L}\d])\d{1,5}[a-z]?,?[ \t]+(?<words>(?:(?:[a-z][a-z'\-]{1,24}|\d{1,3}(?:st|nd|rd|th))[ \t]+){1,2})(?<street>street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd|drive|dr|parkway|pkwy|highway|hwy)\.?(?!\p{L})(?:(?:,?[ \t]+[a-z]{2,20}){0,3},?[ \t]+(?:a[klrz]|c[aot]|d[ce]|fl|ga|hi|i[adln]|k[sy]|la|m[adeinost]|n[cdehjmvy]|o[hkr]|p[ar]|ri|s[cd]|t[nx]|ut|v[at]|w[aivy])[ \t]+\d{5}(?:-\d{4})?(?![\p{L}\d]))?", RegexOptions.CultureInvariant)]
    public static partial Regex LowerCaseAddress();

    /// <summary>German and Dutch house number after the street word: "5", "12a", "12 a".</summary>
    [GeneratedRegex(@"\G\d{1,4}(?:[ ]?[a-zA-Z](?![\p{L}\d]))?(?![\p{L}\d])", Options)]
    public static partial Regex HouseNumber();

    /// <summary>French: "12 rue de la Paix", "8 bis avenue Victor Hugo".</summary>
    [GeneratedRegex(@"\G(?<![\p{L}\d])\d{1,4}(?:[ ]?(?i:bis|ter))?,?[ \t]+(?i:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours)[ \t]+(?:(?i:de|du|des|la|le)[ \t]+|(?i:l'|d'))*\p{Lu}[\p{L}'\-]*(?:[ \t]\p{Lu}[\p{L}'\-]*){0,3}", Options)]
    public static partial Regex FrenchAddress();

    /// <summary>Spanish: "Calle Mayor 12", "Avenida de la Constitución, nº 45".</summary>
    [GeneratedRegex(@"\G(?<!\p{L})(?i:calle|c/|avenida|avda\.|paseo|plaza|camino|carrera|ronda|travesía)[ \t]*(?:(?i:de|del|la|las|los|el)[ \t]+)*\p{Lu}[\p{L}\-]*(?:[ \t]+\p{Lu}[\p{L}\-]*){0,3},?[ \t]+(?:(?i:n[º°o]\.?)[ \t]*)?\d{1,4}(?!\d)", Options)]
    public static partial Regex SpanishAddress();
}
