using System.ComponentModel.DataAnnotations;

namespace Copilot.Api.Assist;

public sealed class AssistOptions
{
    public const string Section = "Copilot:Assist";

    /// <summary>How long a computed assist is kept when the sidebar does not say which comment it last saw.</summary>
    [Range(0, 24 * 60)]
    public int CacheMinutes { get; set; } = 10;

    /// <summary>How many tickets' assists are kept in memory at most.</summary>
    [Range(10, 1_000_000)]
    public int CacheEntries { get; set; } = 5_000;

    /// <summary>Articles, macros and similar tickets shown per ticket.</summary>
    [Range(1, 10)]
    public int ResultsPerKind { get; set; } = 3;
}
