using System.Text.Json;
using static Copilot.Connectors.Helpdesk.ErrorText;

namespace Copilot.Connectors.Freshdesk;

/// <summary>
/// Reads Freshdesk's own error text: <c>{"code": "...", "message": "..."}</c>, or
/// <c>{"description": "Validation failed", "errors": [{"field", "message", "code"}]}</c>.
/// </summary>
internal static class FreshdeskErrors
{
    public static string? Parse(string? body) => Read(body, (root, parts) =>
    {
        Add(parts, Field(root, "description"));
        Add(parts, Field(root, "message"));
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                var field = Field(error, "field");
                Add(parts, field is null ? Field(error, "message") : $"{field}: {Field(error, "message") ?? Field(error, "code")}");
            }
        }
        if (parts.Count == 0)
        {
            Add(parts, Field(root, "code"));
        }
    });
}
