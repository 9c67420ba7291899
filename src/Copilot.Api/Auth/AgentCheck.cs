using Copilot.Api.Tenants;

namespace Copilot.Api.Auth;

/// <summary>An agent the helpdesk vouched for: an active agent or admin of the tenant's account, with the copilot's role for them.</summary>
public sealed record CheckedAgent(string AgentId, string Name, string Role);

/// <summary>
/// Checks with the helpdesk an agent id that only the caller vouches for (the Freshworks app's <c>X-Copilot-Agent</c>);
/// the sidebar, which decides roles, implements it (<c>Sidebar/HelpdeskAgentCheck</c>).
/// </summary>
public interface IAgentCheck
{
    /// <returns>null when the id is not an active agent or admin of the tenant's helpdesk account.</returns>
    Task<CheckedAgent?> CheckAsync(Tenant tenant, long agentId, CancellationToken cancellationToken);
}
