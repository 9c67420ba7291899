using System.Data.Common;
using Copilot.Api.Store;

namespace Copilot.Api.Feedback;

/// <summary>
/// PostgreSQL writes a batch of feedback events with one statement: the events travel as arrays and come back as the
/// ones inserted, so a batch costs one round trip to the server instead of one per event (a writer that waits for
/// each event's answer in turn spends its time waiting, not writing). The rows are inserted in the batch's order, so
/// the rollup triggers see them in that order, as they do on SQLite.
/// </summary>
internal static class PostgresFeedbackBatch
{
    internal const string Insert = """
        INSERT INTO feedback (tenant, event_id, suggestion_id, agent_id, outcome, final_text, edit_distance, edit_ratio, reason, comment, created_at)
        SELECT b.tenant, b.event_id, s.id, b.agent_id, b.outcome, b.final_text, b.edit_distance, b.edit_ratio, b.reason, b.comment, b.created_at
        FROM unnest(@tenant::text[], @event_id::text[], @suggestion_id::text[], @agent_id::text[], @outcome::text[], @final_text::text[],
                    @edit_distance::integer[], @edit_ratio::double precision[], @reason::text[], @comment::text[], @created_at::text[])
             WITH ORDINALITY AS b(tenant, event_id, suggestion_id, agent_id, outcome, final_text, edit_distance, edit_ratio, reason, comment, created_at, n)
        JOIN suggestions AS s ON s.id = b.suggestion_id AND s.tenant = b.tenant
        ORDER BY b.n
        ON CONFLICT (tenant, event_id) DO NOTHING
        RETURNING tenant, event_id, suggestion_id
        """;

    /// <summary>Inserts the batch; returns, per event, whether it is the row inserted (the first of the batch with its key and suggestion).</summary>
    public static async Task<bool[]> InsertAsync(DbCommand insert, IReadOnlyList<FeedbackEvent> batch, CancellationToken cancellationToken)
    {
        insert.Set("@tenant", batch.Select(e => e.Tenant).ToArray());
        insert.Set("@event_id", batch.Select(e => e.EventId).ToArray());
        insert.Set("@suggestion_id", batch.Select(e => e.SuggestionId).ToArray());
        insert.Set("@agent_id", batch.Select(e => e.AgentId).ToArray());
        insert.Set("@outcome", batch.Select(e => e.Outcome).ToArray());
        insert.Set("@final_text", batch.Select(e => e.FinalText).ToArray());
        insert.Set("@edit_distance", batch.Select(e => e.EditDistance).ToArray());
        insert.Set("@edit_ratio", batch.Select(e => e.EditRatio).ToArray());
        insert.Set("@reason", batch.Select(e => e.Reason).ToArray());
        insert.Set("@comment", batch.Select(e => e.Comment).ToArray());
        insert.Set("@created_at", batch.Select(e => e.CreatedAt.UtcDateTime.ToString("O")).ToArray());
        var inserted = new HashSet<(string Tenant, string EventId, string SuggestionId)>();
        await using (var rows = await insert.ExecuteReaderAsync(cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken))
            {
                inserted.Add((rows.GetString(0), rows.GetString(1), rows.GetString(2)));
            }
        }
        // A key sent twice in one batch is inserted once: the first event with it is the one stored.
        return batch.Select(e => inserted.Remove((e.Tenant, e.EventId, e.SuggestionId))).ToArray();
    }
}
