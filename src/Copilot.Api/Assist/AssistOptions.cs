using System.ComponentModel.DataAnnotations;

namespace Copilot.Api.Assist;

public sealed class AssistOptions
{
    public const string Section = "Copilot:Assist";

    /// <summary>How long a computed assist is kept when the sidebar does not say which comment it last saw.</summary>
    [Range(0, 24 * 60)]
    public int CacheMinutes { get; set; } = 10;

    /// <summary>
    /// How long an assist may take before the answer is the last one computed (marked stale), or a 503
    /// with Retry-After when there is none. The work goes on, so a retry finds it done.
    /// </summary>
    [Range(1, 120)]
    public double DeadlineSeconds { get; set; } = 8;

    /// <summary>How long the last computed assist is kept to be shown, marked stale, when the helpdesk cannot be read.</summary>
    [Range(0, 7 * 24 * 60)]
    public int StaleMinutes { get; set; } = 24 * 60;

    /// <summary>How many tickets' assists are kept in memory at most.</summary>
    [Range(10, 1_000_000)]
    public int CacheEntries { get; set; } = 5_000;

    /// <summary>Articles, macros and similar tickets shown per ticket.</summary>
    [Range(1, 10)]
    public int ResultsPerKind { get; set; } = 3;
}
