using Copilot.Api.Configuration;
using Copilot.Api.Hosting;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace Copilot.Api.Sidebar;

public static class SidebarExtensions
{
    /// <summary>Team leads (and admins), by a verified session only.</summary>
    public const string TeamLeadPolicy = "sidebar-lead";

    public static WebApplicationBuilder AddSidebar(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<SidebarOptions>(SidebarOptions.Section);
        builder.Services.AddSingleton<AppKeyCache>();
        builder.Services.AddSingleton<SignedLoadVerifier>();
        builder.Services.AddSingleton<SessionTokens>();
        builder.Services.AddSingleton<SidebarApp>();
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, SessionTokenHandler>(SessionTokenHandler.SchemeName, null);
        builder.Services.AddOpenApiScheme(new DescribedScheme(SessionTokenHandler.OpenApiScheme, SessionTokenHandler.SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
            Description = "The sidebar session written into the app's page after Zendesk's signed load (POST /sidebar/ or /dashboard/): proves the tenant and the agent, with the agent's role. Renewed with POST /sidebar/session up to Sidebar:MaxSessionHours after the signed load.",
        }));
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
