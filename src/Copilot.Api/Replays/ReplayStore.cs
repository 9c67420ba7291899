using System.Globalization;
using System.Text.Json;
using Copilot.Api.Replays.Sources;
using Copilot.Api.Store;
using Dapper;

namespace Copilot.Api.Replays;

/// <summary>
/// Replay runs and their tickets (<c>Migrations/090_replays.sql</c>). The tickets a run chose are stored before any is
/// replayed; each ticket's result is written once, in its own statement, so a run stopped at any point — cancelled,
/// killed — resumes with exactly the tickets that have no result yet.
/// </summary>
public sealed class ReplayStore(Db db, TimeProvider time)
{
    public Task CreateAsync(string id, string tenant, ReplayRequest request, CancellationToken cancellationToken) =>
        db.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO replay_runs (id, tenant, source, request_json, status, created_at) VALUES (@id, @tenant, @source, @json, @status, @now)",
            new { id, tenant, source = request.Source, json = JsonSerializer.Serialize(request, ReplayRun.Json), status = ReplayStatus.Planning, now = Now() },
            cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>Takes the run for <paramref name="owner"/> unless it has ended or another process is running it (its lease is fresh).</summary>
    public async Task<bool> ClaimAsync(string id, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        await db.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE replay_runs SET owner = @owner, heartbeat_at = @now, started_at = coalesce(started_at, @now), finished_at = NULL,
                status = CASE WHEN planned IS NULL THEN 'planning' ELSE 'running' END, error = NULL
            WHERE id = @id AND status <> 'done' AND (owner IS NULL OR owner = @owner OR heartbeat_at IS NULL OR heartbeat_at < @stale
                OR status = 'cancelled')
            """,
            new { id, owner, now = Now(), stale = Text(time.GetUtcNow() - lease) }, cancellationToken: cancellationToken)), cancellationToken) == 1;

    /// <returns>The run's status; null when <paramref name="owner"/> no longer holds it.</returns>
    public Task<string?> HeartbeatAsync(string id, string owner, CancellationToken cancellationToken) =>
        db.WriteAsync(async connection =>
        {
            var beat = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE replay_runs SET heartbeat_at = @now WHERE id = @id AND owner = @owner", new { id, owner, now = Now() },
                cancellationToken: cancellationToken));
            return beat == 0 ? null : await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT status FROM replay_runs WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        }, cancellationToken);

    /// <summary>Asks a run that is being worked on to stop; the process running it stops at its next heartbeat.</summary>
    /// <returns>False when the run was not planning or running.</returns>
    public async Task<bool> RequestCancelAsync(string id, CancellationToken cancellationToken) =>
        await db.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE replay_runs SET status = 'cancelled' WHERE id = @id AND status IN ('planning', 'running')", new { id },
            cancellationToken: cancellationToken)), cancellationToken) == 1;

    /// <summary>Stores the tickets the run chose, in order, and starts replaying them; all at once or not at all.</summary>
    public Task PlanAsync(string id, IReadOnlyList<ReplayCandidate> chosen, CancellationToken cancellationToken) =>
        db.WriteAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO replay_tickets (run_id, ticket_id, position, ticket_group, input_json) VALUES (@id, @TicketId, @Position, @Group, @Input)",
                chosen.Select((c, i) => new { id, TicketId = c.Id, Position = i, c.Group, c.Input }), transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE replay_runs SET planned = @planned, status = 'running' WHERE id = @id", new { id, planned = chosen.Count }, transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }, cancellationToken);

    /// <summary>The run's tickets without a result, in the order it chose them.</summary>
    public async Task<List<(string TicketId, string? Group, string? Input)>> PendingAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(string, string?, string?)>(new CommandDefinition(
            "SELECT ticket_id, ticket_group, input_json FROM replay_tickets WHERE run_id = @id AND result_json IS NULL ORDER BY position",
            new { id }, cancellationToken: cancellationToken))).ToList();
    }

    /// <returns>False when the ticket already had a result (it is never counted twice).</returns>
    public async Task<bool> CompleteAsync(string id, TicketResult result, CancellationToken cancellationToken) =>
        await db.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE replay_tickets SET result_json = @json, done_at = @now WHERE run_id = @id AND ticket_id = @ticket AND result_json IS NULL",
            new { id, ticket = result.TicketId, json = JsonSerializer.Serialize(result, ReplayRun.Json), now = Now() },
            cancellationToken: cancellationToken)), cancellationToken) == 1;

    public Task FinishAsync(string id, string status, string? error, CancellationToken cancellationToken) =>
        db.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE replay_runs SET status = @status, error = @error, finished_at = @now, owner = NULL WHERE id = @id",
            new { id, status, error, now = Now() }, cancellationToken: cancellationToken)), cancellationToken);

    public async Task<ReplayRun?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM replay_runs WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToRun();
    }

    /// <summary>The tenant's runs, newest first.</summary>
    public async Task<List<ReplayRun>> ListAsync(string tenant, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM replay_runs WHERE tenant = @tenant ORDER BY created_at DESC, id DESC LIMIT @limit",
            new { tenant, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRun()).ToList();
    }

    public async Task<ReplayProgress> ProgressAsync(ReplayRun run, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var now = time.GetUtcNow();
        var (done, recent) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            """
            SELECT count(result_json), coalesce(sum(CASE WHEN done_at >= @since THEN 1 ELSE 0 END), 0)
            FROM replay_tickets WHERE run_id = @id
            """,
            new { id = run.Id, since = Text(now.AddMinutes(-1)) }, cancellationToken: cancellationToken));
        var window = run.StartedAt is { } started ? Math.Clamp((now - started).TotalMinutes, 1.0 / 60, 1) : 1;
        // A run at work: its pace over the last minute. An ended one: over its last stretch of work.
        var rate = run.Status == ReplayStatus.Running ? recent / window
            : run is { StartedAt: { } from, FinishedAt: { } to } && to > from ? done / Math.Max((to - from).TotalMinutes, 1.0 / 60) : 0;
        double? left = run.Planned is { } planned && rate > 0 ? (planned - done) / rate * 60 : null;
        return new ReplayProgress((int)done, run.Planned, Math.Round(rate, 1), left is { } l ? Math.Round(l) : null);
    }

    /// <summary>Every ticket's result so far, in the order the run chose them.</summary>
    public async Task<List<TicketResult>> ResultsAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT result_json FROM replay_tickets WHERE run_id = @id AND result_json IS NOT NULL ORDER BY position",
            new { id }, cancellationToken: cancellationToken));
        return rows.Select(r => JsonSerializer.Deserialize<TicketResult>(r, ReplayRun.Json)!).ToList();
    }

    private const string Columns = """
        id AS Id, tenant AS Tenant, source AS Source, request_json AS RequestJson, status AS Status, planned AS Planned,
        created_at AS CreatedAt, started_at AS StartedAt, finished_at AS FinishedAt, heartbeat_at AS HeartbeatAt, error AS Error
        """;

    private string Now() => Text(time.GetUtcNow());

    private static string Text(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string Tenant { get; set; } = "";
        public string Source { get; set; } = "";
        public string RequestJson { get; set; } = "";
        public string Status { get; set; } = "";
        public long? Planned { get; set; }
        public string CreatedAt { get; set; } = "";
        public string? StartedAt { get; set; }
        public string? FinishedAt { get; set; }
        public string? HeartbeatAt { get; set; }
        public string? Error { get; set; }

        public ReplayRun ToRun() => new(Id, Tenant, Source, JsonSerializer.Deserialize<ReplayRequest>(RequestJson, ReplayRun.Json)!, Status,
            (int?)Planned, At(CreatedAt)!.Value, At(StartedAt), At(FinishedAt), At(HeartbeatAt), Error);

        private static DateTimeOffset? At(string? text) =>
            text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }
}
