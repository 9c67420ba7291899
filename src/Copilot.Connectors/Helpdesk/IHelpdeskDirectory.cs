namespace Copilot.Connectors.Helpdesk;

/// <summary>Who a helpdesk user is and what they may do, as the helpdesk says (never the browser).</summary>
/// <param name="Role">The helpdesk's base role: <c>end-user</c>, <c>agent</c> or <c>admin</c>.</param>
/// <param name="CustomRoleId">The agent's custom role (Zendesk Enterprise; Freshdesk: the first role that is not one of its defaults), when there is one.</param>
public sealed record DirectoryUser(long Id, string Name, string? Email, string Role, long? CustomRoleId, string? Locale, bool Active = true)
{
    public bool IsStaff => Active && Role is "agent" or "admin";

    /// <summary>Every role the helpdesk gives the agent, defaults included (Freshdesk agents hold several); empty on Zendesk.</summary>
    public IReadOnlyList<long> RoleIds { get; init; } = [];
}

/// <summary>A helpdesk group a ticket can be handed to.</summary>
public sealed record HelpdeskGroup(long Id, string Name);

/// <summary>A ticket as listed in a view: enough to pick one.</summary>
public sealed record TicketListing(long Id, string Subject, string Status, DateTimeOffset UpdatedAt)
{
    /// <summary>Opens the ticket in the helpdesk's agent interface, when the list says where.</summary>
    public string? Url { get; init; }
}

/// <summary>
/// Helpdesk lookups the sidebar needs around identity and handoffs: users and their roles, groups, the
/// app's signing key for signed page loads, and ticket listings for the local preview.
/// </summary>
public interface IHelpdeskDirectory
{
    /// <returns>null when the helpdesk has no such user.</returns>
    Task<DirectoryUser?> GetUserAsync(HelpdeskConnection connection, long userId, CancellationToken cancellationToken);

    /// <summary>
    /// The user when they are an active agent or admin, as cheaply as the helpdesk allows: Freshdesk answers from the
    /// account's agents as last read (no call while they are fresh), Zendesk with the user itself.
    /// </summary>
    /// <returns>null for anyone else: a customer, a collaborator, a deactivated agent, no such user.</returns>
    Task<DirectoryUser?> FindStaffAsync(HelpdeskConnection connection, long userId, CancellationToken cancellationToken);

    /// <summary>Agents and admins (first page, up to 100).</summary>
    Task<IReadOnlyList<DirectoryUser>> ListAgentsAsync(HelpdeskConnection connection, CancellationToken cancellationToken);

    /// <summary>Every group tickets can be assigned to (all pages), for handing a ticket over.</summary>
    Task<IReadOnlyList<HelpdeskGroup>> ListGroupsAsync(HelpdeskConnection connection, CancellationToken cancellationToken);

    /// <summary>Most recently updated tickets, newest first, up to <paramref name="max"/>.</summary>
    Task<IReadOnlyList<TicketListing>> ListTicketsAsync(HelpdeskConnection connection, int max, CancellationToken cancellationToken);

    /// <summary>The PEM public key the helpdesk signs this app's page loads with.</summary>
    /// <returns>null when the helpdesk has no such app, or signs no page loads (Freshdesk).</returns>
    Task<string?> GetAppPublicKeyAsync(HelpdeskConnection connection, long appId, CancellationToken cancellationToken);
}

/// <summary>The same lookups, on a client already bound to one tenant's account (each vendor's client is one).</summary>
public interface IHelpdeskAccountDirectory
{
    /// <returns>null when the helpdesk has no such user.</returns>
    Task<DirectoryUser?> GetUserAsync(long userId, CancellationToken cancellationToken);

    /// <returns>The user when they are an active agent or admin; null for anyone else.</returns>
    Task<DirectoryUser?> FindStaffAsync(long userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DirectoryUser>> ListAgentsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<HelpdeskGroup>> ListGroupsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<TicketListing>> ListTicketsAsync(int max, CancellationToken cancellationToken);

    /// <returns>null when the helpdesk has no such app, or signs no page loads.</returns>
    Task<string?> GetAppPublicKeyAsync(long appId, CancellationToken cancellationToken);
}
