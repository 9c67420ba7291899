using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Connectors.Models;

public static class ModelServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ModelClientFactory"/> as a singleton: its circuit breakers (one per tenant
    /// and provider) must outlive a request to do their job.
    /// </summary>
    public static IServiceCollection AddModelClients(this IServiceCollection services)
    {
        services.AddSingleton<ModelClientFactory>();
        return services;
    }
}
