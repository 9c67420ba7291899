using Copilot.Api.Analytics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Copilot.Api.Procedures;

/// <summary>Per-procedure figures over an analytics period (days <c>[from, to)</c>), as the dashboard shows them.</summary>
public sealed record ProcedureFiguresResponse(string From, string To, IReadOnlyList<ProcedureFigures> Rows);

/// <summary>
/// <c>GET /api/analytics/procedures</c>: the same figures as the admin route (<see cref="ProcedureAnalytics"/>), for the
/// period and tenant every analytics route reads, so team leads see them on the dashboard beside the other tables.
/// </summary>
public static class ProcedureAnalyticsApi
{
    /// <param name="analytics"><c>/api/analytics</c> (<see cref="Routes.RouteGroups.Analytics"/>).</param>
    public static RouteGroupBuilder MapProcedureAnalyticsApi(this RouteGroupBuilder analytics)
    {
        analytics.MapGet("/procedures", Get)
            .WithName("GetProcedureFigures")
            .WithSummary("Per procedure in the period: shown, drafts under it and their outcomes, actions approved and declined.");
        return analytics;
    }

    private static async Task<Results<Ok<ProcedureFiguresResponse>, Results<ValidationProblem, ProblemHttpResult>>> Get(
        HttpContext http, ProcedureAnalytics figures, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? tenant,
        CancellationToken cancellationToken)
    {
        var (request, problem) = AnalyticsRequest.Read(http, tenant, from, to);
        if (request is null)
        {
            return problem!;
        }
        var period = request.Period;
        var rows = await figures.RunAsync(request.Tenant, Midnight(period.From), Midnight(period.To), cancellationToken);
        return TypedResults.Ok(new ProcedureFiguresResponse(period.FromText, period.ToText, rows));
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
