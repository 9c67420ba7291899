using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Options;
using Refit;

namespace Copilot.Connectors.Freshdesk;

/// <summary>
/// Binds the one Freshdesk transport to a tenant's connection: its base address and API key in front of the
/// shared handler chain (resilience pipeline per account, back-off and rate budget, pooled sockets). Clients
/// are cheap and made per use; what must last across requests (breaker, back-off, budget, the account's
/// agents and roles) lives in the transport and <see cref="FreshdeskAccountCache"/>, keyed by the account.
/// </summary>
public sealed class FreshdeskClientFactory(
    IHttpMessageHandlerFactory handlers, IOptions<FreshdeskClientOptions> options, FreshdeskAccountCache accounts, TimeProvider time) : IHelpdeskClientFactory
{
    /// <summary>The connection kind, and the named HttpClient every Freshdesk call goes through.</summary>
    public const string Kind = HelpdeskKinds.Freshdesk;

    public IHelpdeskClient Create(HelpdeskConnection connection) => For(connection);

    /// <summary>The tenant's client, with the directory calls too.</summary>
    public FreshdeskClient For(HelpdeskConnection connection)
    {
        var http = HelpdeskHttp.Client(handlers, Kind, "Freshdesk", connection, FreshdeskAuth.Header);
        return new FreshdeskClient(RestService.ForGenerated<IFreshdeskApi>(http, FreshdeskJson.Refit), connection, options.Value, accounts, time);
    }
}
