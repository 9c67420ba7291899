using System.Net.Http.Headers;

namespace Copilot.Connectors.Helpdesk;

/// <summary>
/// The per-tenant end of a helpdesk transport: the tenant's base address and credentials in front of the
/// vendor's shared, pooled handler chain (resilience pipeline per account, back-off, sockets).
/// </summary>
internal static class HelpdeskHttp
{
    /// <param name="kind">The connection kind this vendor serves ("zendesk").</param>
    /// <param name="name">The vendor as people read it ("Zendesk").</param>
    /// <param name="auth">Builds the credentials header from the connection (throws when they are missing).</param>
    public static HttpClient Client(IHttpMessageHandlerFactory handlers, string kind, string name,
        HelpdeskConnection connection, Func<HelpdeskConnection, AuthenticationHeaderValue> auth)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!string.Equals(connection.Kind, kind, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"This factory connects to {name}, not to {connection.Kind}.", nameof(connection));
        }
        if (connection.BaseUrl.Scheme != Uri.UriSchemeHttps && !connection.BaseUrl.IsLoopback)
        {
            // Credentials travel in every request header: never in clear text over a network.
            throw new ArgumentException($"{name} must be reached over HTTPS (plain HTTP is allowed on loopback only).", nameof(connection));
        }
        // The pooled chain is owned by the handler factory: this client must not dispose it.
        return new HttpClient(new HelpdeskAuthHandler(connection, auth(connection), name) { InnerHandler = handlers.CreateHandler(kind) }, disposeHandler: false)
        {
            BaseAddress = connection.BaseUrl,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }
}
