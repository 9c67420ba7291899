using Copilot.Api.Tenants;
using Copilot.Connectors.Models;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Copilot.Api.Health;

/// <summary>
/// The circuit breaker of each tenant's model. An open breaker makes the instance Degraded: drafts,
/// rewrites and triage still answer, from the offline provider, and say so.
/// </summary>
internal sealed class ModelsHealthCheck(TenantRegistry tenants, ModelClientFactory models) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var breakers = models.Breakers();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var tenant in tenants.All)
        {
            var provider = tenant.Options.Model.Provider.ToLowerInvariant();
            var breaker = breakers.FirstOrDefault(b => b.Tenant == tenant.Id && b.Provider == provider);
            data[tenant.Id] = new { provider, breaker = tenant.Options.Model.IsOffline ? "none (offline)" : breaker?.State ?? "closed (no call yet)" };
        }
        var paused = breakers.Count(b => b.CallsRefused);
        var description = $"{paused} model breaker(s) open: calls paused, offline fallback answering.";
        return Task.FromResult(paused == 0 ? HealthCheckResult.Healthy(description, data) : HealthCheckResult.Degraded(description, data: data));
    }
}
