using Copilot.Connectors.Freshdesk;
using Copilot.Connectors.Helpdesk;
using Copilot.Connectors.Zendesk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Copilot.Connectors;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// The helpdesk connectors: <see cref="IHelpdeskClientFactory"/> and <see cref="IHelpdeskDirectory"/>, each
    /// choosing by the tenant's connection kind between Zendesk and Freshdesk (<see cref="HelpdeskClients"/>,
    /// <see cref="HelpdeskDirectories"/>). Each vendor has one transport — its Refit-declared API over a named
    /// HttpClient with the resilience pipeline (one instance per account) and the back-off handler — with its
    /// options validated at start-up.
    /// </summary>
    public static IServiceCollection AddHelpdeskConnectors(this IServiceCollection services,
        Action<ZendeskClientOptions>? configure = null, Action<FreshdeskClientOptions>? configureFreshdesk = null)
    {
        services.AddCheckedOptions(configure);
        services.AddCheckedOptions(configureFreshdesk);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HelpdeskBackoff>();

        services.AddHelpdeskTransport<IZendeskApi, ZendeskClientOptions>(ZendeskClientFactory.Kind, ZendeskJson.Refit,
            sp => ZendeskRateLimit.Budget(sp.GetRequiredService<TimeProvider>()));
        services.AddHelpdeskTransport<IFreshdeskApi, FreshdeskClientOptions>(FreshdeskClientFactory.Kind, FreshdeskJson.Refit,
            sp => FreshdeskRateLimit.Budget(sp.GetRequiredService<IOptions<FreshdeskClientOptions>>().Value, sp.GetRequiredService<TimeProvider>()));

        services.TryAddSingleton<ZendeskClientFactory>();
        services.TryAddSingleton<FreshdeskAccountCache>();
        services.TryAddSingleton<FreshdeskClientFactory>();
        services.TryAddSingleton<IHelpdeskClientFactory, HelpdeskClients>();
        services.TryAddSingleton<IHelpdeskDirectory, HelpdeskDirectories>();
        return services;
    }

    private static void AddCheckedOptions<TOptions>(this IServiceCollection services, Action<TOptions>? configure)
        where TOptions : HelpdeskClientOptions
    {
        var options = services.AddOptions<TOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, HelpdeskOptionsValidator<TOptions>>());
    }
}
