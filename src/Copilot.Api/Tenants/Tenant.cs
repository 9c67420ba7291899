using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Tenants;

/// <summary>A configured helpdesk account, validated.</summary>
public sealed record Tenant(string Id, TenantOptions Options, HelpdeskConnection Connection, byte[] SigningKey)
{
    /// <summary>One key object per tenant: the token library caches its HMAC instances per key object.</summary>
    public Microsoft.IdentityModel.Tokens.SymmetricSecurityKey SecurityKey { get; } = new(SigningKey);

    /// <summary>What the tenant's helpdesk offers and how it names things: the one place features learn the difference.</summary>
    public HelpdeskCapabilities Helpdesk { get; } = HelpdeskCapabilities.Of(Connection);
}
