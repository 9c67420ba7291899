using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Copilot.Api.Auth;

/// <summary>
/// Authenticates sidebar calls by the HS256 token Zendesk's app proxy signs with the
/// tenant's shared secret (<c>Authorization: Bearer …</c>). The unverified <c>iss</c> only
/// picks whose secret to check against; the tenant comes from a verified signature, never
/// from the URL or body. <c>exp</c> and <c>jti</c> are required and a <c>jti</c> is accepted once.
/// It proves the tenant and nothing about the agent (see <see cref="AuthClaims.Agent"/>).
/// </summary>
public sealed class ProxyTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TenantRegistry tenants,
    ReplayGuard replay,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Tokens may live at most this long, which bounds how long their ids are remembered.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10);

    private static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>The Unix times a <see cref="DateTimeOffset"/> can hold (years 1 to 9999).</summary>
    private const long MinUnixSeconds = -62135596800, MaxUnixSeconds = 253402300799;

    /// <summary>What a tenant's tokens are checked against, made once per tenant's configuration (a reload makes new tenants).</summary>
    private static readonly ConditionalWeakTable<Tenant, TokenValidationParameters> Parameters = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var (raw, unverified) = UntrustedJwt.ReadBearer(Context);
        if (raw is null)
        {
            return AuthenticateResult.NoResult();
        }
        if (unverified is null)
        {
            return AuthenticateResult.Fail("The token is not a JWT.");
        }
        if (unverified.Issuer == AuthSchemes.SessionIssuer)
        {
            // Our own session: the session scheme answers for it.
            return AuthenticateResult.NoResult();
        }
        // Only Zendesk's app proxy signs these: a tenant whose helpdesk signs no agent loads (Freshdesk) has its own
        // app's scheme (FreshworksAppHandler) and is refused here exactly as an unknown tenant is.
        if (tenants.Find(unverified.Issuer ?? "") is not { Helpdesk.SignsAgentLoads: true } tenant)
        {
            return AuthenticateResult.Fail("The token names no known tenant.");
        }
        // The token read above is checked as it is (signature, algorithm, issuer, lifetime), not read a second time.
        var clock = time;
        var result = await Tokens.ValidateTokenAsync(unverified, Parameters.GetValue(tenant, t => ValidationFor(t, clock)));
        if (!result.IsValid)
        {
            return AuthenticateResult.Fail("The token is not valid: bad signature, algorithm, issuer or lifetime.");
        }
        var token = (JsonWebToken)result.SecurityToken;
        if (string.IsNullOrEmpty(token.Id))
        {
            return AuthenticateResult.Fail("The token has no jti.");
        }
        var hasIssuedAt = token.TryGetPayloadValue<long>("iat", out var iat);
        if (hasIssuedAt && iat is < MinUnixSeconds or > MaxUnixSeconds)
        {
            return AuthenticateResult.Fail("The token's iat is not a time.");
        }
        DateTimeOffset? issuedAt = hasIssuedAt ? DateTimeOffset.FromUnixTimeSeconds(iat) : null;
        if (issuedAt > time.GetUtcNow() + ClockSkew)
        {
            // Signed by a clock more than the allowed skew ahead. Refused, so that no token accepted by this process was
            // signed after a later process started: that process answers for such tokens from its own memory (ReplayGuard).
            return AuthenticateResult.Fail("The token was issued in the future.");
        }
        if (!await replay.TryUseAsync(tenant.Id, token.Id, token.ValidTo, issuedAt, Context.RequestAborted))
        {
            return AuthenticateResult.Fail("The token was already used.");
        }
        // Proof of the tenant only: the proxy signs whatever claims the browser wrote, so its
        // "sub" names no one. The agent claim comes from our session (SessionTokenHandler).
        var identity = new ClaimsIdentity(AuthSchemes.ProxyToken);
        identity.AddClaim(new Claim(AuthClaims.Tenant, tenant.Id));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), AuthSchemes.ProxyToken));
    }

    private static TokenValidationParameters ValidationFor(Tenant tenant, TimeProvider clock) => new()
    {
        IssuerSigningKey = tenant.SecurityKey,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidIssuer = tenant.Id,
        ValidateAudience = false,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = (notBefore, expires, _, _) => IsCurrent(notBefore, expires, clock.GetUtcNow().UtcDateTime),
    };

    /// <summary>Not expired, not living longer than <see cref="MaxLifetime"/>, and not before its <c>nbf</c> (30 s of skew either way).</summary>
    private static bool IsCurrent(DateTime? notBefore, DateTime? expires, DateTime now) =>
        expires is { } e && e > now - ClockSkew && e <= now + MaxLifetime
        && (notBefore is not { } nbf || nbf <= now + ClockSkew);
}
