using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Analytics;

/// <summary>The tenant and period every analytics route starts from, or the problem that stops it.</summary>
internal sealed record AnalyticsRequest(string Tenant, AnalyticsPeriod Period)
{
    public static (AnalyticsRequest? Request, Results<ValidationProblem, ProblemHttpResult>? Problem) Read(
        HttpContext http, string? tenant, string? from, string? to, Dictionary<string, string[]>? moreErrors = null)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<AnalyticsOptions>>().CurrentValue;
        var today = DateOnly.FromDateTime(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var (resolved, status, error) = AnalyticsTenant.Resolve(http, tenant);
        if (resolved is null)
        {
            return (null, status == StatusCodes.Status400BadRequest
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tenant"] = [error!] }, title: "No tenant named")
                : TypedResults.Problem(statusCode: status, title: status == StatusCodes.Status403Forbidden ? "Not your tenant" : "Unknown tenant", detail: error));
        }
        var errors = moreErrors ?? new Dictionary<string, string[]>();
        var period = AnalyticsPeriod.Parse(from, to, options.MaxPeriodDays, today, errors);
        if (period is null || errors.Count > 0)
        {
            return (null, TypedResults.ValidationProblem(errors, title: "Invalid analytics query",
                detail: "Periods are ISO dates; 'from' is included, 'to' is excluded."));
        }
        return (new AnalyticsRequest(resolved.Id, period), null);
    }

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Invalid analytics query");
}
