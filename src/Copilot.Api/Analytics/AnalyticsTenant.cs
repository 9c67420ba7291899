using System.Security.Claims;
using Copilot.Api.Auth;
using Copilot.Api.Tenants;

namespace Copilot.Api.Analytics;

/// <summary>
/// Whose analytics a caller reads, once <see cref="AuthPolicies.Analytics"/> let it in: the deployment's
/// admin key reads any tenant, named by the <c>tenant</c> query parameter; a lead's or admin's
/// verified session reads its own tenant only.
/// </summary>
public static class AnalyticsTenant
{
    /// <summary>
    /// The tenant the caller may read: a session's own verified tenant, or for the admin key the
    /// <c>tenant</c> query parameter. Otherwise an error status (400, 403, 404) and message.
    /// </summary>
    public static (Tenant? Tenant, int Status, string? Error) Resolve(HttpContext http, string? tenantParameter)
    {
        var registry = http.RequestServices.GetRequiredService<TenantRegistry>();
        if (http.User.FindFirstValue(AuthClaims.Tenant) is { Length: > 0 } verified)
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
