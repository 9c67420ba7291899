using System.Text.Json;

namespace Copilot.Api.Replays;

/// <summary>Where a run is: choosing its tickets, replaying them, or ended (done, cancelled — resumable — or failed).</summary>
public static class ReplayStatus
{
    public const string Planning = "planning";
    public const string Running = "running";
    public const string Cancelled = "cancelled";
    public const string Done = "done";
    public const string Failed = "failed";
}

/// <summary>A replay run as stored: what was asked, where it is, and who runs it (the process that holds its lease).</summary>
public sealed record ReplayRun(
    string Id, string Tenant, string Source, ReplayRequest Request, string Status, int? Planned, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, DateTimeOffset? HeartbeatAt, string? Error)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool Ended => Status is ReplayStatus.Done or ReplayStatus.Failed;
}

/// <summary>How far a run has come: tickets done of those planned, how fast, and what is left.</summary>
/// <param name="Rate">Tickets a minute over the last minute of work (or since the run started, when shorter).</param>
public sealed record ReplayProgress(int Done, int? Planned, double Rate, double? SecondsLeft)
{
    public double? Share => Planned is > 0 ? Math.Round(Done / (double)Planned.Value, 4) : null;
}
