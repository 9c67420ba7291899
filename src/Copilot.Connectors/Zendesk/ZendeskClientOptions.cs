namespace Copilot.Connectors.Zendesk;

/// <summary>
/// How patiently the copilot talks to Zendesk. One policy for every tenant; each tenant's account
/// gets its own breaker and back-off under it.
/// </summary>
public sealed class ZendeskClientOptions
{
    /// <summary>Most retries the policy allows, whatever is configured: Zendesk rate limits per account.</summary>
    public const int RetryCap = 5;

    /// <summary>Time allowed for one HTTP attempt, body included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for one call with all its retries and waits.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries after the first attempt on 5xx, 429, timeouts and network errors (0 to <see cref="RetryCap"/>).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The longest Retry-After we wait out inside a call; a longer one fails the call at once (and no call goes out until it passes).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First backoff delay; each retry doubles it, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Share of failed attempts (5xx, timeouts, network errors) in <see cref="BreakerSamplingDuration"/> that opens an account's breaker.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts an account must see in <see cref="BreakerSamplingDuration"/> before its breaker may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 6;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker keeps calls away from the account before one trial call.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Help Center locales to read when Zendesk does not list them (normally it does).</summary>
    public string FallbackLocale { get; set; } = "en-us";

    internal IEnumerable<string> Validate()
    {
        if (Timeout <= TimeSpan.Zero)
        {
            yield return "Zendesk Timeout must be positive.";
        }
        if (TotalTimeout < Timeout)
        {
            yield return "Zendesk TotalTimeout must be at least Timeout.";
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
        if (BreakerFailureRatio is <= 0 or > 1)
        {
            yield return "Zendesk BreakerFailureRatio must be above 0 and at most 1.";
        }
        if (BreakerMinimumThroughput < 2)
        {
            yield return "Zendesk BreakerMinimumThroughput must be at least 2.";
        }
        if (BreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            yield return "Zendesk BreakerSamplingDuration and BreakDuration must be at least 0.5 s.";
        }
        if (string.IsNullOrWhiteSpace(FallbackLocale))
        {
            yield return "Zendesk FallbackLocale is required.";
        }
    }
}
