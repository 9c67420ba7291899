using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Auth;

/// <summary>
/// Accepts our sidebar session (<c>Authorization: Bearer …</c>) as proof of tenant AND agent.
/// Sets the tenant claim, the agent claim (which only sessions set: proxy tokens prove the
/// tenant alone), and the agent's name and role.
/// </summary>
public sealed class SessionTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ISessionVerifier sessions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (UntrustedJwt.ReadBearer(Context) is not ({ } raw, { Issuer: AuthSchemes.SessionIssuer }))
        {
            return AuthenticateResult.NoResult();
        }
        if (await sessions.ValidateAsync(raw) is not { } session)
        {
            return AuthenticateResult.Fail("The sidebar session is not valid or has expired.");
        }
        var identity = new ClaimsIdentity(AuthSchemes.Session, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(AuthClaims.Tenant, session.Tenant));
        identity.AddClaim(new Claim(AuthClaims.Agent, session.AgentId));
        identity.AddClaim(new Claim(AuthClaims.AgentName, session.Name));
        identity.AddClaim(new Claim(ClaimTypes.Role, session.Role));
        identity.AddClaim(new Claim(AuthClaims.AuthTime, session.AuthTime.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), AuthSchemes.Session));
    }
}
