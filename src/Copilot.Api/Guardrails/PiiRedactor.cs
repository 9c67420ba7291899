using System.Text;
using System.Text.RegularExpressions;

namespace Copilot.Api.Guardrails;

/// <summary>The redacted text and the map that restores it.</summary>
public sealed record RedactedText(string Text, RedactionMap Map);

/// <summary>
/// Replaces emails, phone numbers, card numbers (Luhn), IBANs (mod 97) and street addresses with
/// placeholders such as <c>[EMAIL_1]</c> before text reaches a model. Pure and allocation-light:
/// one pass per pattern, then one rebuild of the string.
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
        var spans = new List<Span>();
        // Highest priority first: a later finding that overlaps an earlier one is dropped.
        Collect(spans, RedactionMap.Placeholder(), text, null, m => m.Length);
        Collect(spans, PiiPatterns.Email(), text, PiiKind.Email, m => m.Length);
        Collect(spans, PiiPatterns.Iban(), text, PiiKind.Iban, IbanLength);
        Collect(spans, PiiPatterns.Card(), text, PiiKind.Card, m => PiiChecks.IsCardNumber(m.ValueSpan) ? m.Length : 0);
        Collect(spans, PiiPatterns.EnglishAddress(), text, PiiKind.Address, m => m.Length);
        Collect(spans, PiiPatterns.GermanicAddress(), text, PiiKind.Address, m => m.Length);
        Collect(spans, PiiPatterns.FrenchAddress(), text, PiiKind.Address, m => m.Length);
        Collect(spans, PiiPatterns.SpanishAddress(), text, PiiKind.Address, m => m.Length);
        Collect(spans, PiiPatterns.Phone(), text, PiiKind.Phone, m => PiiChecks.IsPhone(m.Value) ? m.Length : 0);
        if (spans.Count == 0)
        {
            return text;
        }
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
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

    /// <summary><paramref name="accept"/> returns how much of the match is the finding (0: none).</summary>
    private static void Collect(List<Span> spans, Regex pattern, string text, PiiKind? kind, Func<Match, int> accept)
    {
        for (var m = pattern.Match(text); m.Success; m = m.NextMatch())
        {
            var length = accept(m);
            if (length > 0 && !Overlaps(spans, m.Index, length))
            {
                spans.Add(new Span(m.Index, length, kind));
            }
        }
    }

    /// <summary>Greedy groups can swallow a following uppercase word ("… 00 AB"); drop trailing groups until the checksum holds.</summary>
    private static int IbanLength(Match m)
    {
        var value = m.ValueSpan;
        for (var length = value.Length; length > 0; length = value[..length].LastIndexOf(' '))
        {
            if (PiiChecks.IsIban(value[..length]))
            {
                return length;
            }
        }
        return 0;
    }

    private static bool Overlaps(List<Span> spans, int start, int length)
    {
        foreach (var s in spans)
        {
            if (start < s.Start + s.Length && s.Start < start + length)
            {
                return true;
            }
        }
        return false;
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

    private readonly record struct Span(int Start, int Length, PiiKind? Kind);
}
