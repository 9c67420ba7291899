using System.Collections.Concurrent;
using System.Globalization;
using Copilot.Api.Auth;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Sidebar;

/// <summary>
/// Checks an agent id the Freshworks app names with the helpdesk (<see cref="IHelpdeskDirectory.FindStaffAsync"/>: on
/// Freshdesk the account's agents and roles as last read, so a warm check makes no call) and gives the role
/// (<see cref="AgentRoles"/>). Each answer, yes or no, is remembered per tenant and id for <see cref="Remembered"/>:
/// an id the agents did not hold (an agent added since they were read, a contact) costs one helpdesk call a minute
/// at most, and a contact made agent, or a role changed in the settings, counts within that minute.
/// </summary>
public sealed class HelpdeskAgentCheck(IHelpdeskDirectory directory, IOptionsMonitor<SidebarOptions> options, TimeProvider time) : IAgentCheck
{
    public static readonly TimeSpan Remembered = TimeSpan.FromMinutes(1);
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<(string Tenant, long Agent), Answer> _answers = new();

    private sealed record Answer(CheckedAgent? Agent, DateTimeOffset Until);

    public async Task<CheckedAgent?> CheckAsync(Tenant tenant, long agentId, CancellationToken cancellationToken)
    {
        var key = (tenant.Id, agentId);
        if (_answers.TryGetValue(key, out var known) && known.Until > time.GetUtcNow())
        {
            return known.Agent;
        }
        // A failed lookup throws (the helpdesk's 502/503) and is not remembered.
        var user = await directory.FindStaffAsync(tenant.Connection, agentId, cancellationToken);
        var agent = user is null ? null
            : new CheckedAgent(user.Id.ToString(CultureInfo.InvariantCulture), user.Name, AgentRoles.Of(user, options.CurrentValue.For(tenant.Id)));
        if (_answers.Count >= MaxRemembered)
        {
            _answers.Clear();
        }
        _answers[key] = new Answer(agent, time.GetUtcNow() + Remembered);
        return agent;
    }
}
