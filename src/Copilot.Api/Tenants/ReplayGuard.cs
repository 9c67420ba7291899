using System.Threading.Channels;
using Copilot.Api.Store;
using Dapper;

namespace Copilot.Api.Tenants;

/// <summary>
/// Remembers the <c>jti</c> of every accepted token until it expires, in the store, so a
/// token replayed to any instance is refused. Every sidebar request passes here, so the
/// inserts are group-committed: requests queue their token id, one writer inserts everything
/// queued in a single transaction, and each request gets its own row's answer. A request
/// still waits for its row to be written before it is let in.
/// </summary>
public sealed class ReplayGuard : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private const int SweepEveryBatches = 500;

    private readonly Db _db;
    private readonly TimeProvider _time;
    private readonly ILogger<ReplayGuard> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;

    public ReplayGuard(Db db, TimeProvider time, ILogger<ReplayGuard> logger)
    {
        _db = db;
        _time = time;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    private sealed record Pending(string Tenant, string Jti, long ExpiresAt, TaskCompletionSource<bool> Used);

    /// <returns>false when the token id was already used.</returns>
    public async Task<bool> TryUseAsync(string tenant, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var pending = new Pending(tenant, jti, expiresAt.ToUnixTimeSeconds(), new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(ReplayGuard));
        }
        return await pending.Used.Task.WaitAsync(cancellationToken);
    }

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
            }
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

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }
}
