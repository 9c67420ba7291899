using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Zendesk;

/// <summary>
/// <see cref="IHelpdeskDirectory"/> for Zendesk: the tenant's <see cref="ZendeskClient"/> answers, so
/// identity lookups share the transport, credentials, resilience and back-off of every other call.
/// </summary>
public sealed class ZendeskDirectory(ZendeskClientFactory clients) : IHelpdeskDirectory
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
        clients.For(connection).GetAppPublicKeyAsync(appId, cancellationToken);
}
