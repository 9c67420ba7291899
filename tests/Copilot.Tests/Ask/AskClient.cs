using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Tests.Infrastructure;
using Copilot.Tests.ModelFeatures;

namespace Copilot.Tests.Ask;

/// <summary>What the sidebar sends to ask, and reads back: the JSON answer, or the stream's events.</summary>
internal static class AskClient
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> AskAsync(
        HttpClient client, long ticket, string question, string? conversationId = null, string? token = null, string? agent = "2001")
    {
        using var request = Request(ticket, new { question, conversationId }, token, agent);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<(HttpResponseMessage Response, List<SseEvent> Events)> StreamAsync(HttpClient client, long ticket, string question, string? token = null)
    {
        using var request = Request(ticket, new { question }, token, "2001");
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return (response, await Sse.ReadAllAsync(response));
    }

    public static HttpRequestMessage Request(long ticket, object body, string? token = null, string? agent = "2001") =>
        CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/tickets/{ticket}/ask", JsonContent.Create(body), agent, token);

    public static IReadOnlyList<string> CitedIds(JsonElement answer) =>
        answer.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("sourceId").GetString()!).ToList();
}
