using Copilot.Api.Tenants;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Knowledge;

/// <summary>
/// Runs each tenant's incremental sync every <see cref="TenantOptions.SyncIntervalMinutes"/>
/// (0 = never). Whether a tenant is due, and which instance syncs it, is decided in the store,
/// so several instances behind a load balancer sync each tenant once. A tenant whose index is
/// empty, or that has no full sync on record (<see cref="KnowledgeSync.RunAsync"/>), gets a full sync first. Failures are recorded and logged; they never stop the host.
/// </summary>
public sealed class KnowledgeSyncService(
    IServiceProvider services,
    TenantRegistry tenants,
    SyncStateStore state,
    KnowledgeIndex index,
    TimeProvider time,
    IOptions<KnowledgeOptions> options,
    ILogger<KnowledgeSyncService> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SchedulerTickSeconds), time);
        do
        {
            foreach (var tenant in tenants.All.Where(t => t.Options.SyncIntervalMinutes > 0))
            {
                await SyncIfDueAsync(tenant, stoppingToken);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task SyncIfDueAsync(Tenant tenant, CancellationToken stoppingToken)
    {
        try
        {
            if (!await state.TryLeaseIfDueAsync(tenant.Id, TimeSpan.FromMinutes(tenant.Options.SyncIntervalMinutes), Lease, stoppingToken))
            {
                return;
            }
            try
            {
                var (sources, _) = await index.CountAsync(tenant.Id, stoppingToken);
                var empty = sources.Values.Sum() == 0;
                // Resolved per run: the helpdesk client factory comes from the connector, registered elsewhere.
                await services.GetRequiredService<KnowledgeSync>().RunAsync(tenant, full: empty, stoppingToken);
            }
            finally
            {
                await state.ReleaseAsync(tenant.Id, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Copilot.Connectors.Helpdesk.HelpdeskException)
        {
            // Recorded in the sync state and logged by KnowledgeSync; retried when the tenant is next due.
        }
        catch (Exception e)
        {
            KnowledgeLog.SchedulerFailed(logger, e, tenant.Id);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
