using Copilot.Connectors.Helpdesk;
using Copilot.Connectors.Zendesk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Copilot.Connectors;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>The helpdesk clients: <see cref="IHelpdeskClientFactory"/> for Zendesk, with its options validated at start-up.</summary>
    public static IServiceCollection AddHelpdeskConnectors(this IServiceCollection services, Action<ZendeskClientOptions>? configure = null)
    {
        var options = services.AddOptions<ZendeskClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ZendeskClientOptions>, ZendeskOptionsValidator>());

        // Polly owns timeouts; HttpClient's own 100 s timeout would only get in the way.
        services.AddHttpClient(ZendeskClientFactory.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ZendeskClientFactory>();
        services.TryAddSingleton<IHelpdeskClientFactory>(sp => sp.GetRequiredService<ZendeskClientFactory>());
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
