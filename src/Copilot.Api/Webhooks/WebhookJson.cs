using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Copilot.Api.Webhooks;

/// <summary>
/// The strict reading every webhook body shares: UTF-8, one JSON object, ticket ids and timestamps in the forms the
/// helpdesks write them. Problems go into a field → message map for a validation problem; nothing throws.
/// </summary>
public static partial class WebhookJson
{
    /// <returns>The body as a JSON object (the caller disposes it), or null with the problem in <paramref name="errors"/>.</returns>
    public static JsonDocument? ReadObject(ReadOnlySpan<byte> body, Dictionary<string, string[]> errors)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            errors["body"] = ["The body is not valid UTF-8 text."];
            return null;
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException e)
        {
            errors["body"] = [$"The body is not JSON: {e.Message}"];
            return null;
        }
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            doc.Dispose();
            errors["body"] = ["The body must be a JSON object."];
            return null;
        }
        return doc;
    }

    /// <summary>A string or number field as text; null when it is missing or of another kind.</summary>
    public static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    /// <summary>A positive whole number, written as a JSON number or as digits in a string (as a placeholder fills it).</summary>
    public static long? PositiveId(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n > 0)
        {
            return n;
        }
        return value.ValueKind == JsonValueKind.String && PositiveId(value.GetString()) is { } s ? s : null;
    }

    public static long? PositiveId(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    /// <summary>
    /// A timestamp: ISO-8601, or a date and time followed by <c>UTC</c> or a <c>±hhmm</c> offset (how Ruby prints a
    /// time, which Freshdesk's placeholders do); without an offset, UTC. Null for empty text; an error otherwise.
    /// </summary>
    public static DateTimeOffset? Timestamp(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = value.Trim();
        text = UtcSuffix().Replace(text, "Z");
        text = CompactOffset().Replace(text, " $1$2:$3");
        if (text.Length <= 64 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
        {
            return t;
        }
        errors[field] = [$"'{field}' must be a timestamp such as 2026-11-10T12:00:00Z, not '{Shorten(value)}'."];
        return null;
    }

    /// <summary>Outside text quoted back in an error, cut short.</summary>
    public static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [GeneratedRegex(@"(?<=\d)\s*(?:UTC|GMT)$", RegexOptions.CultureInvariant)]
    private static partial Regex UtcSuffix();

    [GeneratedRegex(@"\s([+-])(\d{2})(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactOffset();
}
