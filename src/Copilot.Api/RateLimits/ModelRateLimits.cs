using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Copilot.Api.Auth;
using Copilot.Api.Configuration;
using Copilot.Api.Redis;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Copilot.Api.RateLimits;

/// <summary>
/// Limits on the routes that spend model tokens: a request takes a permit from its agent's window and
/// from its tenant's; without either it is answered 429 problem+json with <c>Retry-After</c>, before any work.
/// With a Redis configured the windows are counted there, for all instances together (<see cref="SharedWindowLimiter"/>).
/// </summary>
public static class ModelRateLimits
{
    /// <summary>Marks a route as spending model tokens (draft, rewrite, triage, ask).</summary>
    public static TBuilder RequireModelRateLimits<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(SpendsModelTokens.Instance);

    public static WebApplicationBuilder AddModelRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<RateLimitOptions>(RateLimitOptions.Section);
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, SharedRedis, TimeProvider>((o, limits, redis, time) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => RejectAsync(context, limits.Value.Window);
            if (limits.Value.Enabled)
            {
                o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                    PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, "agent", AgentKey(http), limits.Value.PerAgent, limits.Value.Window, redis, time)),
                    PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, "tenant", Tenant(http), limits.Value.PerTenant, limits.Value.Window, redis, time)));
            }
        });
        return builder;
    }

    /// <summary>After authorization: the limits are per verified tenant and agent.</summary>
    public static WebApplication UseModelRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, string kind, string? key, int permits, TimeSpan window, SharedRedis redis, TimeProvider time) =>
        key is null || http.GetEndpoint()?.Metadata.GetMetadata<SpendsModelTokens>() is null
            ? RateLimitPartition.GetNoLimiter("")
            : redis.Configured
                ? RateLimitPartition.Get(key, k => new SharedWindowLimiter(redis, $"ratelimit:{kind}:{k}", permits, window, time))
                : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });

    private static string? Tenant(HttpContext http) => http.User.FindFirstValue(AuthClaims.Tenant);

    private static string? AgentKey(HttpContext http) => Tenant(http) is { } tenant && http.GetAgentId() is { } agent ? $"{tenant}:{agent}" : null;

    private static async ValueTask RejectAsync(OnRejectedContext context, TimeSpan window)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"Drafts, rewrites, triage and questions are limited per agent and per team; try again in {seconds} s.").ExecuteAsync(context.HttpContext);
    }

    private sealed class SpendsModelTokens
    {
        public static readonly SpendsModelTokens Instance = new();
    }
}
