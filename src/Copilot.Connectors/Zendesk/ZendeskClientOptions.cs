using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Zendesk;

/// <summary>
/// How patiently the copilot talks to Zendesk (the <c>Copilot:Zendesk</c> section). One policy for every
/// tenant; each tenant's account gets its own breaker and back-off under it.
/// </summary>
public sealed class ZendeskClientOptions : HelpdeskClientOptions
{
    /// <summary>Help Center locales to read when Zendesk does not list them (normally it does).</summary>
    public string FallbackLocale { get; set; } = "en-us";

    protected override string VendorName => "Zendesk";

    internal override IEnumerable<string> Validate()
    {
        foreach (var failure in base.Validate())
        {
            yield return failure;
        }
        if (string.IsNullOrWhiteSpace(FallbackLocale))
        {
            yield return "Zendesk FallbackLocale is required.";
        }
    }
}
