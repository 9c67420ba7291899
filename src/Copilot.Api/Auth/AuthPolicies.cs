using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Copilot.Api.Auth;

/// <summary>
/// Every authorization policy, each defined once here. A route group names one
/// (<c>RouteGroups</c>); no feature adds or changes a policy.
/// </summary>
public static class AuthPolicies
{
    /// <summary>
    /// Sidebar routes: the proxy-signed token (tenant only), our session, or the Freshworks app's call (tenant and
    /// verified agent).
    /// </summary>
    public const string Sidebar = "sidebar";

    /// <summary>A current session with its verified agent (session renewal).</summary>
    public const string Session = "session";

    /// <summary>Team leads and admins, by a verified session or Freshworks app call (never a proxy token).</summary>
    public const string TeamLead = "sidebar-lead";

    /// <summary>A helpdesk admin, by a verified session or Freshworks app call: changes to the tenant's own settings from the dashboard.</summary>
    public const string TenantAdmin = "sidebar-admin";

    /// <summary>The deployment's admin key.</summary>
    public const string Admin = "admin";

    /// <summary>The admin key (any tenant) or a team lead's or admin's session or Freshworks app call (its own tenant).</summary>
    public const string Analytics = "analytics";

    internal static AuthorizationBuilder AddCopilotPolicies(this AuthorizationBuilder auth) => auth
        .AddPolicy(Sidebar, p => p
            .AddAuthenticationSchemes(AuthSchemes.ProxyToken, AuthSchemes.Session, AuthSchemes.FreshworksApp)
            .RequireClaim(AuthClaims.Tenant))
        .AddPolicy(Session, p => p
            .AddAuthenticationSchemes(AuthSchemes.Session)
            .RequireClaim(AuthClaims.Agent))
        .AddPolicy(TeamLead, p => p
            .AddAuthenticationSchemes(AuthSchemes.Session, AuthSchemes.FreshworksApp)
            .RequireClaim(AuthClaims.Agent)
            .RequireRole(AuthRoles.Lead, AuthRoles.Admin))
        .AddPolicy(TenantAdmin, p => p
            .AddAuthenticationSchemes(AuthSchemes.Session, AuthSchemes.FreshworksApp)
            .RequireClaim(AuthClaims.Agent)
            .RequireRole(AuthRoles.Admin))
        .AddPolicy(Admin, p => p
            .AddAuthenticationSchemes(AuthSchemes.AdminKey)
            .RequireRole(AuthRoles.Admin))
        // The proxy token runs too, so a sidebar agent is refused (403) rather than asked to sign in (401).
        .AddPolicy(Analytics, p => p
            .AddAuthenticationSchemes(AuthSchemes.AdminKey, AuthSchemes.Session, AuthSchemes.FreshworksApp, AuthSchemes.ProxyToken)
            .RequireAuthenticatedUser()
            .RequireAssertion(ctx => ReadsAnalytics(ctx.User)));

    /// <summary>
    /// The admin key, or a verified caller (it names a tenant) whose role is lead or admin: a session, or a Freshworks
    /// app call whose agent the helpdesk confirmed. The role must come from one of those, never from the proxy token,
    /// whose claims the browser writes.
    /// </summary>
    public static bool ReadsAnalytics(ClaimsPrincipal user) =>
        user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == AuthSchemes.AdminKey)
        || user.Identities.Any(i => i.HasClaim(c => c.Type == AuthClaims.Tenant)
            && (i.HasClaim(i.RoleClaimType, AuthRoles.Lead) || i.HasClaim(i.RoleClaimType, AuthRoles.Admin)));
}
