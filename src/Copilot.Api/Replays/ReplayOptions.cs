using System.ComponentModel.DataAnnotations;

namespace Copilot.Api.Replays;

/// <summary>How replays of solved tickets run (the <c>Copilot:Replay</c> section).</summary>
public sealed class ReplayOptions
{
    public const string Section = "Copilot:Replay";

    /// <summary>
    /// The share of the helpdesk account's rate limit a replay may spend (its reads only: a replay never writes). Agents'
    /// calls are not held by it; once the replay has spent its share of a window, its own calls wait for the next one.
    /// </summary>
    [Range(0.01, 1.0)]
    public double HelpdeskShare { get; set; } = 0.25;

    /// <summary>Tickets worked on at once. Helpdesk reads stay within <see cref="HelpdeskShare"/> whatever this is.</summary>
    [Range(1, 16)]
    public int Concurrency { get; set; } = 2;

    /// <summary>The most tickets one run may replay.</summary>
    [Range(1, 100_000)]
    public int MaxTickets { get; set; } = 5_000;

    /// <summary>The most solved tickets a run lists from the helpdesk while choosing which to replay.</summary>
    [Range(1, 1_000_000)]
    public int MaxListed { get; set; } = 50_000;

    /// <summary>How far back a run without a start date looks for solved tickets.</summary>
    [Range(1, 3650)]
    public int DefaultDays { get; set; } = 90;

    /// <summary>
    /// A run whose process last showed signs of life longer ago than this is taken to have stopped (killed, crashed): it may
    /// be resumed by another process. The process running it says it is alive every third of this.
    /// </summary>
    [Range(1, 3600)]
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>The longest wait for the helpdesk (its 429, or the replay's spent share) before a ticket's read fails.</summary>
    [Range(1, 3600)]
    public int MaxHelpdeskWaitSeconds { get; set; } = 300;

    /// <summary>The largest JSONL upload the admin endpoint accepts, in MB.</summary>
    [Range(1, 1024)]
    public int MaxUploadMegabytes { get; set; } = 64;
}
