using System.Text.RegularExpressions;

namespace Copilot.Api.Privacy;

/// <summary>
/// Postcodes that narrow an address to a street or a few houses: British ("LS6 2QT", "SW1A 1AA"),
/// Canadian ("K1A 0B1"), Dutch before a town ("1015 CJ Amsterdam") and US ZIP codes after a state
/// ("IL 62704", "CA 94105-1234", and typed in lower case, "austin tx 78701"). Each is read from its first
/// digit run, the letters before it included, and only with the letters each country allows, so product
/// codes ("MP3 2GB") and years ("2026 AB") stay. Postcodes are read in capitals only, and a lower-case state
/// only when it is not also a word of a language the product reads ("in 90210 ways", "de 10000 euros"). A German or French five-digit code before a town
/// names a district, not a house, and is left alone.
/// </summary>
internal static partial class PiiPostcodes
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private static readonly (int Letters, Func<Regex> Pattern)[] Lettered = [(2, British), (1, British), (1, Canadian)];

    /// <summary>A postcode whose first digit run starts at <paramref name="p"/>: its start and length, or default.</summary>
    /// <remarks>Every digit run of every text redacted comes here, so each pattern is tried only where its first characters stand.</remarks>
    public static (int Start, int Length) At(string text, int p)
    {
        // British and Canadian codes begin with one or two capitals right before the first digit.
        if (p >= 1 && char.IsAsciiLetterUpper(text[p - 1]))
        {
            foreach (var (letters, pattern) in Lettered)
            {
                if (p >= letters && PiiScanner.MatchAt(pattern(), text, p - letters) is > 0 and var length)
                {
                    return (p - letters, length);
                }
            }
            return default;
        }
        // A ZIP code after a state's two capitals and a space.
        if (p >= 3 && text[p - 1] == ' ' && char.IsAsciiLetter(text[p - 2]) && char.IsAsciiLetter(text[p - 3])
            && PiiScanner.MatchAt(char.IsAsciiLetterUpper(text[p - 3]) ? American() : AmericanLowerCase(), text, p - 3) is > 0 and var zip)
        {
            return (p - 3, zip);
        }
        // Four digits, then the two capitals.
        return p + 4 < text.Length && char.IsAsciiDigit(text[p + 3]) && !char.IsAsciiDigit(text[p + 4])
            && PiiScanner.MatchAt(Dutch(), text, p) is > 0 and var dutch ? (p, dutch) : default;
    }

    /// <summary>The postcode areas of the United Kingdom, then district, optional space, sector and unit.</summary>
    [GeneratedRegex(@"\G(?<![\p{L}\d])(?:AB|AL|BA|BB|BD|BH|BL|BN|BR|BS|BT|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT|DY|EC|EH|EN|EX|FK|FY|GL|GU|GY|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|LA|LD|LE|LL|LN|LS|LU|ME|MK|ML|NE|NG|NN|NP|NR|NW|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|YO|ZE|B|E|G|L|M|N|S|W)\d[A-Z\d]?[ ]?\d[ABD-HJLNP-UW-Z]{2}(?![\p{L}\d])", Options)]
    private static partial Regex British();

    [GeneratedRegex(@"\G(?<![\p{L}\d])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ ]?\d[ABCEGHJ-NPRSTV-Z]\d(?![\p{L}\d])", Options)]
    private static partial Regex Canadian();

    [GeneratedRegex(@"\G(?<![\p{L}\d])(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|P[AR]|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])[ ]\d{5}(?:-\d{4})?(?![\p{L}\d]|[.,]\d)", Options)]
    private static partial Regex American();

    /// <summary>
    /// The same in lower case, without the states whose codes are words (in, or, me, ok, hi, oh, id, pa; de, la, al,
    /// co, ma, mi, mo, ne, va, il in the other languages read).
    /// </summary>
    [GeneratedRegex(@"\G(?<![\p{L}\d])(?:a[krz]|c[at]|dc|fl|ga|ia|k[sy]|m[dnst]|n[cdhjmvy]|ri|s[cd]|t[nx]|ut|vt|w[aivy])[ ]\d{5}(?:-\d{4})?(?![\p{L}\d]|[.,]\d)", Options)]
    private static partial Regex AmericanLowerCase();

    /// <summary>Four digits and two letters (never SA, SD or SS), then the town.</summary>
    [GeneratedRegex(@"\G(?<![\p{L}\d.,\-])[1-9]\d{3}[ ]?(?!S[ADS])[A-Z]{2}(?![\p{L}\d])(?=,?[ \t]+\p{Lu}\p{Ll})", Options)]
    private static partial Regex Dutch();
}
