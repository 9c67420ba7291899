using Copilot.Api.Analytics;
using Copilot.Api.Store;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Copilot.Api.Actions;

/// <summary>Approved and declined actions of one source (and one procedure version, for a procedure's steps) and kind.</summary>
public sealed record ActionCountsRow(ActionSource Source, string? ProcedureId, int? ProcedureVersion, ActionKind Kind, int Approved, int Declined);

public sealed record ActionCountsResponse(string From, string To, IReadOnlyList<ActionCountsRow> Rows);

/// <summary>
/// <c>GET /api/analytics/actions</c>: the actions agents approved and declined in the period (by the day of the
/// decision), per source, procedure and kind. The same decisions are counted, as feedback on suggestions of kind
/// <c>action</c>, in the summary's per-kind rows (approved = accepted, declined = rejected).
/// </summary>
public static class ActionsAnalytics
{
    /// <param name="analytics"><c>/api/analytics</c> (<see cref="Routes.RouteGroups.Analytics"/>).</param>
    public static RouteGroupBuilder MapActionsAnalyticsApi(this RouteGroupBuilder analytics)
    {
        analytics.MapGet("/actions", GetCounts)
            .WithName("GetActionCounts")
            .WithSummary("Approved and declined actions per source (triage, procedure with its version, boundary, duplicate, ask) and kind.");
        return analytics;
    }

    private static async Task<Results<Ok<ActionCountsResponse>, Results<ValidationProblem, ProblemHttpResult>>> GetCounts(
        HttpContext http, Db db, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? tenant, CancellationToken cancellationToken)
    {
        var (request, problem) = AnalyticsRequest.Read(http, tenant, from, to);
        if (request is null)
        {
            return problem!;
        }
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT source AS Source, procedure_id AS ProcedureId, procedure_version AS ProcedureVersion, kind AS Kind,
                   SUM(CASE WHEN state = 'approved' THEN 1 ELSE 0 END) AS Approved, SUM(CASE WHEN state = 'declined' THEN 1 ELSE 0 END) AS Declined
            FROM actions
            WHERE tenant = @tenant AND state IN ('approved', 'declined') AND decided_at >= @from AND decided_at < @to
            GROUP BY source, procedure_id, procedure_version, kind
            ORDER BY source, procedure_id, procedure_version, kind
            """,
            new { tenant = request.Tenant, from = request.Period.FromText, to = request.Period.ToText }, cancellationToken: cancellationToken));
        return TypedResults.Ok(new ActionCountsResponse(request.Period.FromText, request.Period.ToText, rows.Select(r => new ActionCountsRow(
            Vocabulary.Wire.Parse<ActionSource>(r.Source), r.ProcedureId, r.ProcedureVersion is null ? null : (int)r.ProcedureVersion.Value,
            Vocabulary.Wire.Parse<ActionKind>(r.Kind), (int)r.Approved, (int)r.Declined)).ToList()));
    }

    private sealed class Row
    {
        public string Source { get; set; } = "";
        public string? ProcedureId { get; set; }
        public long? ProcedureVersion { get; set; }
        public string Kind { get; set; } = "";
        public long Approved { get; set; }
        public long Declined { get; set; }
    }
}
