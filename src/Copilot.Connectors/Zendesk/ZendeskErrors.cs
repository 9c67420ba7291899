using System.Text.Json;

namespace Copilot.Connectors.Zendesk;

/// <summary>Reads Zendesk's own error text: <c>{"error": "...", "description": "...", "details": {...}}</c>, or <c>{"error": {"title", "message"}}</c>.</summary>
internal static class ZendeskErrors
{
    private const int MaxLength = 300;

    public static string? Parse(string? body)
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
            var root = doc.RootElement;
            if (root.TryGetProperty("error", out var error))
            {
                Add(parts, error.ValueKind == JsonValueKind.Object ? Text(error, "title") : Text(error));
                if (error.ValueKind == JsonValueKind.Object)
                {
                    Add(parts, Text(error, "message"));
                }
            }
            Add(parts, Text(root, "description"));
            if (root.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in details.EnumerateObject())
                {
                    var first = field.Value.ValueKind == JsonValueKind.Array && field.Value.GetArrayLength() > 0 ? field.Value[0] : field.Value;
                    Add(parts, $"{field.Name}: {(first.ValueKind == JsonValueKind.Object ? Text(first, "description") : Text(first))}");
                }
            }
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

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? Text(value) : null;

    private static string? Text(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString() : null;

    private static void Add(List<string> parts, string? part)
    {
        if (!string.IsNullOrWhiteSpace(part) && !parts.Contains(part))
        {
            parts.Add(part.Trim());
        }
    }
}
