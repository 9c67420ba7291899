using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Copilot.Api.Analytics;

/// <summary>Team-lead analytics: <c>/api/analytics/...</c>, for team leads and admins only.</summary>
public static class AnalyticsApi
{
    /// <param name="group"><c>/api/analytics</c> (<see cref="Routes.RouteGroups.Analytics"/>).</param>
    public static RouteGroupBuilder MapAnalyticsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/summary", Summary);
        group.MapGet("/weekly", Weekly).WithSummary("Every ISO week of the period at once, cut to the period (partial weeks marked), with rows per kind.");
        group.MapGet("/knowledge-gaps", KnowledgeGaps);
        group.MapGet("/outcomes", Outcomes);
        group.MapGet("/export.csv", Export).Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return group;
    }

    private static async Task<Results<Ok<SummaryResponse>, Results<ValidationProblem, ProblemHttpResult>>> Summary(
        HttpContext http, SummaryQuery query, TimeSavedStore timeSaved, Tenants.TenantRegistry tenants, [FromQuery] string? from, [FromQuery] string? to,
        [FromQuery] string? groupBy, [FromQuery] string? tenant, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var by = SummaryGroupBy.Kind;
        if (!string.IsNullOrEmpty(groupBy) && !(Enum.TryParse(groupBy, ignoreCase: true, out by) && Enum.IsDefined(by) && !groupBy.Any(char.IsDigit)))
        {
            errors["groupBy"] = [$"'groupBy' must be kind, agent, intent or week, not '{groupBy}'."];
        }
        var (request, problem) = AnalyticsRequest.Read(http, tenant, from, to, errors);
        if (request is null)
        {
            return problem!;
        }
        var assumptions = await timeSaved.GetAsync(request.Tenant, cancellationToken);
        var summary = await query.RunAsync(request.Tenant, request.Period, by, assumptions, cancellationToken);
        return TypedResults.Ok(summary with { Currency = tenants.Find(request.Tenant)?.Options.Model.Prices.Currency ?? summary.Currency });
    }

    private static async Task<Results<Ok<WeeklyResponse>, Results<ValidationProblem, ProblemHttpResult>>> Weekly(
        HttpContext http, SummaryQuery query, TimeSavedStore timeSaved, [FromQuery] string? from, [FromQuery] string? to,
        [FromQuery] string? tenant, CancellationToken cancellationToken)
    {
        var (request, problem) = AnalyticsRequest.Read(http, tenant, from, to);
        if (request is null)
        {
            return problem!;
        }
        var assumptions = await timeSaved.GetAsync(request.Tenant, cancellationToken);
        return TypedResults.Ok(await query.WeeklyAsync(request.Tenant, request.Period, assumptions, cancellationToken));
    }

    private static async Task<Results<Ok<KnowledgeGapsResponse>, Results<ValidationProblem, ProblemHttpResult>>> KnowledgeGaps(
        HttpContext http, KnowledgeGapsQuery query, [FromQuery] string? from, [FromQuery] string? to,
        [FromQuery] string? threshold, [FromQuery] string? tenant, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        double? limit = null;
        if (!string.IsNullOrEmpty(threshold))
        {
            if (double.TryParse(threshold, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var t) && t >= 0 && double.IsFinite(t))
            {
                limit = t;
            }
            else
            {
                errors["threshold"] = [$"'threshold' must be a non-negative number, not '{threshold}'."];
            }
        }
        var (request, problem) = AnalyticsRequest.Read(http, tenant, from, to, errors);
        if (request is null)
        {
            return problem!;
        }
        return TypedResults.Ok(await query.RunAsync(request.Tenant, request.Period, limit, cancellationToken));
    }

    private static async Task<Results<Ok<OutcomesResponse>, Results<ValidationProblem, ProblemHttpResult>>> Outcomes(
        HttpContext http, OutcomesQuery query, [FromQuery] string? from, [FromQuery] string? to,
        [FromQuery] string? tenant, CancellationToken cancellationToken)
    {
        var (request, problem) = AnalyticsRequest.Read(http, tenant, from, to);
        if (request is null)
        {
            return problem!;
        }
        return TypedResults.Ok(await query.RunAsync(request.Tenant, request.Period, cancellationToken));
    }

    private static Results<PushStreamHttpResult, Results<ValidationProblem, ProblemHttpResult>> Export(
        HttpContext http, CsvExport export, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? type,
        [FromQuery] string? includeText, [FromQuery] string? tenant)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = type?.ToLowerInvariant() switch
        {
            null or "" or "feedback" => ExportType.Feedback,
            "suggestions" => ExportType.Suggestions,
            _ => (ExportType?)null,
        };
        if (kind is null)
        {
            errors["type"] = [$"'type' must be feedback or suggestions, not '{type}'."];
        }
        var withText = false;
        if (!string.IsNullOrEmpty(includeText) && !bool.TryParse(includeText, out withText))
        {
            errors["includeText"] = [$"'includeText' must be true or false, not '{includeText}'."];
        }
        if (withText && kind == ExportType.Suggestions)
        {
            errors["includeText"] = ["Suggestion exports never include text; only feedback exports can (the agent's final text and comment)."];
        }
        var (request, problem) = AnalyticsRequest.Read(http, tenant, from, to, errors);
        if (request is null)
        {
            return problem!;
        }
        var name = $"copilot-{kind!.Value.ToString().ToLowerInvariant()}-{request.Tenant}-{request.Period.FromText}-to-{request.Period.ToText}.csv";
        return TypedResults.Stream(
            stream => export.WriteAsync(stream, request.Tenant, request.Period, kind.Value, withText, http.RequestAborted),
            "text/csv; charset=utf-8",
            name);
    }
}
