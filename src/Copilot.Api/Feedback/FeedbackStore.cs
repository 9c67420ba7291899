using System.Globalization;
using Copilot.Api.Hosting;
using Copilot.Api.Store;
using Copilot.Api.Telemetry;
using System.Data.Common;

namespace Copilot.Api.Feedback;

public sealed record FeedbackEvent(
    string Tenant, string EventId, string SuggestionId, string? AgentId, string Outcome, string? FinalText,
    int? EditDistance, double? EditRatio, string? Reason, string? Comment, DateTimeOffset CreatedAt);

/// <summary>What became of an event: stored now, stored before (<see cref="Stored"/> is the earlier one), or not
/// stored because the tenant has no such suggestion (<see cref="Stored"/> is null).</summary>
public sealed record FeedbackAdded(FeedbackEvent? Stored, bool Duplicate);

/// <summary>
/// Writes feedback events. Every event runs the rollup triggers, so events from concurrent requests are
/// group-committed: one writer inserts what is queued in one transaction with statements prepared once
/// (<see cref="GroupCommit{TItem, TResult}"/>, <see cref="PreparedConnection"/>; on PostgreSQL one statement per batch,
/// <see cref="PostgresFeedbackBatch"/>), and a request is answered
/// only after its event's transaction committed. The insert checks that the suggestion is the tenant's, so a
/// request that needs nothing else of the suggestion reads nothing before it.
/// </summary>
public sealed class FeedbackStore : IAsyncDisposable
{
    internal const string Insert = """
        INSERT INTO feedback (tenant, event_id, suggestion_id, agent_id, outcome, final_text, edit_distance, edit_ratio, reason, comment, created_at)
        SELECT @tenant, @event_id, id, @agent_id, @outcome, @final_text, @edit_distance, @edit_ratio, @reason, @comment, @created_at
        FROM suggestions WHERE id = @suggestion_id AND tenant = @tenant
        ON CONFLICT (tenant, event_id) DO NOTHING
        """;

    private const string Existing = """
        SELECT suggestion_id, agent_id, outcome, final_text, edit_distance, edit_ratio, reason, comment, created_at
        FROM feedback WHERE tenant = @tenant AND event_id = @event_id
        """;

    private const string Known = "SELECT EXISTS (SELECT 1 FROM suggestions WHERE id = @suggestion_id AND tenant = @tenant)";

    private readonly PreparedConnection _writer;
    private readonly bool _postgres;
    private readonly GroupCommit<FeedbackEvent, FeedbackAdded> _commits;

    public FeedbackStore(Db db, TimeProvider time, ILogger<FeedbackStore> logger)
    {
        _postgres = db.Dialect.IsPostgres;
        _writer = new PreparedConnection(db, _postgres ? PostgresFeedbackBatch.Insert : Insert, Existing, Known);
        _commits = new(WriteAsync, logger, time);
    }

    /// <summary>The writer's queue and counts (benchmarks and tests read them).</summary>
    internal GroupCommit<FeedbackEvent, FeedbackAdded> Commits => _commits;

    /// <summary>
    /// Stores the event unless its id was seen before for this tenant or the tenant has no such suggestion;
    /// returns once it is committed.
    /// </summary>
    /// <exception cref="RetryLaterException">The transaction the event was written in failed: nothing of it was stored.</exception>
    public async Task<FeedbackAdded> AddAsync(FeedbackEvent e, CancellationToken cancellationToken)
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

    private async Task<IReadOnlyList<FeedbackAdded>> WriteAsync(IReadOnlyList<FeedbackEvent> batch, CancellationToken cancellationToken)
    {
        var added = await _writer.WriteAsync(async commands =>
        {
            var (insert, existing, known) = (commands[0], commands[1], commands[2]);
            var inserted = _postgres
                ? await PostgresFeedbackBatch.InsertAsync(insert, batch, cancellationToken)
                : await InsertEachAsync(insert, batch, cancellationToken);
            var written = new FeedbackAdded[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                written[i] = inserted[i]
                    ? new FeedbackAdded(batch[i], Duplicate: false)
                    : await NotInsertedAsync(existing, known, batch[i], cancellationToken);
            }
            return written;
        }, cancellationToken);
        foreach (var a in added)
        {
            if (a is { Stored: { } e, Duplicate: false })
            {
                CopilotTelemetry.FeedbackRecorded(e.Tenant, e.Outcome);
            }
        }
        return added;
    }

    /// <summary>SQLite: one prepared insert per event (in process, a statement costs no round trip); whether each was new.</summary>
    private static async Task<bool[]> InsertEachAsync(DbCommand insert, IReadOnlyList<FeedbackEvent> batch, CancellationToken cancellationToken)
    {
        var inserted = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var e = batch[i];
            insert.Set("@tenant", e.Tenant);
            insert.Set("@event_id", e.EventId);
            insert.Set("@suggestion_id", e.SuggestionId);
            insert.Set("@agent_id", e.AgentId);
            insert.Set("@outcome", e.Outcome);
            insert.Set("@final_text", e.FinalText);
            insert.Set("@edit_distance", e.EditDistance);
            insert.Set("@edit_ratio", e.EditRatio);
            insert.Set("@reason", e.Reason);
            insert.Set("@comment", e.Comment);
            insert.Set("@created_at", e.CreatedAt.UtcDateTime.ToString("O"));
            inserted[i] = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        return inserted;
    }

    /// <summary>An unknown suggestion comes first, as when it was looked up before the event was stored.</summary>
    private static async Task<FeedbackAdded> NotInsertedAsync(DbCommand existing, DbCommand known, FeedbackEvent e, CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(existing, e.Tenant, e.EventId, cancellationToken);
        if (stored?.SuggestionId == e.SuggestionId)
        {
            return new FeedbackAdded(stored, Duplicate: true);
        }
        known.Set("@suggestion_id", e.SuggestionId);
        known.Set("@tenant", e.Tenant);
        var suggestionKnown = Convert.ToBoolean(await known.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        // Known and not inserted: its event id is taken by another suggestion's event.
        return suggestionKnown && stored is not null ? new FeedbackAdded(stored, Duplicate: true) : new FeedbackAdded(null, Duplicate: false);
    }

    private static async Task<FeedbackEvent?> ReadAsync(DbCommand existing, string tenant, string eventId, CancellationToken cancellationToken)
    {
        existing.Set("@tenant", tenant);
        existing.Set("@event_id", eventId);
        await using var row = await existing.ExecuteReaderAsync(cancellationToken);
        if (!await row.ReadAsync(cancellationToken))
        {
            return null;
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
