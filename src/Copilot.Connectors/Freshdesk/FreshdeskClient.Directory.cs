using System.Globalization;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Freshdesk;

/// <summary>Agents, roles, groups and ticket listings, on the same transport as every other call.</summary>
public sealed partial class FreshdeskClient
{
    /// <summary>Freshdesk's default roles that make an agent an admin.</summary>
    private static readonly HashSet<string> AdminRoles = new(StringComparer.OrdinalIgnoreCase) { "Account Administrator", "Administrator" };

    /// <returns>The agent; a contact (an end-user) when no agent has the id; null when neither does.</returns>
    public async Task<DirectoryUser?> GetUserAsync(long userId, CancellationToken cancellationToken)
    {
        var agent = await _transport.GetAsync((api, ct) => api.GetAgentAsync(userId, ct), notFoundIsNull: true, cancellationToken);
        if (agent is not null)
        {
            return DirectoryUser(agent, await RolesAsync(cancellationToken));
        }
        var contact = await _transport.GetAsync((api, ct) => api.GetContactAsync(userId, ct), notFoundIsNull: true, cancellationToken);
        return contact is null ? null
            : new DirectoryUser(contact.Id, contact.Name ?? FreshdeskMapping.StandIn(contact.Id), contact.Email, "end-user", null, contact.Language, contact.Active ?? true);
    }

    /// <summary>
    /// An active agent or admin, from the account's agents as last read: no call while they are fresh. An id they do not
    /// hold is asked for once (<c>GET /agents/{id}</c>) when they were read before this lookup, so an agent added since
    /// gets in; when this lookup read them itself, they are the answer.
    /// </summary>
    /// <returns>null for a contact, a collaborator, a deactivated agent or an unknown id.</returns>
    public async Task<DirectoryUser?> FindStaffAsync(long userId, CancellationToken cancellationToken)
    {
        var known = KnownAgents();
        var (agentsRead, rolesRead) = (AgentsAsync(cancellationToken), RolesAsync(cancellationToken));
        await Task.WhenAll(agentsRead, rolesRead);
        var (agents, roles) = (await agentsRead, await rolesRead);
        var agent = agents.GetValueOrDefault(userId);
        if (agent is null && ReferenceEquals(agents, known))
        {
            agent = await _transport.GetAsync((api, ct) => api.GetAgentAsync(userId, ct), notFoundIsNull: true, cancellationToken);
        }
        return agent is not null && DirectoryUser(agent, roles) is { IsStaff: true } user ? user : null;
    }

    /// <summary>Active agents and admins (up to 100), from the account's agents as last read.</summary>
    public async Task<IReadOnlyList<DirectoryUser>> ListAgentsAsync(CancellationToken cancellationToken)
    {
        var agents = await AgentsAsync(cancellationToken);
        var roles = await RolesAsync(cancellationToken);
        return agents.Values.OrderBy(a => a.Id).Select(a => DirectoryUser(a, roles)).Where(u => u.IsStaff).Take(PageSize).ToList();
    }

    /// <summary>Every group (all pages).</summary>
    public async Task<IReadOnlyList<HelpdeskGroup>> ListGroupsAsync(CancellationToken cancellationToken)
    {
        var groups = await ReadAllAsync<FdGroup>((api, page, ct) => api.ListGroupsAsync(page, ct), notFoundIsNull: false, bulk: false, cancellationToken) ?? [];
        return groups.DistinctBy(g => g.Id).Select(g => new HelpdeskGroup(g.Id, g.Name ?? $"Group {g.Id}")).ToList();
    }

    /// <summary>Most recently updated tickets, newest first, up to <paramref name="max"/> (at most 100): one call.</summary>
    public async Task<IReadOnlyList<TicketListing>> ListTicketsAsync(int max, CancellationToken cancellationToken)
    {
        var query = FirstPage(("order_by", "updated_at"), ("order_type", "desc"), ("updated_since", AllTickets));
        query["per_page"] = Math.Clamp(max, 1, PageSize).ToString(CultureInfo.InvariantCulture);
        var (tickets, _) = await _transport.GetPageAsync((api, ct) => api.ListTicketsAsync(query, ct), notFoundIsNull: false, cancellationToken);
        return (tickets ?? [])
            .Select(t => new TicketListing(t.Id, string.IsNullOrWhiteSpace(t.Subject) ? $"Ticket {t.Id}" : t.Subject, FreshdeskMapping.Status(t.Status), t.UpdatedAt))
            .OrderByDescending(t => t.UpdatedAt)
            .Take(max)
            .ToList();
    }

    /// <summary>Freshdesk signs no page loads: there is no app key to fetch, and no call is made.</summary>
    public Task<string?> GetAppPublicKeyAsync(long appId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>The account's agents by id, read at most once per <see cref="FreshdeskClientOptions.DirectoryCacheDuration"/>.</summary>
    internal Task<IReadOnlyDictionary<long, FdAgent>> AgentsAsync(CancellationToken cancellationToken) =>
        _accounts.GetAsync<IReadOnlyDictionary<long, FdAgent>>(_account, "agents", _options.DirectoryCacheDuration, async () =>
            (await ReadAllAsync<FdAgent>((api, page, ct) => api.ListAgentsAsync(page, ct), notFoundIsNull: false, bulk: false, CancellationToken.None) ?? [])
                .DistinctBy(a => a.Id).ToDictionary(a => a.Id), cancellationToken);

    /// <summary>The agents as last read, without calling: names for the authors of a thread.</summary>
    private IReadOnlyDictionary<long, FdAgent>? KnownAgents() => _accounts.Peek<IReadOnlyDictionary<long, FdAgent>>(_account, "agents");

    private Task<IReadOnlyDictionary<long, FdRole>> RolesAsync(CancellationToken cancellationToken) =>
        _accounts.GetAsync<IReadOnlyDictionary<long, FdRole>>(_account, "roles", _options.DirectoryCacheDuration, async () =>
            (await ReadAllAsync<FdRole>((api, page, ct) => api.ListRolesAsync(page, ct), notFoundIsNull: false, bulk: false, CancellationToken.None) ?? [])
                .DistinctBy(r => r.Id).ToDictionary(r => r.Id), cancellationToken);

    /// <summary>
    /// An agent as the copilot's directory user: an admin when one of its roles is Freshdesk's Account Administrator or
    /// Administrator; a collaborator is not staff; <see cref="DirectoryUser.CustomRoleId"/> is its first role that is not a default one.
    /// </summary>
    private static DirectoryUser DirectoryUser(FdAgent agent, IReadOnlyDictionary<long, FdRole> roles)
    {
        var held = (agent.RoleIds ?? []).Select(id => roles.GetValueOrDefault(id)).OfType<FdRole>().ToList();
        var role = agent.Type == "collaborator" ? "collaborator"
            : held.Any(r => r.Default == true && AdminRoles.Contains(r.Name ?? "")) ? "admin"
            : "agent";
        var name = agent.Contact?.Name;
        return new DirectoryUser(agent.Id, string.IsNullOrWhiteSpace(name) ? FreshdeskMapping.StandIn(agent.Id) : name, agent.Contact?.Email, role,
            held.FirstOrDefault(r => r.Default != true)?.Id, agent.Contact?.Language, agent.Contact?.Active ?? true)
        {
            RoleIds = agent.RoleIds ?? [],
        };
    }
}
