namespace Copilot.Api.Auth;

/// <summary>
/// Every way a caller proves who it is, each named once: the ASP.NET Core scheme that checks it and
/// its name under <c>components.securitySchemes</c> in <c>/openapi/v1.json</c>. <see cref="AuthExtensions.AddAuth"/>
/// registers them; nothing else defines a scheme.
/// </summary>
public static class AuthSchemes
{
    /// <summary>The HS256 token Zendesk's app proxy signs with the tenant's shared secret: proves the tenant only (<see cref="ProxyTokenHandler"/>).</summary>
    public const string ProxyToken = "Sidebar";

    /// <summary>Our own sidebar session, started by Zendesk's signed load: proves the tenant, the agent and the role (<see cref="SessionTokenHandler"/>).</summary>
    public const string Session = "SidebarSession";

    /// <summary>
    /// The Freshworks app's calls (Freshdesk tenants): the tenant's shared secret, filled in by Freshworks' proxy, and the
    /// agent's Freshdesk id, checked with Freshdesk: proves the tenant, the agent and the role (<see cref="FreshworksAppHandler"/>).
    /// </summary>
    public const string FreshworksApp = "FreshworksApp";

    /// <summary>The deployment's admin key in <c>X-Admin-Key</c> (<see cref="AdminKeyHandler"/>).</summary>
    public const string AdminKey = "Admin";

    public const string ProxyTokenOpenApi = "zendeskProxyToken";
    public const string SessionOpenApi = "sidebarSession";
    public const string FreshworksAppOpenApi = "freshworksApp";
    public const string AdminKeyOpenApi = "adminKey";

    /// <summary>Zendesk's webhook signature: no ASP.NET Core scheme, the webhook route checks it (<see cref="CallerProofs.WebhookSignature"/>).</summary>
    public const string WebhookSignatureOpenApi = "zendeskWebhookSignature";

    /// <summary>The secret header of Freshdesk's automation-rule webhooks: no ASP.NET Core scheme, the webhook route checks it (<see cref="CallerProofs.WebhookSecret"/>).</summary>
    public const string WebhookSecretOpenApi = "freshdeskWebhookSecret";

    /// <summary>The issuer of our sessions, a value no tenant id can take: it tells a session from a proxy token before either is checked.</summary>
    public const string SessionIssuer = "urn:copilot:sidebar-session";
}

/// <summary>The claims our schemes put on a verified caller.</summary>
public static class AuthClaims
{
    /// <summary>The verified tenant; set by the proxy-token, session and Freshworks app schemes.</summary>
    public const string Tenant = "copilot:tenant";

    /// <summary>
    /// The verified acting agent; set by the session scheme and by the Freshworks app scheme once the helpdesk confirmed
    /// the id, never from a proxy token.
    /// </summary>
    public const string Agent = "copilot:agent";

    public const string AgentName = "copilot:agent-name";

    /// <summary>When Zendesk's signed load started the session (unix seconds): bounds its renewals.</summary>
    public const string AuthTime = "copilot:auth-time";
}

/// <summary>Roles a session or a Freshworks app call carries, decided server-side from the helpdesk's own record of the user (<c>Sidebar/AgentRoles</c>).</summary>
public static class AuthRoles
{
    public const string Agent = "agent";
    public const string Lead = "lead";
    public const string Admin = "admin";
}
