using System.Text;
using Copilot.Api.Admin;
using Copilot.Api.Hosting;
using Copilot.Api.Replays.Report;
using Copilot.Api.Replays.Sources;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Replays;

/// <summary>
/// Admin routes of replays, under <c>/api/admin/tenants/{tenant}/replays</c>: start a run over the helpdesk's solved
/// tickets (JSON) or a JSON Lines file, follow it, cancel and resume it, download its report, compare two runs.
/// </summary>
public static class ReplayApi
{
    /// <param name="group"><c>/api/admin/tenants/{tenant}</c> (<see cref="Routes.RouteGroups.AdminTenant"/>).</param>
    public static RouteGroupBuilder MapReplaysApi(this RouteGroupBuilder group)
    {
        group.MapPost("/replays", StartAsync).WithName("StartReplay")
            .WithSummary("Starts a replay of the helpdesk's solved tickets (source 'helpdesk'): computed only, nothing recorded, nothing written to the helpdesk.");
        group.MapPost("/replays/jsonl", StartJsonlAsync).WithName("StartReplayFromJsonl").DescribesBody(
            "Solved tickets, one JSON object a line (docs/replay.md); the filter in the query.", OpenApiBodies.Text("The tickets"), "application/x-ndjson")
            .WithSummary("Starts a replay of the solved tickets in a JSON Lines file.");
        group.MapGet("/replays", ListAsync).WithName("ListReplays");
        group.MapGet("/replays/compare", CompareAsync).WithName("CompareReplays");
        group.MapGet("/replays/compare.html", CompareHtmlAsync).WithName("CompareReplaysHtml").Produces(StatusCodes.Status200OK, contentType: "text/html");
        group.MapGet("/replays/{id}", StatusAsync).WithName("GetReplay");
        group.MapPost("/replays/{id}/cancel", CancelAsync).WithName("CancelReplay");
        group.MapPost("/replays/{id}/resume", ResumeAsync).WithName("ResumeReplay");
        group.MapGet("/replays/{id}/report", ReportAsync).WithName("GetReplayReport");
        group.MapGet("/replays/{id}/report.html", ReportHtmlAsync).WithName("GetReplayReportHtml").Produces(StatusCodes.Status200OK, contentType: "text/html");
        return group;
    }

