using Copilot.Api.Store;
using Dapper;

namespace Copilot.Tests.Analytics;

/// <summary>Writes suggestions and feedback the way the sidebar features do: plain INSERTs, triggers do the rest.</summary>
public sealed class Seed(Db db)
{
    public async Task SuggestionAsync(string id, long ticket, string kind, string? agent, string? intent, string createdAt,
        double? cost = null, string tenant = "acme", string sources = "[]", string text = "suggested text")
    {
        await using var c = await db.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync(
            """
            INSERT INTO suggestions (id, tenant, ticket_id, kind, agent_id, intent, text, sources, provider, model, prompt_version, latency_ms, created_at, cost_usd)
            VALUES (@id, @tenant, @ticket, @kind, @agent, @intent, @text, @sources, 'offline', NULL, 'v1', 12.5, @createdAt, @cost)
            """, new { id, tenant, ticket, kind, agent, intent, text, sources, createdAt, cost });
    }

    public async Task FeedbackAsync(string eventId, string suggestionId, string outcome, string createdAt,
        double? editRatio = null, string? reason = null, string? finalText = null, string? comment = null, string tenant = "acme", string? agent = "agent-1")
    {
        await using var c = await db.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync(
            """
            INSERT INTO feedback (tenant, event_id, suggestion_id, agent_id, outcome, final_text, edit_distance, edit_ratio, reason, comment, created_at)
            VALUES (@tenant, @eventId, @suggestionId, @agent, @outcome, @finalText, @distance, @editRatio, @reason, @comment, @createdAt)
            """, new { tenant, eventId, suggestionId, agent, outcome, finalText, distance = editRatio is { } r ? (int?)(r * 100) : null, editRatio, reason, comment, createdAt });
    }

    public async Task RetrievalAsync(long ticket, string terms, double? score, string? sourceId, string? title, string createdAt, string tenant = "acme")
    {
        await using var c = await db.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync(
            """
            INSERT INTO retrieval_events (tenant, ticket_id, query_terms, top_score, top_source_id, top_title, created_at)
            VALUES (@tenant, @ticket, @terms, @score, @sourceId, @title, @createdAt)
            """, new { tenant, ticket, terms, score, sourceId, title, createdAt });
    }
}
