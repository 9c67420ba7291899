using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Copilot.Api.Health;

public static class HealthExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>
    /// Readiness checks (the store takes writes; each tenant's last helpdesk call and knowledge sync; the
    /// model breakers; Redis answers, when one is configured) and the recorder of helpdesk calls, hooked into every <c>HttpClient</c> the factory makes.
    /// </summary>
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HelpdeskContacts>();
        builder.Services.AddTransient<HelpdeskContactHandler>();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler<HelpdeskContactHandler>());
        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(5))
            .AddCheck<TenantsHealthCheck>("tenants", HealthStatus.Degraded, [ReadyTag], TimeSpan.FromSeconds(5))
            .AddCheck<ModelsHealthCheck>("models", HealthStatus.Degraded, [ReadyTag])
            .AddCheck<Redis.RedisHealthCheck>("redis", HealthStatus.Degraded, [ReadyTag]);
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers (no checks). <c>/health/ready</c>: the readiness checks;
    /// 503 only when the store fails, 200 with <c>Degraded</c> when a tenant's helpdesk, sync or model is in
    /// trouble, or a configured Redis cannot be reached. <c>/healthz</c> is the same as <c>/health/ready</c>, for probes written before it.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // Probes for the platform, in the health-check format: not part of the API document.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync }).ExcludeFromDescription();
        var ready = new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag), ResponseWriter = HealthResponse.WriteAsync };
        app.MapHealthChecks("/health/ready", ready).ExcludeFromDescription();
        app.MapHealthChecks("/healthz", ready).ExcludeFromDescription();
        return app;
    }
}
