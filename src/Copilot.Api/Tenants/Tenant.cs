using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Tenants;

/// <summary>A configured helpdesk account, validated.</summary>
public sealed record Tenant(string Id, TenantOptions Options, HelpdeskConnection Connection, byte[] SigningKey);
