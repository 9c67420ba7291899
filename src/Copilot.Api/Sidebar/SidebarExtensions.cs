using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Copilot.Api.Sidebar;

public static class SidebarExtensions
{
    /// <summary>Team leads (and admins), by a verified session only.</summary>
    public const string TeamLeadPolicy = "sidebar-lead";

    public static WebApplicationBuilder AddSidebar(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SidebarOptions>().BindConfiguration(SidebarOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AppKeyCache>();
        builder.Services.AddSingleton<SignedLoadVerifier>();
        builder.Services.AddSingleton<SessionTokens>();
        builder.Services.AddSingleton<SidebarApp>();
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, SessionTokenHandler>(SessionTokenHandler.SchemeName, null);
        // Sidebar routes take either proof: the proxy-signed token (tenant only) or our session
        // (tenant and verified agent). Runs after AddTenants() and replaces its policy.
        builder.Services.Configure<AuthorizationOptions>(o =>
        {
            o.AddPolicy(TenantExtensions.SidebarPolicy, p => p
                .AddAuthenticationSchemes(SidebarTokenHandler.SchemeName, SessionTokenHandler.SchemeName)
                .RequireClaim(SidebarTokenHandler.TenantClaim));
            o.AddPolicy(TeamLeadPolicy, p => p
                .AddAuthenticationSchemes(SessionTokenHandler.SchemeName)
                .RequireClaim(SidebarTokenHandler.AgentClaim)
                .RequireRole(AgentRoles.Lead, AgentRoles.Admin));
        });
        return builder;
    }

    public static WebApplication MapSidebar(this WebApplication app)
    {
        SidebarEndpoints.Map(app);
        PreviewEndpoints.Map(app);
        return app;
    }
}
