using System.Net.Http.Headers;
using System.Text;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Zendesk;

/// <summary>Zendesk's two credential kinds: an API token (Basic "{email}/token:{token}") or an OAuth access token (Bearer).</summary>
public static class ZendeskAuth
{
    public static AuthenticationHeaderValue Header(HelpdeskConnection connection)
    {
        if (!string.IsNullOrEmpty(connection.OAuthToken))
        {
            return new AuthenticationHeaderValue("Bearer", connection.OAuthToken);
        }
        if (!string.IsNullOrEmpty(connection.Email) && !string.IsNullOrEmpty(connection.ApiToken))
        {
            var raw = Encoding.UTF8.GetBytes($"{connection.Email}/token:{connection.ApiToken}");
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
        }
        throw new ArgumentException("A Zendesk connection needs an OAuth token, or an email with an API token.", nameof(connection));
    }
}
