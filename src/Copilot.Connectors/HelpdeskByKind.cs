using Copilot.Connectors.Freshdesk;
using Copilot.Connectors.Helpdesk;
using Copilot.Connectors.Zendesk;

namespace Copilot.Connectors;

/// <summary>
/// The one place that picks a tenant's connector: by its connection's kind, Zendesk or Freshdesk.
/// Features ask <see cref="IHelpdeskClientFactory"/> and never learn which helpdesk answers.
/// </summary>
public sealed class HelpdeskClients(ZendeskClientFactory zendesk, FreshdeskClientFactory freshdesk) : IHelpdeskClientFactory
{
    public IHelpdeskClient Create(HelpdeskConnection connection) => HelpdeskByKind.Pick<IHelpdeskClientFactory>(connection, zendesk, freshdesk).Create(connection);
}

/// <summary>The tenant's <see cref="IHelpdeskDirectory"/>, by its connection's kind.</summary>
public sealed class HelpdeskDirectories(ZendeskDirectory zendesk, FreshdeskDirectory freshdesk) : IHelpdeskDirectory
{
    public Task<DirectoryUser?> GetUserAsync(HelpdeskConnection connection, long userId, CancellationToken cancellationToken) =>
        For(connection).GetUserAsync(connection, userId, cancellationToken);

    public Task<IReadOnlyList<DirectoryUser>> ListAgentsAsync(HelpdeskConnection connection, CancellationToken cancellationToken) =>
        For(connection).ListAgentsAsync(connection, cancellationToken);

    public Task<IReadOnlyList<HelpdeskGroup>> ListGroupsAsync(HelpdeskConnection connection, CancellationToken cancellationToken) =>
        For(connection).ListGroupsAsync(connection, cancellationToken);

    public Task<IReadOnlyList<TicketListing>> ListTicketsAsync(HelpdeskConnection connection, int max, CancellationToken cancellationToken) =>
        For(connection).ListTicketsAsync(connection, max, cancellationToken);

    public Task<string?> GetAppPublicKeyAsync(HelpdeskConnection connection, long appId, CancellationToken cancellationToken) =>
        For(connection).GetAppPublicKeyAsync(connection, appId, cancellationToken);

    private IHelpdeskDirectory For(HelpdeskConnection connection) => HelpdeskByKind.Pick<IHelpdeskDirectory>(connection, zendesk, freshdesk);
}

internal static class HelpdeskByKind
{
    public static T Pick<T>(HelpdeskConnection connection, T zendesk, T freshdesk)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Kind.ToLowerInvariant() switch
        {
            HelpdeskKinds.Zendesk => zendesk,
            HelpdeskKinds.Freshdesk => freshdesk,
            _ => throw new ArgumentException($"No connector for helpdesk '{connection.Kind}': use {string.Join(" or ", HelpdeskKinds.All)}.", nameof(connection)),
        };
    }
}
