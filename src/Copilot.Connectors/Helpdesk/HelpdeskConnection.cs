namespace Copilot.Connectors.Helpdesk;

/// <summary>How to reach one helpdesk account. Credentials never leave this record except in auth headers.</summary>
public sealed record HelpdeskConnection(
    string Kind,
    Uri BaseUrl,
    string? Email = null,
    string? ApiToken = null,
    string? OAuthToken = null,
    string? ApiKey = null)
{
    public override string ToString() => $"{Kind} at {BaseUrl}";
}

public interface IHelpdeskClientFactory
{
    IHelpdeskClient Create(HelpdeskConnection connection);
}
