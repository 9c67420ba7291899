using Copilot.Api.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Tenants;

public static class TenantExtensions
{
    public static WebApplicationBuilder AddTenants(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<CopilotOptions>(CopilotOptions.Section);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CopilotOptions>, TenantSettingsValidator>());
        builder.Services.AddSingleton<TenantRegistry>();
        // TryAdd: a host that pins the clock (tests, with a fake TimeProvider) keeps its own.
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
