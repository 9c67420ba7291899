using System.Text;

namespace Copilot.Api.Privacy;

/// <summary>The redacted text and the map that restores it.</summary>
public sealed record RedactedText(string Text, RedactionMap Map);

/// <summary>
/// Replaces emails, phone numbers, card numbers (Luhn), IBANs (mod 97), street addresses and the customer names the map
/// knows (<see cref="RedactionMap.KnowNames"/>) with placeholders such as <c>[EMAIL_1]</c> before text reaches a model. Pure and allocation-light:
/// one scan (<see cref="PiiScanner"/>), then one rebuild of the string.
/// </summary>
public static class PiiRedactor
{
    /// <summary>Redacts one text with a fresh map.</summary>
    public static RedactedText Redact(string text)
    {
        var map = new RedactionMap();
        return new RedactedText(Redact(text, map), map);
    }

    /// <summary>Redacts <paramref name="text"/>, adding to <paramref name="map"/> so a whole thread shares placeholders.</summary>
    public static string Redact(string text, RedactionMap map)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(map);
        if (text.Length == 0)
        {
            return text;
        }
        var spans = PiiScanner.Scan(text, map.Names);
        if (spans.Count == 0)
        {
            return text;
        }
        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var span in spans)
        {
            result.Append(text, at, span.Start - at);
            var value = text.Substring(span.Start, span.Length);
            result.Append(span.Kind is { } kind ? map.PlaceholderFor(kind, Normalise(kind, value), value) : Defuse(value));
            at = span.Start + span.Length;
        }
        result.Append(text, at, text.Length - at);
        return result.ToString();
    }

    private static string Normalise(PiiKind kind, string value) => kind switch
    {
        PiiKind.Email => value.ToLowerInvariant(),
        PiiKind.Phone => PhoneKey(value),
        PiiKind.Card => new string([.. value.Where(char.IsAsciiDigit)]),
        PiiKind.Iban => value.Replace(" ", "", StringComparison.Ordinal),
        _ => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant(),
    };

    private static string PhoneKey(string value)
    {
        var digits = new string([.. value.Replace("(0)", "", StringComparison.Ordinal).Where(char.IsAsciiDigit)]);
        return value.StartsWith('+') ? "+" + digits : value.StartsWith("00", StringComparison.Ordinal) ? "+" + digits[2..] : digits;
    }

    private static string Defuse(string placeholder) => "(" + placeholder[1..^1] + ")";

}
