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
public sealed class ZendeskClientFactory : IHelpdeskClientFactory
{
    /// <summary>The named HttpClient every Zendesk call goes through.</summary>
    public const string HttpClientName = "zendesk";

    private readonly IHttpMessageHandlerFactory _handlers;
    private readonly ZendeskClientOptions _options;
    private readonly TimeProvider _time;

    public ZendeskClientFactory(IHttpMessageHandlerFactory handlers, IOptions<ZendeskClientOptions> options, TimeProvider time)
    {
        _handlers = handlers;
        _options = options.Value;
        _time = time;
    }

    public IHelpdeskClient Create(HelpdeskConnection connection) => For(connection);

    /// <summary>The tenant's client, with the directory calls too.</summary>
    public ZendeskClient For(HelpdeskConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!string.Equals(connection.Kind, ZendeskTransport.Kind, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"This factory connects to Zendesk, not to {connection.Kind}.", nameof(connection));
        }
        if (connection.BaseUrl.Scheme != Uri.UriSchemeHttps && !connection.BaseUrl.IsLoopback)
        {
            // Credentials travel in every request header: never in clear text over a network.
            throw new ArgumentException("Zendesk must be reached over HTTPS (plain HTTP is allowed on loopback only).", nameof(connection));
        }
        // The pooled chain is owned by the factory: this client must not dispose it.
        var http = new HttpClient(new ZendeskAuthHandler(connection) { InnerHandler = _handlers.CreateHandler(HttpClientName) }, disposeHandler: false)
        {
            BaseAddress = connection.BaseUrl,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        return new ZendeskClient(RestService.ForGenerated<IZendeskApi>(http, ZendeskJson.Refit), connection, _options, _time);
    }
}
