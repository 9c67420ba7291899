using System.Collections.Concurrent;
using System.Threading.Channels;
using Copilot.Api.Store;
using Dapper;

namespace Copilot.Api.Auth;

/// <summary>
/// Remembers the <c>jti</c> of every accepted token until it expires, in the store, so a token is
/// accepted once. Every proxy-signed request passes here, so the inserts are group-committed: one
/// writer inserts everything queued in a single transaction.
/// <para>
/// A token signed after this process started (allowing for clock skew) can only have been used here:
/// it is checked against the ids not yet written (in memory) and the store (one indexed read), and let
/// in while its row is written behind it. An older token, or one without <c>iat</c>, may have been used
/// by the process before this one, so it waits for its row as before; and when that process did not
/// stop cleanly (its last ids may be lost), such tokens are refused: the sidebar signs a new one.
/// SQLite belongs to one process, so no other instance accepts tokens meanwhile.
/// </para>
/// </summary>
public sealed partial class ReplayGuard : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private const int SweepEveryBatches = 500;

    /// <summary>Clock difference allowed between the signer and this process (as the token handler allows).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly Db _db;
    private readonly TimeProvider _time;
    private readonly ILogger<ReplayGuard> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<(string Tenant, string Jti), byte> _unwritten = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly DateTimeOffset _fastFrom;
    private readonly Task<bool> _previousStoppedCleanly;
    private readonly Task _writer;

    public ReplayGuard(Db db, TimeProvider time, ILogger<ReplayGuard> logger)
    {
        _db = db;
        _time = time;
        _logger = logger;
        _fastFrom = time.GetUtcNow() + ClockSkew;
        _previousStoppedCleanly = Task.Run(() => MarkRunningAsync(_stopping.Token));
        _writer = Task.Run(WriteLoopAsync);
    }

    private sealed record Pending(string Tenant, string Jti, long ExpiresAt, TaskCompletionSource<bool> Used);

    /// <returns>false when the token id was already used (or may have been, see the class).</returns>
    public Task<bool> TryUseAsync(string tenant, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        TryUseAsync(tenant, jti, expiresAt, issuedAt: null, cancellationToken);

    /// <returns>false when the token id was already used (or may have been, see the class).</returns>
    public async Task<bool> TryUseAsync(string tenant, string jti, DateTimeOffset expiresAt, DateTimeOffset? issuedAt, CancellationToken cancellationToken)
    {
        var key = (tenant, jti);
        if (!_unwritten.TryAdd(key, 0))
        {
            return false; // accepted a moment ago, not yet written
        }
        var pending = new Pending(tenant, jti, expiresAt.ToUnixTimeSeconds(), new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        var queued = false;
        try
        {
            if (issuedAt is { } signed && signed >= _fastFrom)
            {
                if (await UsedAsync(tenant, jti, cancellationToken))
                {
                    _unwritten.TryRemove(key, out _);
                    return false;
                }
                queued = Enqueue(pending);
                return true;
            }
            if (!await _previousStoppedCleanly.WaitAsync(cancellationToken))
            {
                Log.RefusedAfterUncleanStop(_logger, tenant);
                _unwritten.TryRemove(key, out _);
                return false;
            }
            queued = Enqueue(pending);
            return await pending.Used.Task.WaitAsync(cancellationToken);
        }
        catch
        {
            if (!queued)
            {
                _unwritten.TryRemove(key, out _); // a queued row removes its key once written
            }
            throw;
        }
    }

    private bool Enqueue(Pending pending) => _queue.Writer.TryWrite(pending) ? true : throw new ObjectDisposedException(nameof(ReplayGuard));

    private async Task<bool> UsedAsync(string tenant, string jti, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM token_jti WHERE tenant = @tenant AND jti = @jti", new { tenant, jti }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Reads whether the last process stopped cleanly, and records that this one is running.</summary>
    private Task<bool> MarkRunningAsync(CancellationToken cancellationToken) =>
        _db.WriteAsync(async connection =>
        {
            var clean = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT clean FROM replay_guard_state WHERE id = 1", cancellationToken: cancellationToken)) != 0;
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE replay_guard_state SET clean = 0, changed_at = @now WHERE id = 1",
                new { now = _time.GetUtcNow().ToUnixTimeSeconds() }, cancellationToken: cancellationToken));
            return clean;
        }, cancellationToken);

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        var batches = 0L;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping.Token))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }
                try
                {
                    var used = await InsertAsync(batch, ++batches % SweepEveryBatches == 0, _stopping.Token);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Used.TrySetResult(used[i]);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger.LogError(e, "Recording {Count} token ids failed", batch.Count);
                    batch.ForEach(p => p.Used.TrySetException(e));
                }
                finally
                {
                    // Written (or failed): from now on the store answers for these ids.
                    batch.ForEach(p => _unwritten.TryRemove((p.Tenant, p.Jti), out _));
                }
            }
            // Every accepted id is written: the next process may trust the store for older tokens.
            await _db.WriteAsync(connection => connection.ExecuteAsync(
                "UPDATE replay_guard_state SET clean = 1, changed_at = @now WHERE id = 1", new { now = _time.GetUtcNow().ToUnixTimeSeconds() }), _stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }
        batch.ForEach(p => p.Used.TrySetCanceled());
        while (_queue.Reader.TryRead(out var left))
        {
            left.Used.TrySetCanceled();
        }
    }

    private Task<bool[]> InsertAsync(List<Pending> batch, bool sweep, CancellationToken cancellationToken) =>
        _db.WriteAsync(async connection =>
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            if (sweep)
            {
                await connection.ExecuteAsync(new CommandDefinition("DELETE FROM token_jti WHERE expires_at < @now",
                    new { now = _time.GetUtcNow().ToUnixTimeSeconds() }, tx, cancellationToken: cancellationToken));
            }
            await using var insert = connection.CreateCommand();
            insert.Transaction = (Microsoft.Data.Sqlite.SqliteTransaction)tx;
            insert.CommandText = "INSERT INTO token_jti (tenant, jti, expires_at) VALUES ($tenant, $jti, $exp) ON CONFLICT DO NOTHING";
            var tenant = insert.Parameters.Add("$tenant", Microsoft.Data.Sqlite.SqliteType.Text);
            var jti = insert.Parameters.Add("$jti", Microsoft.Data.Sqlite.SqliteType.Text);
            var exp = insert.Parameters.Add("$exp", Microsoft.Data.Sqlite.SqliteType.Integer);
            var used = new bool[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                (tenant.Value, jti.Value, exp.Value) = (batch[i].Tenant, batch[i].Jti, batch[i].ExpiresAt);
                used[i] = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
            }
            await tx.CommitAsync(cancellationToken);
            return used;
        }, cancellationToken);

    /// <summary>Writes what is queued, records a clean stop, then stops (a stuck store is given up on after 10 s).</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        _stopping.CancelAfter(TimeSpan.FromSeconds(10));
        await ((Task)_previousStoppedCleanly).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Refused a token of tenant {Tenant} signed before this start: the previous process did not stop cleanly, so it may have used it")]
        public static partial void RefusedAfterUncleanStop(ILogger logger, string tenant);
    }
}
