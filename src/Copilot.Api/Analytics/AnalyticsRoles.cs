using System.Security.Claims;
using Copilot.Api.Tenants;

namespace Copilot.Api.Analytics;

/// <summary>
/// Who may read analytics: the deployment's admin key (any tenant, named by the <c>tenant</c>
/// query parameter), or a verified user session whose role is lead or admin (its own tenant
/// only). The claim must come from a verified session, never from
/// the sidebar token, whose claims the browser writes.
/// </summary>
public static class AnalyticsRoles
{
    public const string Policy = "analytics";

    /// <summary>The admin key, or a verified session (it names a tenant) whose role is lead or admin.</summary>
    public static bool IsAllowed(ClaimsPrincipal user) =>
        user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == AdminKeyHandler.SchemeName)
        || user.Identities.Any(i => i.HasClaim(c => c.Type == SidebarTokenHandler.TenantClaim)
            && (i.HasClaim(i.RoleClaimType, Sidebar.AgentRoles.Lead) || i.HasClaim(i.RoleClaimType, Sidebar.AgentRoles.Admin)));

    /// <summary>
    /// The tenant the caller may read: a session's own verified tenant, or for the admin key the
    /// <c>tenant</c> query parameter. Otherwise an error status (400, 403, 404) and message.
    /// </summary>
    public static (Tenant? Tenant, int Status, string? Error) ResolveTenant(HttpContext http, string? tenantParameter)
    {
        var registry = http.RequestServices.GetRequiredService<TenantRegistry>();
        if (http.User.FindFirstValue(SidebarTokenHandler.TenantClaim) is { Length: > 0 } verified)
        {
            if (!string.IsNullOrEmpty(tenantParameter) && tenantParameter != verified)
            {
                return (null, StatusCodes.Status403Forbidden, "A session may read only its own tenant's analytics.");
            }
            return registry.Find(verified) is { } own ? (own, 200, null) : (null, StatusCodes.Status404NotFound, $"Unknown tenant '{verified}'.");
        }
        if (string.IsNullOrEmpty(tenantParameter))
        {
            return (null, StatusCodes.Status400BadRequest, "With the admin key, name the tenant in the 'tenant' query parameter.");
        }
        return registry.Find(tenantParameter) is { } named ? (named, 200, null) : (null, StatusCodes.Status404NotFound, $"Unknown tenant '{tenantParameter}'.");
    }
}
