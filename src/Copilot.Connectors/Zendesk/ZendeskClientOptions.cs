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

/// <summary>
/// Zendesk's rate-limit headers. The copilot's own calls are not held by them (Zendesk answers 429 when the account
/// runs dry, and the back-off honours it); calls in a scope with a smaller share (<see cref="HelpdeskShare"/>: replays)
/// are kept within it.
/// </summary>
internal static class ZendeskRateLimit
{
    public const string Total = "X-Rate-Limit";
    public const string Remaining = "X-Rate-Limit-Remaining";

    public static HelpdeskRateBudget Budget(TimeProvider time) =>
        new(Total, Remaining, share: 1, TimeSpan.FromMinutes(1), time, holdsAccount: false);
}
