using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Copilot.Api.Tenants;

public static class TenantExtensions
{
    public const string SidebarPolicy = "sidebar";
    public const string AdminPolicy = "admin";

    public static WebApplicationBuilder AddTenants(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CopilotOptions>().BindConfiguration(CopilotOptions.Section);
        builder.Services.AddSingleton<TenantRegistry>();
        builder.Services.AddSingleton<ReplayGuard>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, SidebarTokenHandler>(SidebarTokenHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, AdminKeyHandler>(AdminKeyHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SidebarPolicy, p => p.AddAuthenticationSchemes(SidebarTokenHandler.SchemeName).RequireClaim(SidebarTokenHandler.TenantClaim))
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(AdminKeyHandler.SchemeName).RequireRole("admin"));
        // Fail fast on a bad tenant configuration instead of on the first request.
        builder.Services.AddHostedService<TenantValidation>();
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

    private sealed class TenantValidation(TenantRegistry registry) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = registry.All.Count();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
