namespace Copilot.Api.Actions.Lookups;

/// <summary>
/// <c>Copilot:Actions</c>: per tenant, the hosts its lookups may call and the lookups themselves
/// (<c>Copilot:Actions:Tenants:{id}:Lookups:{name}</c>), checked at start-up by <see cref="LookupSettingsValidator"/>.
/// </summary>
public sealed class ActionsOptions
{
    public const string Section = "Copilot:Actions";

    public Dictionary<string, TenantActionsOptions> Tenants { get; set; } = new(StringComparer.Ordinal);

    public TenantActionsOptions For(string tenant) => Tenants.TryGetValue(tenant, out var o) ? o : Empty;

    private static readonly TenantActionsOptions Empty = new();
}

public sealed class TenantActionsOptions
{
    /// <summary>The only hosts this tenant's lookups may call (exact names; no wildcards).</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>The tenant's lookups by name (letters, digits and '-').</summary>
    public Dictionary<string, LookupOptions> Lookups { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// One HTTP endpoint an agent (or, when <see cref="PreApproved"/>, the model) may call to read something about the
/// ticket, such as an order's status in the shop. Only GET; redirects are never followed.
/// </summary>
public sealed class LookupOptions
{
    public const int MaxTimeoutSeconds = 30;

    /// <summary>What it reads, for the agent ("Order status in the web shop").</summary>
    public string? Description { get; set; }

    /// <summary>An absolute https URL (http only for loopback) with <c>{parameter}</c> placeholders, e.g. <c>https://shop.example/api/orders/{order}</c>.</summary>
    public string? Url { get; set; }

    /// <summary>Each placeholder of <see cref="Url"/> and the pattern that finds its value in the ticket (the first match).</summary>
    public Dictionary<string, string> Parameters { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The header that carries <see cref="Secret"/> (e.g. <c>X-Api-Key</c>); unset: no secret.</summary>
    public string? SecretHeader { get; set; }

    /// <summary>Sent only in <see cref="SecretHeader"/> to the lookup's own host; never logged, never returned by any API.</summary>
    public string? Secret { get; set; }

    /// <summary>The endpoint only reads. A lookup that does not may never be pre-approved.</summary>
    public bool ReadOnly { get; set; } = true;

    /// <summary>The admin lets it run without the agent's click: the model may call it while answering a question.</summary>
    public bool PreApproved { get; set; }

    public int TimeoutSeconds { get; set; } = 3;
}
