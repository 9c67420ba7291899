using System.Text.Json;

namespace Copilot.Connectors.Helpdesk;

/// <summary>
/// A helpdesk's own error text from its error body: the vendor says which fields hold it; this reads the JSON,
/// drops repeats and blanks, joins the parts and keeps the message short. Anything that is not a JSON object gives null.
/// </summary>
internal static class ErrorText
{
    private const int MaxLength = 300;

    public static string? Read(string? body, Action<JsonElement, List<string>> collect)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var parts = new List<string>();
            collect(doc.RootElement, parts);
            if (parts.Count == 0)
            {
                return null;
            }
            var message = string.Join(" – ", parts);
            return message.Length > MaxLength ? message[..MaxLength] : message;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string property of an object; null otherwise.</summary>
    public static string? Field(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? Value(value) : null;

    public static string? Value(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString() : null;

    /// <summary>Adds a part unless it is blank or already said.</summary>
    public static void Add(List<string> parts, string? part)
    {
        if (!string.IsNullOrWhiteSpace(part) && !parts.Contains(part.Trim()))
        {
            parts.Add(part.Trim());
        }
    }
}
