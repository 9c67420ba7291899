using System.Text.Json.Nodes;

namespace Copilot.Tests.ModelFeatures;

public sealed record SseEvent(string Name, JsonNode Data);

public static class Sse
{
    /// <summary>Reads a whole text/event-stream body into its events, in order.</summary>
    public static async Task<List<SseEvent>> ReadAllAsync(HttpResponseMessage response)
    {
        var events = new List<SseEvent>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? name = null;
        var data = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null)
                {
                    events.Add(new SseEvent(name, JsonNode.Parse(data.ToString())!));
                }
                name = null;
                data.Clear();
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line["data: ".Length..]);
            }
        }
        return events;
    }
}
