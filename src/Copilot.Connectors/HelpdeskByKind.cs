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

/// <summary>
/// <see cref="IHelpdeskDirectory"/> by the connection's kind: the tenant's own client answers, so identity lookups share
/// the transport, credentials, resilience, back-off and budget of every other call to that helpdesk.
/// </summary>
public sealed class HelpdeskDirectories(ZendeskClientFactory zendesk, FreshdeskClientFactory freshdesk) : IHelpdeskDirectory
{
    public Task<DirectoryUser?> GetUserAsync(HelpdeskConnection connection, long userId, CancellationToken cancellationToken) =>
        For(connection).GetUserAsync(userId, cancellationToken);

    public Task<DirectoryUser?> FindStaffAsync(HelpdeskConnection connection, long userId, CancellationToken cancellationToken) =>
        For(connection).FindStaffAsync(userId, cancellationToken);

    public Task<IReadOnlyList<DirectoryUser>> ListAgentsAsync(HelpdeskConnection connection, CancellationToken cancellationToken) =>
        For(connection).ListAgentsAsync(cancellationToken);

    public Task<IReadOnlyList<HelpdeskGroup>> ListGroupsAsync(HelpdeskConnection connection, CancellationToken cancellationToken) =>
        For(connection).ListGroupsAsync(cancellationToken);

    public Task<IReadOnlyList<TicketListing>> ListTicketsAsync(HelpdeskConnection connection, int max, CancellationToken cancellationToken) =>
        For(connection).ListTicketsAsync(max, cancellationToken);

    public Task<string?> GetAppPublicKeyAsync(HelpdeskConnection connection, long appId, CancellationToken cancellationToken) =>
        For(connection).GetAppPublicKeyAsync(appId, cancellationToken);

    private IHelpdeskAccountDirectory For(HelpdeskConnection connection) =>
        HelpdeskByKind.Pick<Func<HelpdeskConnection, IHelpdeskAccountDirectory>>(connection, zendesk.For, freshdesk.For)(connection);
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
