using System.Security.Claims;
using Copilot.Api.Hosting;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Authentication;

namespace Copilot.Api.Auth;

public static class AuthExtensions
{
    /// <summary>Every authentication scheme, every authorization policy and their OpenAPI descriptions.</summary>
    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SharedTokenIds>();
        builder.Services.AddSingleton<ReplayGuard>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ProxyTokenHandler>(AuthSchemes.ProxyToken, null)
            .AddScheme<AuthenticationSchemeOptions, SessionTokenHandler>(AuthSchemes.Session, null)
            .AddScheme<AuthenticationSchemeOptions, FreshworksAppHandler>(AuthSchemes.FreshworksApp, null)
            .AddScheme<AuthenticationSchemeOptions, AdminKeyHandler>(AuthSchemes.AdminKey, null);
        builder.Services.AddAuthorizationBuilder().AddCopilotPolicies();
        foreach (var scheme in CallerProofs.All)
        {
            builder.Services.AddOpenApiScheme(scheme);
        }
        return builder;
    }

    /// <summary>The tenant of an authenticated sidebar request.</summary>
    public static Tenant GetTenant(this HttpContext http) =>
        http.RequestServices.GetRequiredService<TenantRegistry>().Find(http.User.FindFirstValue(AuthClaims.Tenant) ?? "")
        ?? throw new InvalidOperationException("The request has no verified tenant.");

    /// <summary>
    /// The acting agent as proven by a sidebar session (a signed load checked with the helpdesk), or as named by a
    /// Freshworks app call and confirmed by the helpdesk; null for proxy-signed calls, whose <c>sub</c> the browser wrote.
    /// </summary>
    public static string? GetAgentId(this HttpContext http) => http.User.FindFirstValue(AuthClaims.Agent);
}
