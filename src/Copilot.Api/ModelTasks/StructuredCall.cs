using System.Text.Json;

namespace Copilot.Api.ModelTasks;

/// <summary>
/// Answers that must be JSON matching the prompt's schema, parsed strictly. One that does not fit is
/// unusable (<see cref="ModelTaskRunner"/> makes it an invalid response, like a garbled stream), so
/// callers fall back the same way.
/// </summary>
public static class StructuredCall
{
    /// <summary>A task's parse step for a JSON object answer.</summary>
    public static Func<ModelAnswer, T?> Json<T>(Func<JsonElement, ModelPrompt, T?> parse) where T : class => answer =>
    {
        using var document = JsonDocument.Parse(answer.Text);
        return document.RootElement.ValueKind == JsonValueKind.Object ? parse(document.RootElement, answer.Prompt) : null;
    };

    public static string RequiredString(JsonElement e, string name) =>
        e.GetProperty(name) is { ValueKind: JsonValueKind.String } p && p.GetString() is { Length: > 0 } s
            ? s.Trim()
            : throw new FormatException($"{name} must be a non-empty string.");

    public static double Confidence(JsonElement e) =>
        e.GetProperty("confidence") is { ValueKind: JsonValueKind.Number } p && p.GetDouble() is var c && c is >= 0 and <= 1
            ? c
            : throw new FormatException("confidence must be a number between 0 and 1.");
}
