using Copilot.Api.Store;
using Copilot.Api.Telemetry;
using Dapper;

namespace Copilot.Api.Feedback;

public sealed record FeedbackEvent(
    string Tenant, string EventId, string SuggestionId, string? AgentId, string Outcome, string? FinalText,
    int? EditDistance, double? EditRatio, string? Reason, string? Comment, DateTimeOffset CreatedAt);

public sealed class FeedbackStore(Db db)
{
    /// <summary>
    /// Stores the event unless its id was seen before for this tenant.
    /// </summary>
    /// <returns>The stored event, and whether it was already there.</returns>
    public async Task<(FeedbackEvent Stored, bool Duplicate)> AddAsync(FeedbackEvent e, CancellationToken cancellationToken)
    {
        var inserted = await db.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO feedback (tenant, event_id, suggestion_id, agent_id, outcome, final_text, edit_distance, edit_ratio, reason, comment, created_at)
            VALUES (@Tenant, @EventId, @SuggestionId, @AgentId, @Outcome, @FinalText, @EditDistance, @EditRatio, @Reason, @Comment, @CreatedAt)
            ON CONFLICT (tenant, event_id) DO NOTHING
            """,
            new
            {
                e.Tenant, e.EventId, e.SuggestionId, e.AgentId, e.Outcome, e.FinalText, e.EditDistance, e.EditRatio, e.Reason, e.Comment,
                CreatedAt = e.CreatedAt.UtcDateTime.ToString("O"),
            },
            cancellationToken: cancellationToken)), cancellationToken);
        if (inserted == 1)
        {
            CopilotTelemetry.FeedbackRecorded(e.Tenant, e.Outcome);
            return (e, false);
        }
        await using var connection = await db.OpenAsync(cancellationToken);
        var existing = await connection.QuerySingleAsync<FeedbackRow>(new CommandDefinition(
            """
            SELECT tenant, event_id AS EventId, suggestion_id AS SuggestionId, agent_id AS AgentId, outcome, final_text AS FinalText,
                   edit_distance AS EditDistance, edit_ratio AS EditRatio, reason, comment, created_at AS CreatedAt
            FROM feedback WHERE tenant = @Tenant AND event_id = @EventId
            """,
            new { e.Tenant, e.EventId }, cancellationToken: cancellationToken));
        return (existing.ToEvent(), true);
    }

    private sealed class FeedbackRow
    {
        public string Tenant { get; set; } = "";
        public string EventId { get; set; } = "";
        public string SuggestionId { get; set; } = "";
        public string? AgentId { get; set; }
        public string Outcome { get; set; } = "";
        public string? FinalText { get; set; }
        public int? EditDistance { get; set; }
        public double? EditRatio { get; set; }
        public string? Reason { get; set; }
        public string? Comment { get; set; }
        public string CreatedAt { get; set; } = "";

        public FeedbackEvent ToEvent() => new(Tenant, EventId, SuggestionId, AgentId, Outcome, FinalText, EditDistance, EditRatio, Reason, Comment,
            DateTimeOffset.Parse(CreatedAt, System.Globalization.CultureInfo.InvariantCulture));
    }
}
