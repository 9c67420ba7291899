using System.Net;
using System.Text.Json;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Functional;

public class AssistApiTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> AssistAsync(string query)
    {
        using var response = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, query));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body);
    }

    [Fact]
    public async Task AssistSummarizesTheThreadAndFindsTheMatchingArticle()
    {
        var (status, body) = await AssistAsync("/api/tickets/127/assist");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(127, body.GetProperty("ticketId").GetInt64());
        var summary = body.GetProperty("summary");
        Assert.StartsWith("as_", body.GetProperty("assistId").GetString());
        Assert.Contains("bulb", summary.GetProperty("customerWants").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrWhiteSpace(summary.GetProperty("nextStep").GetString()));
        var titles = body.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
        // A dead bulb the app shows as unreachable: the articles written for exactly that.
        Assert.Contains(titles, t => t is "Bulb or strip won't turn on" or "Lights show \"Unreachable\" in the app");
        Assert.DoesNotContain(titles, t => t!.Contains("Lumora Plus", StringComparison.Ordinal));
        Assert.All(body.GetProperty("articles").EnumerateArray(), a => Assert.StartsWith("https://", a.GetProperty("url").GetString()));
        Assert.Equal("en", body.GetProperty("language").GetProperty("code").GetString());
        Assert.True(body.GetProperty("provider").GetProperty("offline").GetBoolean());
        Assert.False(body.GetProperty("cached").GetBoolean());
    }

    [Fact]
    public async Task ColdAssistCostsTwoHelpdeskCalls()
    {
        fixture.Zendesk.ClearRequests();
        var (status, _) = await AssistAsync("/api/tickets/126/assist");

        Assert.Equal(HttpStatusCode.OK, status);
        var calls = fixture.Zendesk.Requests.Where(r => r.Path.Contains("/tickets/126", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, calls.Count);
    }

    [Fact]
    public async Task AssistServedFromCacheMakesNoHelpdeskCall()
    {
        var (_, first) = await AssistAsync("/api/tickets/118/assist");
        fixture.Zendesk.ClearRequests();

        var latest = first.GetProperty("latestCommentId").GetInt64();
        var (status, second) = await AssistAsync($"/api/tickets/118/assist?latestCommentId={latest}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(second.GetProperty("cached").GetBoolean());
        Assert.Equal(first.GetProperty("assistId").GetString(), second.GetProperty("assistId").GetString());
        Assert.DoesNotContain(fixture.Zendesk.Requests, r => r.Path.Contains("/tickets/118", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANewCommentMakesTheAssistFresh()
    {
        var (_, first) = await AssistAsync("/api/tickets/153/assist");
        var comment = fixture.Zendesk.Data.AddComment(153, 1050, "<p>Update: I also reset the Bridge and now I cannot see any lights at all. Please advise.</p>");

        var (status, second) = await AssistAsync($"/api/tickets/153/assist?latestCommentId={comment.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(second.GetProperty("cached").GetBoolean());
        Assert.Equal(comment.Id, second.GetProperty("latestCommentId").GetInt64());
        Assert.NotEqual(first.GetProperty("assistId").GetString(), second.GetProperty("assistId").GetString());
    }

    [Fact]
    public async Task BillingDisputeIsFlaggedForAHuman()
    {
        var (_, body) = await AssistAsync("/api/tickets/130/assist");

        Assert.True(body.GetProperty("handoff").GetBoolean());
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("ruleId").GetString() == "billing-dispute");
        Assert.Equal("handoff", warning.GetProperty("action").GetString());
        Assert.Contains("chargeback", warning.GetProperty("evidence").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TextWrittenForAnAiIsFlaggedAndLeftOutOfTheSummary()
    {
        var (_, body) = await AssistAsync("/api/tickets/114/assist");

        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("ruleId").GetString() == "instructions-to-ai");
        Assert.Equal("caution", warning.GetProperty("action").GetString());
        Assert.Contains("previous instructions", warning.GetProperty("evidence").GetString(), StringComparison.OrdinalIgnoreCase);
        var summary = body.GetProperty("summary").GetRawText();
        Assert.DoesNotContain("SYSTEM NOTE", summary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("policy or time limits", summary, StringComparison.Ordinal);
        Assert.Contains("money back for everything", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GermanTicketIsDetectedAsGerman()
    {
        var (_, body) = await AssistAsync("/api/tickets/103/assist");
        Assert.Equal("de", body.GetProperty("language").GetProperty("code").GetString());
    }

    [Fact]
    public async Task UnknownTicketIsNotFoundAsProblemDetails()
    {
        using var response = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/999999/assist"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheRoutes()
    {
        var json = await fixture.Client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/tickets/{id}/assist", json);
        Assert.Contains("/api/suggestions/{id}/feedback", json);
    }

    [Fact]
    public async Task ADisplayedAssistRecordsWhatRetrievalFoundForKnowledgeGaps()
    {
        var (body, terms, topSourceId) = await ShowAndReadRetrievalAsync(121);

        Assert.Contains(terms, t => t.StartsWith("hotel", StringComparison.Ordinal));
        // Key terms only: never the customer's sentences.
        Assert.DoesNotContain("the", terms);
        var best = body.GetProperty("articles").EnumerateArray().Concat(body.GetProperty("macros").EnumerateArray())
            .MaxBy(h => h.GetProperty("score").GetDouble());
        Assert.Equal(best.GetProperty("sourceId").GetString(), topSourceId);
    }

    [Fact]
    public async Task TheKnowledgeGapRecordKeepsTheTopicNotTheCustomersNameAddressOrPhone()
    {
        // "My order LUM-2026-48213 … Can you deliver to my new address instead please: Grace Okafor Flat 3, 27 Marlowe Road
        // Leeds LS6 2QT My mobile is 07700 900461 … Thanks Grace" (the requester is Grace Okafor).
        var (_, terms, _) = await ShowAndReadRetrievalAsync(115);

        Assert.Contains("tracking", terms);
        Assert.Contains("transit", terms);
        foreach (var personal in new[] { "grace", "okafor", "marlowe", "07700", "900461", "lum", "48213" })
        {
            Assert.False(terms.Contains(personal), $"\"{personal}\" is among the recorded terms: {string.Join(' ', terms)}");
        }
    }

    /// <summary>
    /// Opens the ticket's assist afresh, reports it displayed, and reads the knowledge-gap record that made: its key terms
    /// (words only, never the customer's sentences) and the best match's source.
    /// </summary>
    private async Task<(JsonElement Body, string[] Terms, string? TopSourceId)> ShowAndReadRetrievalAsync(long ticketId)
    {
        var (status, body) = await AssistAsync($"/api/tickets/{ticketId}/assist?refresh=true");
        Assert.Equal(HttpStatusCode.OK, status);
        await AssistDisplay.ShowAsync(fixture.Client, body);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={fixture.Host.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT query_terms, top_source_id FROM retrieval_events WHERE tenant = 'acme' AND ticket_id = $ticket ORDER BY rowid DESC LIMIT 1";
        command.Parameters.AddWithValue("$ticket", ticketId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (body, reader.GetString(0).Split(' '), reader.IsDBNull(1) ? null : reader.GetString(1));
    }
}
