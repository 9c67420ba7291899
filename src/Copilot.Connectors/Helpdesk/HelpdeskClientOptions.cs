namespace Copilot.Connectors.Helpdesk;

/// <summary>
/// How patiently the copilot talks to one helpdesk vendor: timeouts, retries, the breaker. One policy
/// per vendor for every tenant; each tenant's account gets its own breaker and back-off under it.
/// </summary>
public abstract class HelpdeskClientOptions
{
    /// <summary>Most retries the policy allows, whatever is configured: helpdesks rate-limit per account.</summary>
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

    /// <summary>The vendor's name as people read it ("Zendesk"), in messages.</summary>
    protected abstract string VendorName { get; }

    internal virtual IEnumerable<string> Validate()
    {
        var name = VendorName;
        if (Timeout <= TimeSpan.Zero)
        {
            yield return $"{name} Timeout must be positive.";
        }
        if (TotalTimeout < Timeout)
        {
            yield return $"{name} TotalTimeout must be at least Timeout.";
        }
        if (MaxRetries is < 0 or > RetryCap)
        {
            yield return $"{name} MaxRetries must be between 0 and {RetryCap}.";
        }
        if (MaxRetryAfter < TimeSpan.Zero)
        {
            yield return $"{name} MaxRetryAfter must not be negative.";
        }
        if (BaseDelay < TimeSpan.Zero)
        {
            yield return $"{name} BaseDelay must not be negative.";
        }
        if (BreakerFailureRatio is <= 0 or > 1)
        {
            yield return $"{name} BreakerFailureRatio must be above 0 and at most 1.";
        }
        if (BreakerMinimumThroughput < 2)
        {
            yield return $"{name} BreakerMinimumThroughput must be at least 2.";
        }
        if (BreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            yield return $"{name} BreakerSamplingDuration and BreakDuration must be at least 0.5 s.";
        }
    }
}

/// <summary>Start-up validation of a vendor's options (<see cref="HelpdeskClientOptions.Validate"/>).</summary>
internal sealed class HelpdeskOptionsValidator<TOptions> : Microsoft.Extensions.Options.IValidateOptions<TOptions>
    where TOptions : HelpdeskClientOptions
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
    }
}
