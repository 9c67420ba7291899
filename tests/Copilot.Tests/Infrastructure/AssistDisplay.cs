using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Copilot.Tests.Infrastructure;

/// <summary>What the sidebar does after showing an assist: reports the items it displayed, and gets their suggestion ids.</summary>
public static class AssistDisplay
{
    public static readonly string[] AllKinds = ["summary", "articles", "macros", "similar-tickets"];

    public static async Task<(HttpStatusCode Status, JsonElement Body)> ReportAsync(
        HttpClient client, long ticketId, string assistId, IEnumerable<string> kinds, string? agent = "2001", string? token = null)
    {
        using var request = CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/tickets/{ticketId}/assist/{assistId}/shown",
            JsonContent.Create(new { kinds }), agent, token);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>Reports every item of <paramref name="assist"/> (an assist answer) as displayed; the suggestion id per kind.</summary>
    public static async Task<JsonElement> ShowAsync(HttpClient client, JsonElement assist, string? agent = "2001", string? token = null)
    {
        var (status, body) = await ReportAsync(client, assist.GetProperty("ticketId").GetInt64(), assist.GetProperty("assistId").GetString()!, AllKinds, agent, token);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The display report answered {(int)status}: {body}");
        }
        return body;
    }

    /// <summary>The summary's suggestion id, once <paramref name="assist"/> has been displayed.</summary>
    public static async Task<string> SummaryIdAsync(HttpClient client, JsonElement assist, string? agent = "2001", string? token = null) =>
        (await ShowAsync(client, assist, agent, token)).GetProperty("summary").GetString()!;
}
