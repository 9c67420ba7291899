using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Copilot.Api.Redis;

/// <summary>
/// Degraded while a configured Redis cannot be reached: the instance still serves (its own memory and the store),
/// but what instances share is not shared meanwhile. Names no server, address or password.
/// </summary>
public sealed class RedisHealthCheck(SharedRedis redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!redis.Configured ? HealthCheckResult.Healthy("No Redis is configured: this instance keeps its state to itself.")
            : redis.Available ? HealthCheckResult.Healthy("Redis answers: caches, replay checks, limits and helpdesk holds are shared.")
            : HealthCheckResult.Degraded("Redis cannot be reached: this instance serves from its own cache and the store; caches, rate limits "
                + "and helpdesk holds are not shared with other instances until it is back, and token ids are checked against the store."));
}
