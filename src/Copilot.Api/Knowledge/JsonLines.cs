using System.Text.Json;

namespace Copilot.Api.Knowledge;

/// <summary>JSON Lines as admins upload them (an import, a knowledge check): one JSON object per line, blank lines skipped.</summary>
public static class JsonLines
{
    /// <summary>Whether a request's content type names JSON Lines, under any of the names in use.</summary>
    public static bool IsMediaType(string? contentType) =>
        (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant()
            is "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/json-lines" or "application/jsonlines";

    /// <summary>
    /// Each non-blank line with its number (from 1): its object, or null with the problem added to <c>Problems</c>
    /// (not JSON, or JSON that is not an object).
    /// </summary>
    public static IEnumerable<(int Number, JsonElement? Object, List<string> Problems)> Read(string content)
    {
        var lines = content.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }
            var problems = new List<string>();
            yield return (i + 1, Parse(lines[i], problems), problems);
        }
    }

    private static JsonElement? Parse(string line, List<string> problems)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                return json.RootElement.Clone();
            }
            problems.Add("Each line must be a JSON object.");
        }
        catch (JsonException e)
        {
            problems.Add($"Not valid JSON: {e.Message}");
        }
        return null;
    }
}
