using Copilot.Connectors.Models;

namespace Copilot.Api.Models;

public static class ModelsExtensions
{
    /// <summary>Model clients per tenant (offline tenants get none); features pick model or offline per request.</summary>
    public static WebApplicationBuilder AddModels(this WebApplicationBuilder builder)
    {
        builder.Services.AddModelClients();
        builder.Services.AddSingleton<TenantModels>();
        return builder;
    }
}
