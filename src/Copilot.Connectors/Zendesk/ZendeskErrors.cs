using System.Text.Json;
using static Copilot.Connectors.Helpdesk.ErrorText;

namespace Copilot.Connectors.Zendesk;

/// <summary>
/// Reads Zendesk's own error text: <c>{"error": "...", "description": "...", "details": {...}}</c>, <c>{"error": {"title", "message"}}</c>,
/// or the <c>Errors</c> schema of its OpenAPI description, <c>{"errors": [{"code", "title", "detail"}]}</c> (an invalid <c>page[after]</c>).
/// </summary>
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
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var each in errors.EnumerateArray())
            {
                Add(parts, Field(each, "code"));
                Add(parts, Field(each, "title"));
                Add(parts, Field(each, "detail"));
            }
        }
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
