using System.Text.Json;

namespace Copilot.Connectors.Freshdesk;

/// <summary>
/// Reads Freshdesk's own error text: <c>{"code": "...", "message": "..."}</c>, or
/// <c>{"description": "Validation failed", "errors": [{"field", "message", "code"}]}</c>.
/// </summary>
internal static class FreshdeskErrors
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
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var parts = new List<string>();
            Add(parts, Text(root, "description"));
            Add(parts, Text(root, "message"));
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
                {
                    var field = Text(error, "field");
                    Add(parts, field is null ? Text(error, "message") : $"{field}: {Text(error, "message") ?? Text(error, "code")}");
                }
            }
            if (parts.Count == 0)
            {
                Add(parts, Text(root, "code"));
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
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Add(List<string> parts, string? part)
    {
        if (!string.IsNullOrWhiteSpace(part) && !parts.Contains(part.Trim()))
        {
            parts.Add(part.Trim());
        }
    }
}
