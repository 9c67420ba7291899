using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Freshdesk;

/// <summary>
/// How patiently the copilot talks to Freshdesk (the <c>Copilot:Freshdesk</c> section), and how much of each
/// account's rate limit it may spend. One policy for every tenant; each account gets its own breaker,
/// back-off and budget under it.
/// </summary>
public sealed class FreshdeskClientOptions : HelpdeskClientOptions
{
    /// <summary>
    /// The share of the account's per-minute rate limit (<c>X-RateLimit-Total</c>) the copilot may use; once
    /// <c>X-RateLimit-Remaining</c> falls to the rest, no call goes out until the window has passed.
    /// </summary>
    public double RateLimitShare { get; set; } = 0.5;

    /// <summary>Freshdesk's rate-limit window.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest hold a bulk read (knowledge sync, canned responses, solved tickets) waits out before it goes
    /// on; a longer one fails it. Reads for an agent never wait: they fail at once with the time left.
    /// </summary>
    public TimeSpan BulkMaxWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The last page of the ticket list Freshdesk answers (300); an export past it goes on from the last change read.</summary>
    internal int MaxTicketListPage { get; set; } = 300;

    /// <summary>How long an account's agents and roles are kept before they are read again.</summary>
    public TimeSpan DirectoryCacheDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The solutions' language when the account's settings name none.</summary>
    public string FallbackLanguage { get; set; } = "en";

    protected override string VendorName => "Freshdesk";

    internal override IEnumerable<string> Validate()
    {
        foreach (var failure in base.Validate())
        {
            yield return failure;
        }
        if (RateLimitShare is <= 0 or > 1 || double.IsNaN(RateLimitShare))
        {
            yield return "Freshdesk RateLimitShare must be above 0 and at most 1.";
        }
        if (RateLimitWindow < TimeSpan.FromSeconds(1))
        {
            yield return "Freshdesk RateLimitWindow must be at least 1 s.";
        }
        if (BulkMaxWait < TimeSpan.Zero)
        {
            yield return "Freshdesk BulkMaxWait must not be negative.";
        }
        if (DirectoryCacheDuration <= TimeSpan.Zero)
        {
            yield return "Freshdesk DirectoryCacheDuration must be positive.";
        }
        if (string.IsNullOrWhiteSpace(FallbackLanguage))
        {
            yield return "Freshdesk FallbackLanguage is required.";
        }
    }
}

/// <summary>Freshdesk's rate-limit headers, read by the copilot's budget for each account.</summary>
internal static class FreshdeskRateLimit
{
    public const string Total = "X-RateLimit-Total";
    public const string Remaining = "X-RateLimit-Remaining";

    public static HelpdeskRateBudget Budget(FreshdeskClientOptions options, TimeProvider time) =>
        new(Total, Remaining, options.RateLimitShare, options.RateLimitWindow, time, Credits);

    /// <summary>
    /// What a call costs of the limit: one credit, and for each resource it embeds one more on a single ticket
    /// (<c>tickets/{id}?include=requester</c>: two) and two more on the ticket list (<c>tickets?include=requester,description</c>: five).
    /// </summary>
    public static int Credits(HttpRequestMessage request)
    {
        var include = System.Web.HttpUtility.ParseQueryString(request.RequestUri?.Query ?? "")["include"];
        var embedded = include?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length ?? 0;
        var list = request.RequestUri?.AbsolutePath.TrimEnd('/').EndsWith("/api/v2/tickets", StringComparison.OrdinalIgnoreCase) == true;
        return 1 + embedded * (list ? 2 : 1);
    }
}
