using System.Diagnostics;
using System.Text.Json;
using Copilot.Connectors.Models;
using Microsoft.Extensions.AI;

namespace Copilot.Api.Models;

/// <summary>
/// A call whose answer must be JSON matching the prompt's schema. The answer is parsed strictly by
/// <c>parse</c>; one that does not fit is an <see cref="ModelFailure.InvalidResponse"/>, like a
/// garbled stream, so callers fall back the same way.
/// </summary>
public static class StructuredCall
{
    public static async Task<(T Value, ModelAudit Audit)> RunAsync<T>(
        IChatClient chat, ModelPrompt prompt, ModelOptions options, string provider, Func<JsonElement, T?> parse, CancellationToken cancellationToken)
        where T : class
    {
        var started = Stopwatch.GetTimestamp();
        var response = await chat.GetResponseAsync(prompt.Messages, prompt.Options, cancellationToken);
        var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        T? value;
        try
        {
            using var document = JsonDocument.Parse(response.Text);
            value = document.RootElement.ValueKind == JsonValueKind.Object ? parse(document.RootElement) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            value = null;
        }
        if (value is null)
        {
            throw new ModelException(provider, null, "The model's answer did not match the output schema.", failure: ModelFailure.InvalidResponse);
        }
        // Not streamed: the first token arrives with the last.
        return (value, ModelAudit.From(options, response.Usage, total, total, []));
    }

    public static string RequiredString(JsonElement e, string name) =>
        e.GetProperty(name) is { ValueKind: JsonValueKind.String } p && p.GetString() is { Length: > 0 } s
            ? s.Trim()
            : throw new FormatException($"{name} must be a non-empty string.");

    public static double Confidence(JsonElement e) =>
        e.GetProperty("confidence") is { ValueKind: JsonValueKind.Number } p && p.GetDouble() is var c && c is >= 0 and <= 1
            ? c
            : throw new FormatException("confidence must be a number between 0 and 1.");
}
