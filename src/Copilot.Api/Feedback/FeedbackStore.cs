using System.Globalization;
using Copilot.Api.Hosting;
using Copilot.Api.Store;
using Copilot.Api.Telemetry;
using Microsoft.Data.Sqlite;

namespace Copilot.Api.Feedback;

public sealed record FeedbackEvent(
    string Tenant, string EventId, string SuggestionId, string? AgentId, string Outcome, string? FinalText,
    int? EditDistance, double? EditRatio, string? Reason, string? Comment, DateTimeOffset CreatedAt);

/// <summary>
/// Writes feedback events. Every event runs the rollup triggers, so events from concurrent requests are
/// group-committed: one writer inserts what is queued in one transaction with statements prepared once
/// (<see cref="GroupCommit{TItem, TResult}"/>, <see cref="PreparedConnection"/>), and a request is answered
/// only after its event's transaction committed.
/// </summary>
public sealed class FeedbackStore : IAsyncDisposable
{
    private const string Insert = """
        INSERT INTO feedback (tenant, event_id, suggestion_id, agent_id, outcome, final_text, edit_distance, edit_ratio, reason, comment, created_at)
        VALUES ($tenant, $event_id, $suggestion_id, $agent_id, $outcome, $final_text, $edit_distance, $edit_ratio, $reason, $comment, $created_at)
        ON CONFLICT (tenant, event_id) DO NOTHING
        """;

    private const string Existing = """
        SELECT suggestion_id, agent_id, outcome, final_text, edit_distance, edit_ratio, reason, comment, created_at
        FROM feedback WHERE tenant = $tenant AND event_id = $event_id
        """;

    private readonly PreparedConnection _writer;
    private readonly GroupCommit<FeedbackEvent, (FeedbackEvent Stored, bool Duplicate)> _commits;

    public FeedbackStore(Db db, TimeProvider time, ILogger<FeedbackStore> logger)
    {
        _writer = new PreparedConnection(db, Insert, Existing);
        _commits = new(WriteAsync, logger, time);
    }

    /// <summary>The writer's queue and counts (benchmarks and tests read them).</summary>
    internal GroupCommit<FeedbackEvent, (FeedbackEvent Stored, bool Duplicate)> Commits => _commits;

    /// <summary>
    /// Stores the event unless its id was seen before for this tenant; returns once it is committed.
    /// </summary>
    /// <returns>The stored event, and whether it was already there.</returns>
    /// <exception cref="RetryLaterException">The transaction the event was written in failed: nothing of it was stored.</exception>
    public async Task<(FeedbackEvent Stored, bool Duplicate)> AddAsync(FeedbackEvent e, CancellationToken cancellationToken)
    {
        try
        {
            return await _commits.WriteAsync(e, cancellationToken);
        }
        catch (Exception x) when (x is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new RetryLaterException("The feedback was not saved",
                "The store could not write it; nothing of it was kept", TimeSpan.FromSeconds(1));
        }
    }

    private async Task<IReadOnlyList<(FeedbackEvent, bool)>> WriteAsync(IReadOnlyList<FeedbackEvent> batch, CancellationToken cancellationToken)
    {
        var stored = await _writer.WriteAsync(async commands =>
        {
            var (insert, existing) = (commands[0], commands[1]);
            var written = new (FeedbackEvent, bool)[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var e = batch[i];
                insert.Set("$tenant", e.Tenant);
                insert.Set("$event_id", e.EventId);
                insert.Set("$suggestion_id", e.SuggestionId);
                insert.Set("$agent_id", e.AgentId);
                insert.Set("$outcome", e.Outcome);
                insert.Set("$final_text", e.FinalText);
                insert.Set("$edit_distance", e.EditDistance);
                insert.Set("$edit_ratio", e.EditRatio);
                insert.Set("$reason", e.Reason);
                insert.Set("$comment", e.Comment);
                insert.Set("$created_at", e.CreatedAt.UtcDateTime.ToString("O"));
                written[i] = await insert.ExecuteNonQueryAsync(cancellationToken) == 1
                    ? (e, false)
                    : (await ReadAsync(existing, e.Tenant, e.EventId, cancellationToken), true);
            }
            return written;
        }, cancellationToken);
        foreach (var (e, duplicate) in stored)
        {
            if (!duplicate)
            {
                CopilotTelemetry.FeedbackRecorded(e.Tenant, e.Outcome);
            }
        }
        return stored;
    }

    private static async Task<FeedbackEvent> ReadAsync(SqliteCommand existing, string tenant, string eventId, CancellationToken cancellationToken)
    {
        existing.Set("$tenant", tenant);
        existing.Set("$event_id", eventId);
        await using var row = await existing.ExecuteReaderAsync(cancellationToken);
        if (!await row.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"Feedback event '{eventId}' conflicted but is not stored.");
        }
        string? Text(int i) => row.IsDBNull(i) ? null : row.GetString(i);
        return new FeedbackEvent(tenant, eventId, row.GetString(0), Text(1), row.GetString(2), Text(3),
            row.IsDBNull(4) ? null : row.GetInt32(4), row.IsDBNull(5) ? null : row.GetDouble(5), Text(6), Text(7),
            DateTimeOffset.Parse(row.GetString(8), CultureInfo.InvariantCulture));
    }

    /// <summary>Writes what is queued, then closes the writer's connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _commits.DisposeAsync();
        await _writer.DisposeAsync();
    }
}
