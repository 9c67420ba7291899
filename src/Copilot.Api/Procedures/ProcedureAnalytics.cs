using System.Globalization;
using Copilot.Api.Store;
using Dapper;

namespace Copilot.Api.Procedures;

/// <summary>
/// One procedure's figures over a period: how often it was shown to an agent (recorded once per display, by the route that
/// showed it), the drafts written under it and what agents did with them (the latest outcome of each), and the actions
/// proposed from its steps that agents approved or declined (<c>actions</c>, by the day of the decision).
/// </summary>
public sealed record ProcedureFigures(
    string Id, string? Title, long Shown, long Drafts, long DraftsAccepted, long DraftsEdited, long DraftsRejected, long ActionsApproved, long ActionsDeclined);

/// <summary>Per-procedure analytics, one SQL text for both stores.</summary>
public sealed class ProcedureAnalytics(Db db, ProcedureStore procedures)
{
    public async Task<IReadOnlyList<ProcedureFigures>> RunAsync(string tenant, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var args = new { tenant, from = Text(from), to = Text(to) };
        IReadOnlyList<SuggestionRow> suggestions;
        IReadOnlyList<ActionRow> actions;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            suggestions = (await connection.QueryAsync<SuggestionRow>(new CommandDefinition(
                """
                SELECT s.procedure_id AS Id,
                       sum(CASE WHEN s.kind = 'procedure' THEN 1 ELSE 0 END) AS Shown,
                       sum(CASE WHEN s.kind = 'draft' THEN 1 ELSE 0 END) AS Drafts,
                       sum(CASE WHEN s.kind = 'draft' AND l.accepted = 1 THEN 1 ELSE 0 END) AS DraftsAccepted,
                       sum(CASE WHEN s.kind = 'draft' AND l.edited = 1 THEN 1 ELSE 0 END) AS DraftsEdited,
                       sum(CASE WHEN s.kind = 'draft' AND l.rejected = 1 THEN 1 ELSE 0 END) AS DraftsRejected
                FROM suggestions AS s LEFT JOIN analytics_latest AS l ON l.suggestion_id = s.id
                WHERE s.tenant = @tenant AND s.procedure_id IS NOT NULL AND s.created_at >= @from AND s.created_at < @to
                GROUP BY s.procedure_id
                """, args, cancellationToken: cancellationToken))).ToList();
            actions = (await connection.QueryAsync<ActionRow>(new CommandDefinition(
                """
                SELECT procedure_id AS Id,
                       sum(CASE WHEN state = 'approved' THEN 1 ELSE 0 END) AS Approved,
                       sum(CASE WHEN state = 'declined' THEN 1 ELSE 0 END) AS Declined
                FROM actions
                WHERE tenant = @tenant AND procedure_id IS NOT NULL AND state IN ('approved', 'declined') AND decided_at >= @from AND decided_at < @to
                GROUP BY procedure_id
                """, args, cancellationToken: cancellationToken))).ToList();
        }
        var titles = (await procedures.CurrentAsync(tenant, cancellationToken)).ToDictionary(p => p.Id, p => p.Title, StringComparer.Ordinal);
        return titles.Keys.Concat(suggestions.Select(s => s.Id)).Concat(actions.Select(a => a.Id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id =>
            {
                var s = suggestions.FirstOrDefault(r => r.Id == id) ?? new SuggestionRow { Id = id };
                var a = actions.FirstOrDefault(r => r.Id == id) ?? new ActionRow { Id = id };
                return new ProcedureFigures(id, titles.GetValueOrDefault(id), s.Shown, s.Drafts, s.DraftsAccepted, s.DraftsEdited, s.DraftsRejected, a.Approved, a.Declined);
            })
            .ToList();
    }

    private static string Text(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private sealed class SuggestionRow
    {
        public string Id { get; set; } = "";
        public long Shown { get; set; }
        public long Drafts { get; set; }
        public long DraftsAccepted { get; set; }
        public long DraftsEdited { get; set; }
        public long DraftsRejected { get; set; }
    }

    private sealed class ActionRow
    {
        public string Id { get; set; } = "";
        public long Approved { get; set; }
        public long Declined { get; set; }
    }
}
