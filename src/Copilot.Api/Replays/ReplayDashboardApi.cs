using Copilot.Api.Auth;
using Copilot.Api.Replays.Report;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Copilot.Api.Replays;

/// <summary>
/// The dashboard's view of replays, for team leads' sessions (<c>/api/dashboard/replays</c>): the tenant's runs with their
/// progress, each run's report as JSON or as an HTML file to download, and two runs compared. Runs are started and
/// stopped with the admin API or the command line; the dashboard only reads.
/// </summary>
public static class ReplayDashboardApi
{
    /// <param name="dashboard"><c>/api/dashboard</c> for team leads (<see cref="Routes.RouteGroups.Dashboard"/>).</param>
    public static RouteGroupBuilder MapReplaysReadApi(this RouteGroupBuilder dashboard)
    {
        dashboard.MapGet("/replays", ListAsync).WithName("ListDashboardReplays").WithSummary("The tenant's replay runs, newest first, with their progress.");
        dashboard.MapGet("/replays/compare.html", CompareHtmlAsync).WithName("CompareDashboardReplaysHtml").Produces(StatusCodes.Status200OK, contentType: "text/html");
        dashboard.MapGet("/replays/{id}", StatusAsync).WithName("GetDashboardReplay");
        dashboard.MapGet("/replays/{id}/report", ReportAsync).WithName("GetDashboardReplayReport");
        dashboard.MapGet("/replays/{id}/report.html", ReportHtmlAsync).WithName("GetDashboardReplayReportHtml").Produces(StatusCodes.Status200OK, contentType: "text/html");
        return dashboard;
    }

    private static async Task<Ok<List<ReplayRunDto>>> ListAsync(HttpContext http, ReplayReports reports, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reports.ListAsync(http.GetTenant().Id, cancellationToken));

    private static async Task<Results<Ok<ReplayRunDto>, ProblemHttpResult>> StatusAsync(string id, HttpContext http, ReplayReports reports, CancellationToken cancellationToken) =>
        await reports.StatusAsync(http.GetTenant().Id, id, cancellationToken) is { } run ? TypedResults.Ok(run) : ReplayApi.NotFound(id);

    private static async Task<Results<Ok<ReplayReport>, ProblemHttpResult>> ReportAsync(string id, HttpContext http, ReplayReports reports, CancellationToken cancellationToken) =>
        await reports.ReportAsync(http.GetTenant().Id, id, cancellationToken) is { } report ? TypedResults.Ok(report) : ReplayApi.NotFound(id);

    private static Task<Results<ContentHttpResult, ProblemHttpResult>> ReportHtmlAsync(string id, HttpContext http, ReplayReports reports, CancellationToken cancellationToken) =>
        ReplayApi.ReportHtmlAsync(http.GetTenant().Id, id, http, reports, cancellationToken);

    private static Task<Results<ContentHttpResult, ProblemHttpResult>> CompareHtmlAsync(
        string? before, string? after, HttpContext http, ReplayReports reports, CancellationToken cancellationToken) =>
        ReplayApi.CompareHtmlAsync(http.GetTenant().Id, before, after, http, reports, cancellationToken);
}
