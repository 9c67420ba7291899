using Copilot.Connectors.Helpdesk;
using Copilot.Connectors.Zendesk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Copilot.Connectors;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// The helpdesk connectors: <see cref="IHelpdeskClientFactory"/> and <see cref="IHelpdeskDirectory"/>
    /// for Zendesk, both on one transport — the Refit-declared <see cref="IZendeskApi"/> over the named
    /// "zendesk" HttpClient with its resilience pipeline (one instance per account) and the back-off
    /// handler — with the options validated at start-up.
    /// </summary>
    public static IServiceCollection AddHelpdeskConnectors(this IServiceCollection services, Action<ZendeskClientOptions>? configure = null)
    {
        var options = services.AddOptions<ZendeskClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ZendeskClientOptions>, ZendeskOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HelpdeskBackoff>();
        services.TryAddTransient<HelpdeskBackoffHandler>();

        var zendesk = services.AddRefitGeneratedClient<IZendeskApi>(_ => ZendeskJson.Refit, ZendeskClientFactory.HttpClientName)
            // Polly owns timeouts; HttpClient's own 100 s timeout would only get in the way.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        zendesk.AddResilienceHandler("calls", (pipeline, context) =>
            {
                var sp = context.ServiceProvider;
                ZendeskResilience.Configure(pipeline, sp.GetRequiredService<IOptions<ZendeskClientOptions>>().Value, sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ZendeskClient)), context.InstanceName);
            })
            .SelectPipelineByAuthority();
        // Added after the resilience handler, so it sits inside it: every attempt, retries included, passes it.
        zendesk.AddHttpMessageHandler<HelpdeskBackoffHandler>();

        services.TryAddSingleton<ZendeskClientFactory>();
        services.TryAddSingleton<IHelpdeskClientFactory>(sp => sp.GetRequiredService<ZendeskClientFactory>());
        services.TryAddSingleton<IHelpdeskDirectory, ZendeskDirectory>();
        return services;
    }
}

internal sealed class ZendeskOptionsValidator : IValidateOptions<ZendeskClientOptions>
{
    public ValidateOptionsResult Validate(string? name, ZendeskClientOptions options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
