using System.ComponentModel.DataAnnotations;

namespace Copilot.Api.Analytics;

/// <summary>The <c>Copilot:Analytics</c> section: how analytics values time saved and finds knowledge gaps.</summary>
public sealed class AnalyticsOptions : IValidatableObject
{
    public const string Section = "Copilot:Analytics";

    /// <summary>
    /// Minutes an agent saves per suggestion accepted as-is, by kind. Configuration adds to or
    /// overrides these defaults (e.g. <c>Copilot:Analytics:MinutesSavedPerAccepted:draft = 5</c>).
    /// </summary>
    public Dictionary<string, double> MinutesSavedPerAccepted { get; set; } = new(StringComparer.Ordinal)
    {
        ["draft"] = 4,
        ["summary"] = 2,
        ["articles"] = 1.5,
        ["macros"] = 1,
        ["similar-tickets"] = 1,
        ["handoff"] = 1,
        ["rewrite"] = 1,
        ["triage"] = 0.5,
        ["answer"] = 2,
        ["procedure"] = 0,
        ["action"] = 0.5,
    };

    /// <summary>Share of those minutes an edited (accepted after edits) suggestion saves, 0..1.</summary>
    [Range(0.0, 1.0)]
    public double EditedSavingsFactor { get; set; } = 0.5;

    /// <summary>A ticket whose best knowledge match scored below this is a knowledge gap.</summary>
    [Range(0.0, double.MaxValue)]
    public double GapScoreThreshold { get; set; } = 2.0;

    /// <summary>Longest period a query may cover, in days.</summary>
    [Range(1, 3660)]
    public int MaxPeriodDays { get; set; } = 366;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (kind, minutes) in MinutesSavedPerAccepted)
        {
            if (minutes < 0 || double.IsNaN(minutes) || double.IsInfinity(minutes))
            {
                yield return new ValidationResult($"{Section}:MinutesSavedPerAccepted:{kind} must be a non-negative number.", [nameof(MinutesSavedPerAccepted)]);
            }
        }
    }
}
