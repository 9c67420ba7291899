using Copilot.Api.Store;
using Dapper;

namespace Copilot.Api.Webhooks;

/// <summary>
/// Applies helpdesk events to <c>ticket_outcomes</c>, each event id once: the event id is
/// claimed and the outcome updated in one transaction, so a redelivery changes nothing.
/// </summary>
public sealed class TicketOutcomeStore(Db db, TimeProvider time)
{
    /// <returns>false when this event id was already applied.</returns>
    public async Task<bool> ApplyAsync(string tenant, string eventId, TicketEvent e, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO webhook_events (tenant, event_id, type, ticket_id, received_at) VALUES (@tenant, @eventId, @type, @ticket, @now)
            ON CONFLICT DO NOTHING
            """, new { tenant, eventId, type = e.Type, ticket = e.TicketId, now = TicketEvent.Iso(time.GetUtcNow()) }, tx, cancellationToken: cancellationToken));
        if (claimed == 0)
        {
            return false;
        }
        var update = e.Kind switch
        {
            // A later solve moves solved_at; an earlier one arriving late does not.
            TicketEventKind.Solved => "solved_at = CASE WHEN o.solved_at IS NULL OR excluded.updated_at > o.solved_at THEN excluded.updated_at ELSE o.solved_at END",
            // Reopened: counted, and no longer solved until the next solve.
            TicketEventKind.Reopened => "reopened = o.reopened + 1, solved_at = CASE WHEN o.solved_at IS NOT NULL AND o.solved_at <= excluded.updated_at THEN NULL ELSE o.solved_at END",
            TicketEventKind.SatisfactionRated => "satisfaction = @satisfaction",
            TicketEventKind.CommentAdded => "last_comment_at = CASE WHEN o.last_comment_at IS NULL OR excluded.updated_at > o.last_comment_at THEN excluded.updated_at ELSE o.last_comment_at END",
            _ => null,
        };
        // A "ticket created" event without detail.created_at happened when the ticket was created.
        var createdAt = e.TicketCreatedAt ?? (e.Kind == TicketEventKind.Created ? e.Time : null);
        if (update is not null || createdAt is not null)
        {
            var insertSolved = e.Kind == TicketEventKind.Solved ? "@time" : "NULL";
            var insertReopened = e.Kind == TicketEventKind.Reopened ? 1 : 0;
            var insertSatisfaction = e.Kind == TicketEventKind.SatisfactionRated ? "@satisfaction" : "NULL";
            var insertComment = e.Kind == TicketEventKind.CommentAdded ? "@time" : "NULL";
            var set = string.Join(", ", new[] { "created_at = coalesce(o.created_at, excluded.created_at)", "updated_at = CASE WHEN excluded.updated_at > o.updated_at THEN excluded.updated_at ELSE o.updated_at END", update }.Where(s => s is not null));
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                INSERT INTO ticket_outcomes AS o (tenant, ticket_id, created_at, solved_at, reopened, satisfaction, last_comment_at, updated_at)
                VALUES (@tenant, @ticket, @createdAt, {insertSolved}, {insertReopened}, {insertSatisfaction}, {insertComment}, @time)
                ON CONFLICT (tenant, ticket_id) DO UPDATE SET {set}
                """,
                new { tenant, ticket = e.TicketId, createdAt, time = e.Time, satisfaction = e.Satisfaction },
                tx, cancellationToken: cancellationToken));
        }
        await tx.CommitAsync(cancellationToken);
        return true;
    }
}
