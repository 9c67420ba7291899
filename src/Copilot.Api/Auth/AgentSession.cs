namespace Copilot.Api.Auth;

/// <summary>A verified agent of a tenant, as carried by our session token.</summary>
public sealed record AgentSession(string Tenant, string AgentId, string Name, string Role, DateTimeOffset AuthTime, DateTimeOffset ExpiresAt);

/// <summary>Checks our session tokens; the sidebar, which issues them, implements it (<c>Sidebar/SessionTokens</c>).</summary>
public interface ISessionVerifier
{
    /// <returns>null when the token is not a valid, current session of a known tenant.</returns>
    Task<AgentSession?> ValidateAsync(string raw);
}
