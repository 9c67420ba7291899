using System.Net;
using System.Net.Http.Json;
using Copilot.Api.Replays;
using Copilot.Api.Replays.Sources;
using Copilot.Api.Tenants;
using Copilot.Tests.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Replays;

/// <summary>The dashboard lists the tenant's replays with their progress and hands out their reports, to team leads only.</summary>
public sealed class ReplayDashboardTests
{
    [Fact]
    public async Task ATeamLeadSeesTheRunsWithTheirProgressAndDownloadsTheReportsAndAComparison()
    {
        await using var host = await DashboardTestHost.StartAsync();
        var tenant = host.Services.GetRequiredService<TenantRegistry>().Find("acme")!;
        var runner = host.Services.GetRequiredService<ReplayRunner>();
        using var file = new StringReader(ReplayData.Jsonl());
        var (lines, errors) = await JsonlTickets.ReadAsync(file, CancellationToken.None);
        Assert.Empty(errors);
        var before = await runner.CreateAsync(tenant, new ReplayRequest { Source = ReplaySources.Jsonl, Label = "before" }, lines, CancellationToken.None);
        Assert.Equal(ReplayStatus.Done, await runner.RunAsync(before, null, CancellationToken.None));
        var after = await runner.CreateAsync(tenant, new ReplayRequest { Source = ReplaySources.Jsonl, Label = "after", Intent = "setup" }, lines, CancellationToken.None);

        var lead = DashboardTestHost.SessionOf(await (await host.LoadDashboardAsync(DashboardTestHost.Lead)).Content.ReadAsStringAsync());
        using var list = await host.GetAsAsync("/api/dashboard/replays", lead);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var runs = await list.Content.ReadFromJsonAsync<List<ReplayRunDto>>(ReplayRun.Json);
        // Newest first: the second run has chosen its two setup tickets (1002, 1004) and not started; the first is done.
        Assert.Equal([("after", ReplayStatus.Running, 0, 2), ("before", ReplayStatus.Done, 4, 4)],
            runs!.Select(r => (r.Label!, r.Status, r.Done, r.Planned ?? -1)));

        using var html = await host.GetAsAsync($"/api/dashboard/replays/{before}/report.html", lead);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("attachment", html.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("Go-live per intent", await html.Content.ReadAsStringAsync());
        using var compare = await host.GetAsAsync($"/api/dashboard/replays/compare.html?before={before}&after={after}", lead);
        Assert.Equal(HttpStatusCode.OK, compare.StatusCode);
        Assert.Contains("Replays compared", await compare.Content.ReadAsStringAsync());
        using var missing = await host.GetAsAsync("/api/dashboard/replays/rp_nothing/report", lead);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var agent = await host.SidebarSessionAsync(DashboardTestHost.Agent);
        using var refused = await host.GetAsAsync("/api/dashboard/replays", agent);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
