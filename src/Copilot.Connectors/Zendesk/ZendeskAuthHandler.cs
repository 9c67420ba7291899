using System.Net.Http.Headers;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Zendesk;

/// <summary>
/// Puts one tenant's Zendesk credentials on each request, and only on requests to that tenant's
/// own account, so they never travel anywhere else. Sits in front of the shared transport.
/// </summary>
internal sealed class ZendeskAuthHandler(HelpdeskConnection connection) : DelegatingHandler
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private readonly AuthenticationHeaderValue _auth = ZendeskAuth.Header(connection);
    private readonly string _account = HelpdeskBackoff.AccountOf(connection.BaseUrl);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri || !string.Equals(HelpdeskBackoff.AccountOf(uri), _account, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("Zendesk credentials go to the tenant's own Zendesk account only.");
        }
        request.Headers.Authorization = _auth;
        if (request.Headers.Accept.Count == 0)
        {
            request.Headers.Accept.Add(Json);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
