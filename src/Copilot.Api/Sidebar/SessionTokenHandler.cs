using System.Security.Claims;
using System.Text.Encodings.Web;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Sidebar;

/// <summary>
/// Accepts our sidebar session (<c>Authorization: Bearer …</c>) as proof of tenant AND agent.
/// Sets the tenant claim, the agent claim (which only sessions set: proxy tokens prove the
/// tenant alone), and the agent's name and role.
/// </summary>
public sealed class SessionTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SessionTokens sessions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "SidebarSession";
    public const string OpenApiScheme = "sidebarSession";
    public const string AgentNameClaim = "copilot:agent-name";
    public const string AuthTimeClaim = "copilot:auth-time";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (UntrustedJwt.BearerOf(Request) is not { } raw || !SessionTokens.LooksLikeSession(raw))
        {
            return AuthenticateResult.NoResult();
        }
        if (await sessions.ValidateAsync(raw) is not { } session)
        {
            return AuthenticateResult.Fail("The sidebar session is not valid or has expired.");
        }
        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(SidebarTokenHandler.TenantClaim, session.Tenant));
        identity.AddClaim(new Claim(SidebarTokenHandler.AgentClaim, session.AgentId));
        identity.AddClaim(new Claim(AgentNameClaim, session.Name));
        identity.AddClaim(new Claim(ClaimTypes.Role, session.Role));
        identity.AddClaim(new Claim(AuthTimeClaim, session.AuthTime.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
