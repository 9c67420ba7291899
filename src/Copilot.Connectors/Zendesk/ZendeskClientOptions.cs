namespace Copilot.Connectors.Zendesk;

/// <summary>How patiently the copilot talks to Zendesk. Shared by every tenant's client.</summary>
public sealed class ZendeskClientOptions
{
    /// <summary>Most retries the policy allows, whatever is configured: Zendesk rate limits per account.</summary>
    public const int RetryCap = 5;

    /// <summary>Time allowed for one HTTP attempt, body included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt on 5xx, 429, timeouts and network errors (0 to <see cref="RetryCap"/>).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The longest Retry-After we wait out; a longer one fails at once with a 429 HelpdeskException.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First backoff delay; each retry doubles it, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Help Center locales to read when Zendesk does not list them (normally it does).</summary>
    public string FallbackLocale { get; set; } = "en-us";

    internal IEnumerable<string> Validate()
    {
        if (Timeout <= TimeSpan.Zero)
        {
            yield return "Zendesk Timeout must be positive.";
        }
        if (MaxRetries is < 0 or > RetryCap)
        {
            yield return $"Zendesk MaxRetries must be between 0 and {RetryCap}.";
        }
        if (MaxRetryAfter < TimeSpan.Zero)
        {
            yield return "Zendesk MaxRetryAfter must not be negative.";
        }
        if (BaseDelay < TimeSpan.Zero)
        {
            yield return "Zendesk BaseDelay must not be negative.";
        }
        if (string.IsNullOrWhiteSpace(FallbackLocale))
        {
            yield return "Zendesk FallbackLocale is required.";
        }
    }
}
