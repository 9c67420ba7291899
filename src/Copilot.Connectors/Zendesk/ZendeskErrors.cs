using System.Text.Json;
using static Copilot.Connectors.Helpdesk.ErrorText;

namespace Copilot.Connectors.Zendesk;

/// <summary>Reads Zendesk's own error text: <c>{"error": "...", "description": "...", "details": {...}}</c>, or <c>{"error": {"title", "message"}}</c>.</summary>
internal static class ZendeskErrors
{
    public static string? Parse(string? body) => Read(body, (root, parts) =>
    {
        if (root.TryGetProperty("error", out var error))
        {
            Add(parts, error.ValueKind == JsonValueKind.Object ? Field(error, "title") : Value(error));
            Add(parts, Field(error, "message"));
        }
        Add(parts, Field(root, "description"));
        if (root.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in details.EnumerateObject())
            {
                var first = field.Value.ValueKind == JsonValueKind.Array && field.Value.GetArrayLength() > 0 ? field.Value[0] : field.Value;
                Add(parts, $"{field.Name}: {(first.ValueKind == JsonValueKind.Object ? Field(first, "description") : Value(first))}");
            }
        }
    });
}
