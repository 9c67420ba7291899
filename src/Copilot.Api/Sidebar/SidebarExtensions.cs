using Copilot.Api.Auth;
using Copilot.Api.Configuration;
using Copilot.Api.Routes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Sidebar;

public static class SidebarExtensions
{
    public static WebApplicationBuilder AddSidebar(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<SidebarOptions>(SidebarOptions.Section);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SidebarOptions>, SidebarSettingsValidator>());
        builder.Services.AddSingleton<AppKeyCache>();
        builder.Services.AddSingleton<SignedLoadVerifier>();
        builder.Services.AddSingleton<SessionTokens>();
        builder.Services.AddSingleton<ISessionVerifier>(sp => sp.GetRequiredService<SessionTokens>());
        builder.Services.AddSingleton<IAgentCheck, HelpdeskAgentCheck>();
        builder.Services.AddSingleton<SidebarApp>();
        return builder;
    }

    public static RouteGroups MapSidebar(this RouteGroups routes)
    {
        SidebarEndpoints.Map(routes);
        if (routes.Preview is { } preview)
        {
            PreviewEndpoints.Map(preview);
        }
        return routes;
    }
}
