using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.Tenants;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Knowledge;

/// <summary>
/// The embedding service reads what a sync wrote at once, not at its next half-minute tick: here the host's clock stands
/// still, so the tick never comes and only the sync can have started the pass.
/// </summary>
public sealed class EmbeddingAfterSyncTests
{
    [Fact]
    public async Task ASyncThatWritesPassagesGetsThemEmbeddedWithoutWaitingForTheNextTick()
    {
        var time = FakeClock.AtNow();
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        await using var host = await CopilotTestHost.StartAsync(zendesk, configure: b => b.WithClock(time));
        var tenant = host.Services.GetRequiredService<TenantRegistry>().Find(CopilotTestHost.TenantId)!;
        var vectors = host.Services.GetRequiredService<PassageVectors>();

        using (var sync = await host.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true")))
        {
            sync.EnsureSuccessStatusCode();
        }
        // A guard against waiting forever on a busy machine, not a measure: the half-minute tick never comes here.
        var giveUp = System.Diagnostics.Stopwatch.StartNew();
        var progress = await vectors.ProgressAsync(tenant, CancellationToken.None);
        while ((progress.Embedded < progress.Passages || progress.Passages == 0) && giveUp.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(100);
            progress = await vectors.ProgressAsync(tenant, CancellationToken.None);
        }

        Assert.Equal(progress.Passages, progress.Embedded);
        Assert.True(progress.Passages > 100, $"{progress.Passages} passages");
    }
}
