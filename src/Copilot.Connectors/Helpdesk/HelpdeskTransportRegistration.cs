using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Copilot.Connectors.Helpdesk;

internal static class HelpdeskTransportRegistration
{
    /// <summary>
    /// One vendor's transport: its Refit-declared <typeparamref name="TApi"/> over the named HttpClient
    /// <paramref name="kind"/>, with the resilience pipeline (one instance per account, so each account has
    /// its own breaker) and, inside it, the back-off handler every attempt passes — with the vendor's rate
    /// budget when it has one.
    /// </summary>
    public static IHttpClientBuilder AddHelpdeskTransport<TApi, TOptions>(this IServiceCollection services, string kind, RefitSettings settings,
        Func<IServiceProvider, HelpdeskRateBudget>? budget = null)
        where TApi : class
        where TOptions : HelpdeskClientOptions
    {
        var client = services.AddRefitGeneratedClient<TApi>(_ => settings, kind)
            // Polly owns timeouts; HttpClient's own 100 s timeout would only get in the way.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler("calls", (pipeline, context) =>
            {
                var sp = context.ServiceProvider;
                HelpdeskResilience.Configure(pipeline, kind, sp.GetRequiredService<IOptions<TOptions>>().Value, sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TApi).Namespace!), context.InstanceName, sp.GetRequiredService<HelpdeskBackoff>());
            })
            .SelectPipelineByAuthority();
        // Added after the resilience handler, so it sits inside it: every attempt, retries included, passes it.
        client.AddHttpMessageHandler(sp => new HelpdeskBackoffHandler(sp.GetRequiredService<HelpdeskBackoff>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<HelpdeskBackoffHandler>>(), budget?.Invoke(sp)));
        return client;
    }
}
