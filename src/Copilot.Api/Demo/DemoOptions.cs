namespace Copilot.Api.Demo;

public sealed class DemoOptions
{
    public const string Section = "Copilot:Demo";

    /// <summary>The Zendesk demo's tenant (Lumora Home).</summary>
    public const string TenantId = "demo";

    /// <summary>The Freshdesk demo's tenant (Spokewise).</summary>
    public const string FreshdeskTenantId = "demo-freshdesk";

    /// <summary>Run the demo helpdesks. Unset: on exactly when no tenant is configured.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// What each demo tenant's signing secret is derived from (with its tenant id, so no two are alike), so sessions
    /// outlast a restart; a random secret per tenant and start when unset.
    /// </summary>
    public string? SharedSecret { get; set; }

    /// <summary>
    /// The demo tenants' webhook secret (<c>POST /api/webhooks/zendesk/demo</c> signed with it, and the secret header
    /// of the Freshdesk demo's); unset: their webhooks are refused.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Replay sample history so the demos' dashboards have analytics to show.</summary>
    public bool SeedAnalytics { get; set; } = true;
}
