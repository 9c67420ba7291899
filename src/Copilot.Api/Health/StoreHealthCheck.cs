using Copilot.Api.Store;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Copilot.Api.Health;

/// <summary>The store takes a write: one committed row in <c>store_probe</c>, through the same write gate as every other write.</summary>
internal sealed class StoreHealthCheck(Db db, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO store_probe (id, checked_at) VALUES (1, @now) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
                new { now = time.GetUtcNow().ToString("O") }, cancellationToken: cancellationToken)), cancellationToken);
            return HealthCheckResult.Healthy("The store takes writes.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The store does not take writes.", e);
        }
    }
}
