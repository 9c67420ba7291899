using System.Net.Http.Headers;

namespace Copilot.Connectors.Helpdesk;

/// <summary>
/// Puts one tenant's helpdesk credentials on each request, and only on requests to that tenant's
/// own account, so they never travel anywhere else. Sits in front of the shared transport.
/// </summary>
internal sealed class HelpdeskAuthHandler(HelpdeskConnection connection, AuthenticationHeaderValue auth, string name) : DelegatingHandler
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private readonly string _account = HelpdeskBackoff.AccountOf(connection.BaseUrl);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri || !string.Equals(HelpdeskBackoff.AccountOf(uri), _account, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{name} credentials go to the tenant's own {name} account only.");
        }
        request.Headers.Authorization = auth;
        if (request.Headers.Accept.Count == 0)
        {
            request.Headers.Accept.Add(Json);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
