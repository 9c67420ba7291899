using System.ComponentModel.DataAnnotations;

namespace Copilot.Api.RateLimits;

/// <summary>
/// The <c>Copilot:RateLimits</c> section: how many requests that may call the model (draft, rewrite,
/// triage) one agent and one tenant may make per window. Past either, 429 with <c>Retry-After</c>.
/// </summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "Copilot:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Per verified agent (a sidebar session) and window. Proxy-signed calls, which prove no agent, count only towards the tenant.</summary>
    [Range(1, 1_000_000)]
    public int PerAgent { get; set; } = 30;

    /// <summary>Per tenant and window, all its agents together.</summary>
    [Range(1, 10_000_000)]
    public int PerTenant { get; set; } = 300;

    /// <summary>The window both counts start again after.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Window <= TimeSpan.Zero || Window > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult($"{Section}:Window must be longer than zero and at most a day, such as 00:01:00 (was {Window}).", [nameof(Window)]);
        }
    }
}
