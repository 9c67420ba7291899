using System.Globalization;
using System.Text.RegularExpressions;
using Copilot.Api.Auth;
using Copilot.Api.Tenants;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Copilot.Api.Sidebar;

/// <summary>A page load Zendesk signed: which tenant, which app installation, which user.</summary>
public sealed record SignedLoad(Tenant Tenant, long UserId, long AppId, string Installation);

/// <summary>Why a signed load was refused; safe to show (no token content).</summary>
public sealed record SignedLoadRejection(string Reason);

/// <summary>
/// Verifies the RS256 token Zendesk POSTs with the first load of a signed location
/// (form field <c>token</c>): signature by the app's public key, fetched from the tenant's own
/// helpdesk; issuer <c>{subdomain}.zendesk.com</c> = the tenant's host; audience the app
/// installation URL on that host; <c>exp</c> required. The user comes from <c>sub</c>.
/// </summary>
public sealed partial class SignedLoadVerifier(TenantRegistry tenants, AppKeyCache keys, IOptionsMonitor<SidebarOptions> options, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };

    public async Task<(SignedLoad? Load, SignedLoadRejection? Rejection)> VerifyAsync(string raw, CancellationToken cancellationToken)
    {
        if (UntrustedJwt.TryRead(raw) is not { } unverified)
        {
            return Reject("The signed token is missing or is not a JWT.");
        }
        var issuer = unverified.Issuer;
        var candidates = tenants.All.Where(t => t.Helpdesk.SignsAgentLoads && IssuedBy(t, issuer)).ToList();
        if (candidates.Count == 0)
        {
            return Reject("The token's issuer is not the helpdesk of any tenant.");
        }
        foreach (var tenant in candidates)
        {
            var appId = options.CurrentValue.For(tenant.Id).AppId ?? AppIdFromKeyUrl(tenant, unverified);
            if (appId is null)
            {
                continue;
            }
            var key = await keys.GetAsync(tenant, appId.Value, cancellationToken);
            if (key is null)
            {
                continue;
            }
            var result = await Tokens.ValidateTokenAsync(raw, new TokenValidationParameters
            {
                IssuerSigningKey = key,
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                ValidIssuer = issuer,
                AudienceValidator = (audiences, _, _) => audiences.Any(a => InstallationPattern(tenant).IsMatch(a)),
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = TimeSpan.FromSeconds(60),
                LifetimeValidator = (notBefore, expires, _, _) =>
                {
                    var now = time.GetUtcNow().UtcDateTime;
                    return expires is { } e && e > now.AddSeconds(-60) && (notBefore is null || notBefore <= now.AddSeconds(60));
                },
            });
            if (!result.IsValid)
            {
                return Reject(result.Exception switch
                {
                    SecurityTokenExpiredException => "The signed token has expired: reload the app.",
                    SecurityTokenInvalidAudienceException => "The token's audience is not an app installation of this helpdesk.",
                    SecurityTokenNoExpirationException => "The signed token has no expiry.",
                    SecurityTokenInvalidLifetimeException => "The signed token is expired or not yet valid.",
                    SecurityTokenInvalidAlgorithmException => "The token is not signed with RS256.",
                    _ => "The token's signature does not match the app's public key.",
                });
            }
            var token = (JsonWebToken)result.SecurityToken;
            if (UserIdOf(token) is not { } userId)
            {
                return Reject("The signed token names no user (sub).");
            }
            var installation = token.Audiences.First(a => InstallationPattern(tenant).IsMatch(a));
            return (new SignedLoad(tenant, userId, appId.Value, installation), null);
        }
        return Reject("The app's public key could not be found: set Sidebar:Tenants:<id>:AppId or check the token's key URL.");
    }

    private static (SignedLoad?, SignedLoadRejection?) Reject(string reason) => (null, new SignedLoadRejection(reason));

    private static bool IssuedBy(Tenant tenant, string? issuer) =>
        !string.IsNullOrEmpty(issuer)
        && (string.Equals(issuer, tenant.Connection.BaseUrl.Host, StringComparison.OrdinalIgnoreCase)
            || string.Equals(issuer, tenant.Connection.BaseUrl.Authority, StringComparison.OrdinalIgnoreCase));

    private static Regex InstallationPattern(Tenant tenant) =>
        new($"^{Regex.Escape(tenant.Connection.BaseUrl.GetLeftPart(UriPartial.Authority))}/api/v2/apps/installations/\\d+\\.json$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The app id from <c>cnf.jku</c>, only when that URL is on the tenant's own host.</summary>
    private static long? AppIdFromKeyUrl(Tenant tenant, JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<Dictionary<string, object>>("cnf", out var cnf)
            || !cnf.TryGetValue("jku", out var jku)
            || !Uri.TryCreate(jku?.ToString(), UriKind.Absolute, out var url)
            || !string.Equals(url.GetLeftPart(UriPartial.Authority), tenant.Connection.BaseUrl.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var match = KeyPath().Match(url.AbsolutePath);
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary><c>sub</c> is the user: a number, or the user's API URL (<c>…/users/{id}.json</c>).</summary>
    private static long? UserIdOf(JsonWebToken token)
    {
        var sub = token.Subject;
        if (string.IsNullOrEmpty(sub))
        {
            return null;
        }
        if (long.TryParse(sub, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }
        var match = UserPath().Match(sub);
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^/api/v2/apps/(\d+)/public_key\.pem$")]
    private static partial Regex KeyPath();

    [GeneratedRegex(@"/users/(\d+)(\.json)?$")]
    private static partial Regex UserPath();
}
