using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Copilot.Connectors.Zendesk;

/// <summary>
/// Makes a <see cref="ZendeskClient"/> for one tenant's connection. The HttpClient comes from
/// the named client (pooled handlers); the resilience pipeline is built once and shared.
/// </summary>
public sealed class ZendeskClientFactory : IHelpdeskClientFactory
{
    public const string HttpClientName = "zendesk";

    private readonly IHttpClientFactory _http;
    private readonly ZendeskClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ZendeskClientFactory(IHttpClientFactory http, IOptions<ZendeskClientOptions> options, ILoggerFactory loggers, TimeProvider? time = null)
    {
        _http = http;
        _options = options.Value;
        _time = time ?? TimeProvider.System;
        _loggers = loggers;
        _pipeline = ZendeskResilience.Build(_options, _time, loggers.CreateLogger<ZendeskClient>());
    }

    public IHelpdeskClient Create(HelpdeskConnection connection)
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
        return new ZendeskClient(_http.CreateClient(HttpClientName), connection, _pipeline, _options, _time, _loggers.CreateLogger<ZendeskClient>());
    }
}
