using System.Globalization;
using Copilot.Api.Tenants;

namespace Copilot.Api.Auth;

/// <summary>
/// What the Freshworks app's request templates send (<c>sidebar-app/freshworks/config/requests.json</c>), read before
/// anything is checked: <c>Authorization: CopilotApp {the tenant's shared secret}</c>, <c>X-Copilot-Tenant</c> and
/// <c>X-Copilot-Agent</c> (the agent's Freshdesk user id). A value that is missing, repeated, too long, holds a
/// control character or (the agent) is not a user id is a malformed credential, never an exception.
/// </summary>
public sealed record FreshworksAppCredentials(string Tenant, string Secret, long AgentId)
{
    /// <summary>The <c>Authorization</c> scheme of the app's calls.</summary>
    public const string Scheme = "CopilotApp";
    public const string TenantHeader = "X-Copilot-Tenant";
    public const string AgentHeader = "X-Copilot-Agent";
    public const int MaxSecretLength = 512;
    public const int MaxTenantLength = 100;

    /// <summary>Freshdesk user ids are positive 64-bit numbers: at most 19 digits.</summary>
    public const int MaxAgentIdDigits = 19;

    /// <returns>
    /// The credentials; or a problem saying what is malformed; or neither when the request does not use the
    /// <c>CopilotApp</c> scheme at all (another scheme may answer for it).
    /// </returns>
    public static (FreshworksAppCredentials? Credentials, string? Problem) Read(HttpRequest request)
    {
        var authorization = request.Headers.Authorization;
        var header = authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (!string.Equals(space < 0 ? header : header[..space], Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }
        var secret = space < 0 ? "" : header[(space + 1)..].Trim(' ');
        if (authorization.Count != 1 || secret.Length is 0 or > MaxSecretLength || secret.Any(char.IsControl))
        {
            return (null, $"Send one Authorization header: {Scheme} followed by the tenant's shared secret (at most {MaxSecretLength} characters).");
        }
        var tenant = request.Headers[TenantHeader];
        if (tenant.Count != 1 || tenant[0] is not { Length: <= MaxTenantLength } id || !TenantRegistry.IsWellFormedId(id))
        {
            return (null, $"Send one {TenantHeader} header naming the tenant: letters, digits, '-' and '_', at most {MaxTenantLength}.");
        }
        var agent = request.Headers[AgentHeader];
        if (agent.Count != 1 || agent[0] is not { Length: > 0 and <= MaxAgentIdDigits } digits
            || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var agentId) || agentId <= 0)
        {
            return (null, $"Send one {AgentHeader} header: the signed-in agent's Freshdesk user id (digits only).");
        }
        return (new FreshworksAppCredentials(id, secret, agentId), null);
    }

    /// <summary>Never the secret: records print their members.</summary>
    public override string ToString() => $"{Scheme} tenant {Tenant}, agent {AgentId}";
}
