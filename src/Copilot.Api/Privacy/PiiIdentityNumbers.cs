using System.Text.RegularExpressions;

namespace Copilot.Api.Privacy;

/// <summary>
/// National identity numbers in the forms people write them: a US social security number in three groups
/// ("123-45-6789", "123 45 6789", never one of the numbers the SSA does not issue) and a UK National Insurance
/// number ("QQ 12 34 56 C", "AB123456D", with the prefix letters HMRC allows). Nine bare digits are left to the
/// other kinds: without its dashes a social security number cannot be told from an order number.
/// </summary>
internal static partial class PiiIdentityNumbers
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>A national identity number whose first digit run starts at <paramref name="p"/>: its start and length, or default.</summary>
    public static (int Start, int Length) At(string text, int p)
    {
        // National Insurance: two capitals right before the digits, or before a space and the digits.
        var letters = p >= 2 && char.IsAsciiLetterUpper(text[p - 1]) ? p - 2
            : p >= 3 && text[p - 1] == ' ' && char.IsAsciiLetterUpper(text[p - 2]) ? p - 3
            : -1;
        if (letters >= 0 && PiiScanner.MatchAt(NationalInsurance(), text, letters) is > 0 and var ni)
        {
            return (letters, ni);
        }
        return p + 3 < text.Length && text[p + 3] is '-' or ' ' && PiiScanner.MatchAt(SocialSecurity(), text, p) is > 0 and var ssn
            ? (p, ssn) : default;
    }

    /// <summary>Area (not 000, 666 or 9xx), group (not 00) and serial (not 0000), the same separator between them.</summary>
    [GeneratedRegex(@"\G(?<![\w\-.+/])(?!000|666|9)\d{3}(?<sep>[\- ])(?!00)\d{2}\k<sep>(?!0000)\d{4}(?![\w\-]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex SocialSecurity();

    /// <summary>Prefix (neither letter D, F, I, Q, U or V, the second not O, and not BG, GB, KN, NK, NT, TN or ZZ), six digits, suffix A–D.</summary>
    [GeneratedRegex(@"\G(?<![\p{L}\d])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D](?![\p{L}\d])", Options)]
    private static partial Regex NationalInsurance();
}
