namespace Copilot.Api.Demo;

public sealed class DemoOptions
{
    public const string Section = "Copilot:Demo";
    public const string TenantId = "demo";

    /// <summary>Run the demo helpdesk. Unset: on exactly when no tenant is configured.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The demo tenant's signing secret; a random one per start when unset.</summary>
    public string? SharedSecret { get; set; }

    /// <summary>The demo tenant's webhook signing secret (<c>POST /api/webhooks/zendesk/demo</c>); unset: its webhooks are refused.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Replay sample history so the demo's dashboard has analytics to show.</summary>
    public bool SeedAnalytics { get; set; } = true;
}
