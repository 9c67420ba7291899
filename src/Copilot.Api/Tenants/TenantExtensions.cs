using System.Security.Claims;
using Copilot.Api.Configuration;
using Copilot.Api.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Copilot.Api.Tenants;

public static class TenantExtensions
{
    public const string SidebarPolicy = "sidebar";
    public const string AdminPolicy = "admin";

    public static WebApplicationBuilder AddTenants(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<CopilotOptions>(CopilotOptions.Section);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CopilotOptions>, TenantSettingsValidator>());
        builder.Services.AddSingleton<TenantRegistry>();
        builder.Services.AddSingleton<ReplayGuard>();
        // TryAdd: a host that pins the clock (tests, with a fake TimeProvider) keeps its own.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, SidebarTokenHandler>(SidebarTokenHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, AdminKeyHandler>(AdminKeyHandler.SchemeName, null);
        builder.Services.AddOpenApiScheme(new DescribedScheme(SidebarTokenHandler.OpenApiScheme, SidebarTokenHandler.SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
            Description = "HS256 JWT signed by Zendesk's app proxy with the tenant's shared secret: iss = tenant id, exp at most 10 minutes ahead, nbf honoured, jti accepted once. Proves the tenant only.",
        }, TenantOnly: true));
        builder.Services.AddOpenApiScheme(new DescribedScheme(AdminKeyHandler.OpenApiScheme, AdminKeyHandler.SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = AdminKeyHandler.Header,
            Description = "The deployment's admin key (Copilot:AdminKey).",
        }));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SidebarPolicy, p => p.AddAuthenticationSchemes(SidebarTokenHandler.SchemeName).RequireClaim(SidebarTokenHandler.TenantClaim))
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(AdminKeyHandler.SchemeName).RequireRole("admin"));
        return builder;
    }

    /// <summary>The tenant of an authenticated sidebar request.</summary>
    public static Tenant GetTenant(this HttpContext http) =>
        http.RequestServices.GetRequiredService<TenantRegistry>().Find(http.User.FindFirstValue(SidebarTokenHandler.TenantClaim) ?? "")
        ?? throw new InvalidOperationException("The request has no verified tenant.");

    /// <summary>
    /// The acting agent as proven by a sidebar session (a signed load checked with the helpdesk);
    /// null for proxy-signed calls, whose <c>sub</c> the browser wrote.
    /// </summary>
    public static string? GetAgentId(this HttpContext http) => http.User.FindFirstValue(SidebarTokenHandler.AgentClaim);
}
