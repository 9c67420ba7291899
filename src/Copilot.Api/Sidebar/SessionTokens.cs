using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Copilot.Api.Auth;
using Copilot.Api.Tenants;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Copilot.Api.Sidebar;

/// <summary>
/// Our own short-lived sidebar session: HS256 with a key derived from the tenant's shared
/// secret (so it can never pass for a proxy-signed token, nor the reverse), issuer
/// <see cref="Issuer"/> (a value no tenant id can take), audience the tenant id.
/// </summary>
public sealed class SessionTokens(TenantRegistry tenants, IOptionsMonitor<SidebarOptions> options, TimeProvider time) : ISessionVerifier
{
    public const string Issuer = AuthSchemes.SessionIssuer;
    private static readonly byte[] KeyInfo = Encoding.UTF8.GetBytes("copilot sidebar session v1");
    private static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public (string Token, AgentSession Session) Issue(Tenant tenant, string agentId, string name, string role, DateTimeOffset authTime)
    {
        var now = time.GetUtcNow();
        // Never past the session's maximum lifetime, however late the renewal.
        var expires = Min(now.AddMinutes(options.CurrentValue.SessionMinutes), MaxEnd(authTime));
        var token = Tokens.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = tenant.Id,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = agentId,
                ["name"] = name,
                ["role"] = role,
                ["auth_time"] = authTime.ToUnixTimeSeconds(),
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = new SigningCredentials(KeyFor(tenant), SecurityAlgorithms.HmacSha256),
        });
        return (token, new AgentSession(tenant.Id, agentId, name, role, authTime, expires));
    }

    /// <summary>When a session started from the signed load at <paramref name="authTime"/> must end (<c>Sidebar:MaxSessionHours</c>).</summary>
    public DateTimeOffset MaxEnd(DateTimeOffset authTime) => authTime.AddHours(options.CurrentValue.MaxSessionHours);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, (byte[] Secret, SymmetricSecurityKey Key)> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AgentSession> _verified = new(StringComparer.Ordinal);

    /// <summary>
    /// The sidebar sends the same session with every call for up to 30 minutes, so a token whose
    /// signature was checked once is remembered (by its exact text) until it expires.
    /// </summary>
    /// <returns>null when the token is not a valid, current session of a known tenant.</returns>
    public async Task<AgentSession?> ValidateAsync(string raw)
    {
        if (_verified.TryGetValue(raw, out var known))
        {
            if (IsLive(known))
            {
                return known;
            }
            _verified.TryRemove(raw, out _);
        }
        var session = await VerifyAsync(raw);
        if (session is not null)
        {
            if (_verified.Count >= MaxRemembered)
            {
                _verified.Clear();
            }
            _verified[raw] = session;
        }
        return session;
    }

    private async Task<AgentSession?> VerifyAsync(string raw)
    {
        var audience = UntrustedJwt.TryRead(raw)?.Audiences.FirstOrDefault();
        if (audience is null || tenants.Find(audience) is not { } tenant)
        {
            return null;
        }
        var result = await Tokens.ValidateTokenAsync(raw, new TokenValidationParameters
        {
            IssuerSigningKey = KeyFor(tenant),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidIssuer = Issuer,
            ValidAudience = tenant.Id,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } e && e > time.GetUtcNow().UtcDateTime - ClockSkew && (notBefore is null || notBefore <= time.GetUtcNow().UtcDateTime + ClockSkew),
        });
        if (!result.IsValid)
        {
            return null;
        }
        var token = (JsonWebToken)result.SecurityToken;
        if (!token.TryGetPayloadValue<string>("sub", out var agent) || string.IsNullOrEmpty(agent)
            || !token.TryGetPayloadValue<string>("role", out var role)
            || !token.TryGetPayloadValue<long>("auth_time", out var authTime))
        {
            return null;
        }
        token.TryGetPayloadValue<string>("name", out var name);
        var session = new AgentSession(tenant.Id, agent, name ?? "", role, DateTimeOffset.FromUnixTimeSeconds(authTime), token.ValidTo);
        return IsLive(session) ? session : null;
    }

    /// <summary>
    /// Not expired, and within the maximum lifetime as configured now: a lowered
    /// <c>MaxSessionHours</c> ends older sessions at once, not at their next renewal.
    /// </summary>
    private bool IsLive(AgentSession session)
    {
        var now = time.GetUtcNow();
        return session.ExpiresAt > now.Add(-ClockSkew) && MaxEnd(session.AuthTime) > now.Add(-ClockSkew);
    }

    /// <summary>Derived once per tenant secret: the token library caches its HMAC instances per key object.</summary>
    private SymmetricSecurityKey KeyFor(Tenant tenant)
    {
        if (_keys.TryGetValue(tenant.Id, out var known) && ReferenceEquals(known.Secret, tenant.SigningKey))
        {
            return known.Key;
        }
        var key = new SymmetricSecurityKey(HKDF.DeriveKey(HashAlgorithmName.SHA256, tenant.SigningKey, 32, salt: [], info: KeyInfo));
        _keys[tenant.Id] = (tenant.SigningKey, key);
        return key;
    }
}
