using System.Net.Http.Headers;
using System.Text;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Freshdesk;

/// <summary>Freshdesk's credentials: the API key as the Basic user name, with <c>X</c> as the password.</summary>
public static class FreshdeskAuth
{
    public static AuthenticationHeaderValue Header(HelpdeskConnection connection)
    {
        if (string.IsNullOrEmpty(connection.ApiKey))
        {
            throw new ArgumentException("A Freshdesk connection needs an API key.", nameof(connection));
        }
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{connection.ApiKey}:X")));
    }
}
