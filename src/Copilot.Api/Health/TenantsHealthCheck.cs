using Copilot.Api.Knowledge;
using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.ModelTasks;
using Copilot.Api.Tenants;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Copilot.Api.Health;

/// <summary>
/// Each tenant's last helpdesk call and knowledge sync. A helpdesk that last failed, a failing sync or one
/// that stopped running make the instance Degraded, not Unhealthy: other tenants, and this tenant's cached
/// assists and offline features, are still served. Passages not yet embedded are reported (search is
/// keyword-only for them until the background pass reaches them) without changing the status; those counts come from
/// <see cref="EmbeddingProgress"/>, so a probe every second does not scan the passages every second.
/// </summary>
internal sealed class TenantsHealthCheck(TenantRegistry tenants, HelpdeskContacts contacts, SyncStateStore syncs, TenantModels models, EmbeddingProgress progress, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        int helpdeskFailing = 0, syncFailing = 0, embedding = 0, count = 0;
        foreach (var tenant in tenants.All)
        {
            count++;
            var contact = contacts.For(tenant);
            var sync = await syncs.GetAsync(tenant.Id, cancellationToken);
            var syncProblem = SyncProblem(tenant, sync);
            helpdeskFailing += contact is { Succeeded: false } ? 1 : 0;
            syncFailing += syncProblem is null ? 0 : 1;
            var (embedder, loading) = models.EmbedderIfLoaded(tenant);
            var (passages, embedded) = embedder is null ? (0L, 0L) : await progress.GetAsync(tenant, embedder.Model, sync?.LastSync, cancellationToken);
            embedding += loading || embedded < passages ? 1 : 0;
            data[tenant.Id] = new
            {
                helpdesk = contact is null
                    ? (object)new { lastResult = "no call yet" }
                    : new { lastCallAt = contact.At, lastResult = contact.Result, lastSuccessAt = contact.LastSuccessAt },
                sync = new
                {
                    intervalMinutes = tenant.Options.SyncIntervalMinutes,
                    lastSyncAt = sync?.LastSync,
                    lastAttemptAt = sync?.LastAttempt,
                    problem = syncProblem,
                    lastError = sync?.LastError,
                },
                vectors = embedder is not null
                    ? new { model = embedder.Model, passages, embedded }
                    : (object)new { model = loading ? "built-in model loading" : "none (keyword search only)" },
            };
        }
        var description = $"{count} tenant(s): {helpdeskFailing} whose last helpdesk call failed, {syncFailing} whose knowledge sync is failing or stalled, {embedding} whose passages are still being embedded.";
        return helpdeskFailing + syncFailing == 0
            ? HealthCheckResult.Healthy(description, data)
            : HealthCheckResult.Degraded(description, data: data);
    }

    private string? SyncProblem(Tenant tenant, SyncState? sync)
    {
        if (sync?.LastError is not null)
        {
            return "the last sync failed";
        }
        var interval = TimeSpan.FromMinutes(tenant.Options.SyncIntervalMinutes);
        // Three missed turns: the scheduler is not getting to this tenant.
        return interval > TimeSpan.Zero && sync?.LastAttempt is { } attempt && time.GetUtcNow() - attempt > 3 * interval
            ? $"no sync attempt for {(int)(time.GetUtcNow() - attempt).TotalMinutes} minutes"
            : null;
    }
}
