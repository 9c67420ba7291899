using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Freshdesk;

/// <summary>
/// <see cref="IHelpdeskDirectory"/> for Freshdesk: the tenant's <see cref="FreshdeskClient"/> answers, so identity
/// lookups share the transport, credentials, resilience, back-off and budget of every other call. Freshdesk signs
/// no page loads: there is no app key to fetch.
/// </summary>
public sealed class FreshdeskDirectory(FreshdeskClientFactory clients) : IHelpdeskDirectory
{
    public Task<DirectoryUser?> GetUserAsync(HelpdeskConnection connection, long userId, CancellationToken cancellationToken) =>
        clients.For(connection).GetUserAsync(userId, cancellationToken);

    public Task<IReadOnlyList<DirectoryUser>> ListAgentsAsync(HelpdeskConnection connection, CancellationToken cancellationToken) =>
        clients.For(connection).ListAgentsAsync(cancellationToken);

    public Task<IReadOnlyList<HelpdeskGroup>> ListGroupsAsync(HelpdeskConnection connection, CancellationToken cancellationToken) =>
        clients.For(connection).ListGroupsAsync(cancellationToken);

    public Task<IReadOnlyList<TicketListing>> ListTicketsAsync(HelpdeskConnection connection, int max, CancellationToken cancellationToken) =>
        clients.For(connection).ListTicketsAsync(max, cancellationToken);

    public Task<string?> GetAppPublicKeyAsync(HelpdeskConnection connection, long appId, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