    internal static async Task<Results<Accepted<ReplayRunDto>, ValidationProblem, ProblemHttpResult>> StartAsync(
        string tenant, ReplayRequest? request, TenantRegistry tenants, ReplayRunner runner, ReplayWorker worker, ReplayReports reports,
        IOptions<ReplayOptions> options, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is not { } t)
        {
            return AdminApi.UnknownTenant(tenant);
        }
        request ??= new ReplayRequest();
        var errors = request.Validate(options.Value);
        if (request.Source == ReplaySources.Jsonl)
        {
            errors["source"] = ["A JSON Lines file is sent to /replays/jsonl."];
        }
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        var id = await runner.CreateAsync(t, request, null, cancellationToken);
        worker.Start(id);
        return await AcceptedAsync(t.Id, id, reports, cancellationToken);
    }

    internal static async Task<Results<Accepted<ReplayRunDto>, ValidationProblem, ProblemHttpResult>> StartJsonlAsync(
        string tenant, DateTimeOffset? from, DateTimeOffset? to, string? intent, string? group, int? count, bool? sample, int? seed, string? label,
        HttpContext http, TenantRegistry tenants, ReplayRunner runner, ReplayWorker worker, ReplayReports reports, IOptions<ReplayOptions> options,
        CancellationToken cancellationToken)
    {
        if (tenants.Find(tenant) is not { } t)
        {
            return AdminApi.UnknownTenant(tenant);
        }
        var request = new ReplayRequest { Source = ReplaySources.Jsonl, From = from, To = to, Intent = intent, Group = group, Count = count, Sample = sample ?? false, Seed = seed, Label = label };
        var errors = request.Validate(options.Value);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxUploadMegabytes * 1024L * 1024;
        }
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var (lines, problems) = await JsonlTickets.ReadAsync(reader, cancellationToken);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [.. problems] },
                title: "The file has tickets that do not read; nothing was started", detail: "Fix the lines named and send the whole file again.");
        }
        var id = await runner.CreateAsync(t, request, lines, cancellationToken);
        worker.Start(id);
        return await AcceptedAsync(t.Id, id, reports, cancellationToken);
    }

    internal static async Task<Results<Ok<List<ReplayRunDto>>, ProblemHttpResult>> ListAsync(
        string tenant, TenantRegistry tenants, ReplayReports reports, CancellationToken cancellationToken) =>
        tenants.Find(tenant) is { } t ? TypedResults.Ok(await reports.ListAsync(t.Id, cancellationToken)) : AdminApi.UnknownTenant(tenant);

    internal static async Task<Results<Ok<ReplayRunDto>, ProblemHttpResult>> StatusAsync(
        string tenant, string id, ReplayReports reports, CancellationToken cancellationToken) =>
        await reports.StatusAsync(tenant, id, cancellationToken) is { } run ? TypedResults.Ok(run) : NotFound(id);

    internal static async Task<Results<Accepted<ReplayRunDto>, ProblemHttpResult>> CancelAsync(
        string tenant, string id, ReplayStore store, ReplayWorker worker, ReplayReports reports, CancellationToken cancellationToken)
    {
        if (await reports.StatusAsync(tenant, id, cancellationToken) is not { } run)
        {
            return NotFound(id);
        }
        if (!await store.RequestCancelAsync(id, cancellationToken))
        {
            return Conflict($"Run {id} is {run.Status}: only a run that is planning or running can be cancelled.");
        }
        worker.Cancel(id);
        return await AcceptedAsync(tenant, id, reports, cancellationToken);
    }

    internal static async Task<Results<Accepted<ReplayRunDto>, ProblemHttpResult>> ResumeAsync(
        string tenant, string id, ReplayStore store, ReplayWorker worker, ReplayReports reports, IOptions<ReplayOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } run || run.Tenant != tenant)
        {
            return NotFound(id);
        }
        if (run.Status is ReplayStatus.Done)
        {
            return Conflict($"Run {id} is done: every ticket has its result.");
        }
        if (run.Status is ReplayStatus.Running or ReplayStatus.Planning && run.HeartbeatAt > time.GetUtcNow().AddSeconds(-options.Value.LeaseSeconds))
        {
            return Conflict($"Run {id} is being worked on; cancel it first, or wait {options.Value.LeaseSeconds} s after the process running it stopped.");
        }
        worker.Start(id);
        return await AcceptedAsync(tenant, id, reports, cancellationToken);
    }

    internal static async Task<Results<Ok<ReplayReport>, ProblemHttpResult>> ReportAsync(
        string tenant, string id, ReplayReports reports, CancellationToken cancellationToken) =>
        await reports.ReportAsync(tenant, id, cancellationToken) is { } report ? TypedResults.Ok(report) : NotFound(id);

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReportHtmlAsync(
        string tenant, string id, HttpContext http, ReplayReports reports, CancellationToken cancellationToken) =>
        await reports.ReportAsync(tenant, id, cancellationToken) is { } report ? Html(http, $"replay-{id}.html", ReplayHtml.Render(report)) : NotFound(id);

    internal static async Task<Results<Ok<ComparisonReport>, ProblemHttpResult>> CompareAsync(
        string tenant, string? before, string? after, ReplayReports reports, CancellationToken cancellationToken) =>
        await reports.CompareAsync(tenant, before ?? "", after ?? "", cancellationToken) is { } c ? TypedResults.Ok(c) : NotCompared(before, after);

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> CompareHtmlAsync(
        string tenant, string? before, string? after, HttpContext http, ReplayReports reports, CancellationToken cancellationToken) =>
        await reports.CompareAsync(tenant, before ?? "", after ?? "", cancellationToken) is { } c
            ? Html(http, $"replay-{before}-vs-{after}.html", ComparisonHtml.Render(c))
            : NotCompared(before, after);

    /// <summary>A page the browser saves as a file (<paramref name="name"/>), not one it shows in place.</summary>
    public static ContentHttpResult Html(HttpContext http, string name, string html)
    {
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<Accepted<ReplayRunDto>> AcceptedAsync(string tenant, string id, ReplayReports reports, CancellationToken cancellationToken) =>
        TypedResults.Accepted($"/api/admin/tenants/{tenant}/replays/{id}", await reports.StatusAsync(tenant, id, cancellationToken));

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The replay request is not valid", detail: "Nothing was started.");

    public static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Replay not found", detail: $"The tenant has no replay run '{id}'.");

    private static ProblemHttpResult NotCompared(string? before, string? after) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Replays not found",
            detail: $"Give two of the tenant's runs as ?before=…&after= (asked: '{before}', '{after}').");

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The replay cannot do that now", detail: detail);
}
