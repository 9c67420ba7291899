using Copilot.Api.Replays.Report;

namespace Copilot.Api.Replays;

/// <summary>A run as the API lists it: where it is, how fast it goes, and where its reports are.</summary>
public sealed record ReplayRunDto(
    string Id, string Tenant, string? Label, string Source, string Status, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt,
    int Done, int? Planned, double? Share, double RatePerMinute, double? SecondsLeft, string? Error, ReplayRequest Request);

/// <summary>Reads runs with their progress, and builds their reports.</summary>
public sealed class ReplayReports(ReplayStore store)
{
    public async Task<ReplayRunDto?> StatusAsync(string tenant, string id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } run && run.Tenant == tenant ? await DtoAsync(run, cancellationToken) : null;

    public async Task<List<ReplayRunDto>> ListAsync(string tenant, CancellationToken cancellationToken)
    {
        var list = new List<ReplayRunDto>();
        foreach (var run in await store.ListAsync(tenant, 100, cancellationToken))
        {
            list.Add(await DtoAsync(run, cancellationToken));
        }
        return list;
    }

    /// <returns>Null when the tenant has no such run.</returns>
    public async Task<ReplayReport?> ReportAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } run || run.Tenant != tenant)
        {
            return null;
        }
        var progress = await store.ProgressAsync(run, cancellationToken);
        return ReportBuilder.Build(run, progress, await store.ResultsAsync(id, cancellationToken));
    }

    public async Task<ComparisonReport?> CompareAsync(string tenant, string before, string after, CancellationToken cancellationToken) =>
        await ReportAsync(tenant, before, cancellationToken) is { } a && await ReportAsync(tenant, after, cancellationToken) is { } b
            ? ComparisonReport.Of(a, b)
            : null;

    private async Task<ReplayRunDto> DtoAsync(ReplayRun run, CancellationToken cancellationToken)
    {
        var p = await store.ProgressAsync(run, cancellationToken);
        return new ReplayRunDto(run.Id, run.Tenant, run.Request.Label, run.Source, run.Status, run.CreatedAt, run.FinishedAt,
            p.Done, p.Planned, p.Share, p.Rate, p.SecondsLeft, run.Error, run.Request);
    }
}
