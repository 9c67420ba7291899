using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Options;
using Refit;

namespace Copilot.Connectors.Zendesk;

/// <summary>
/// Binds the one Zendesk transport to a tenant's connection: its base address and credentials in
/// front of the shared handler chain (resilience pipeline per account, back-off, pooled sockets).
/// Clients are cheap and made per use; what must last across requests (breaker, back-off) lives in
/// the transport, keyed by the account.
/// </summary>
public sealed class ZendeskClientFactory(IHttpMessageHandlerFactory handlers, IOptions<ZendeskClientOptions> options, TimeProvider time)
    : IHelpdeskClientFactory
{
    /// <summary>The connection kind, and the named HttpClient every Zendesk call goes through.</summary>
    public const string Kind = HelpdeskKinds.Zendesk;

    public IHelpdeskClient Create(HelpdeskConnection connection) => For(connection);

    /// <summary>The tenant's client, with the directory calls too.</summary>
    public ZendeskClient For(HelpdeskConnection connection)
    {
        var http = HelpdeskHttp.Client(handlers, Kind, "Zendesk", connection, ZendeskAuth.Header);
        return new ZendeskClient(RestService.ForGenerated<IZendeskApi>(http, ZendeskJson.Refit), connection, options.Value, time);
    }
}
