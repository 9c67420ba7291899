using System.Collections.Concurrent;
using Copilot.Api.Store;
using Dapper;

namespace Copilot.Api.Auth;

/// <summary>
/// Remembers the <c>jti</c> of every accepted token until it expires, in the store, so a token is
/// accepted once. Every proxy-signed request passes here, so the inserts are group-committed: one
/// writer inserts everything queued in a single transaction (<see cref="GroupCommit{TItem, TResult}"/>).
/// <para>
/// A token signed after this process started (allowing for clock skew) can only have been used here, since
/// no process accepts a token signed more than the skew ahead of its clock (<see cref="ProxyTokenHandler"/>):
/// it is checked against the ids this process accepted, kept in memory until they expire, and let in while
/// its row is written behind it. Past <see cref="MaxRemembered"/> ids the oldest are forgotten, and tokens
/// signed up to the last one forgotten are checked against the store instead (one indexed read). An older token, or one without <c>iat</c>, may have been used
/// by the process before this one, so it waits for its row as before; and when that process did not
/// stop cleanly (its last ids may be lost, or a batch of them failed to be written), such tokens are
/// refused: the sidebar signs a new one.
/// SQLite belongs to one process, so no other instance accepts tokens meanwhile. A PostgreSQL store is shared by
/// instances that each accept tokens: there every token waits for its row, and the insert that finds the row already
/// there is the refusal, whichever instance wrote it.
/// </para>
/// <para>
/// With a Redis configured, several instances accept tokens, so none may answer from its own memory: an id is claimed in
/// Redis (<see cref="SharedTokenIds"/>), which every instance asks, so a replay is refused without a store round trip; an
/// id Redis let in waits for its row all the same, so the store holds every id accepted anywhere before its request
/// runs. While Redis is away, or for a token Redis may not have seen (used before Redis held every id), the store's
/// unique key answers, as it does for every instance sharing it. The clean-stop record belongs to one process and is not
/// used then.
/// </para>
/// </summary>
public sealed partial class ReplayGuard : IAsyncDisposable
{
    private const int SweepEveryBatches = 500;

    /// <summary>Ids accepted since the start kept in memory (about 150 bytes each); beyond this the store answers for the oldest.</summary>
    public const int MaxRemembered = 200_000;

    /// <summary>Clock difference allowed between the signer and this process (as the token handler allows).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly Db _db;
    private readonly TimeProvider _time;
    private readonly ILogger<ReplayGuard> _logger;
    private readonly PreparedConnection _writer;
    private readonly GroupCommit<Pending, bool> _commits;
    private readonly ConcurrentDictionary<(string Tenant, string Jti), byte> _unwritten = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly DateTimeOffset _fastFrom;
    private readonly Task<bool> _previousStoppedCleanly;
    private readonly SharedTokenIds? _shared;
    private long _batches;

    // Ids accepted on the fast path, in the order accepted: every such token signed after _rememberedFrom is in _accepted.
    private readonly HashSet<(string Tenant, string Jti)> _accepted = [];
    private readonly Queue<(string Tenant, string Jti, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)> _acceptedOrder = new();
    private readonly int _maxRemembered;
    private DateTimeOffset _rememberedFrom;

    public ReplayGuard(Db db, TimeProvider time, ILogger<ReplayGuard> logger) : this(db, time, logger, MaxRemembered)
    {
    }

    public ReplayGuard(Db db, TimeProvider time, ILogger<ReplayGuard> logger, SharedTokenIds shared) : this(db, time, logger, MaxRemembered, shared)
    {
    }

    internal ReplayGuard(Db db, TimeProvider time, ILogger<ReplayGuard> logger, int maxRemembered, SharedTokenIds? shared = null)
    {
        _shared = shared is { Configured: true } ? shared : null;
        _maxRemembered = maxRemembered;
        _db = db;
        _time = time;
        _logger = logger;
        _fastFrom = time.GetUtcNow() + ClockSkew;
        _rememberedFrom = _fastFrom;
        _previousStoppedCleanly = _shared is null ? Task.Run(() => MarkRunningAsync(_stopping.Token)) : Task.FromResult(true);
        _writer = new PreparedConnection(db,
            "INSERT INTO token_jti (tenant, jti, expires_at) VALUES (@tenant, @jti, @exp) ON CONFLICT DO NOTHING",
            "DELETE FROM token_jti WHERE expires_at < @now");
        _commits = new GroupCommit<Pending, bool>(InsertAsync, logger, time);
    }

    private sealed record Pending(string Tenant, string Jti, long ExpiresAt);

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
        var pending = new Pending(tenant, jti, expiresAt.ToUnixTimeSeconds());
        Task<bool>? queued = null;
        try
        {
            if (_shared is not null)
            {
                // The earliest moment the token could have been used anywhere: signed (less the skew), or its lifetime's start.
                var earliest = (issuedAt ?? expiresAt - ProxyTokenHandler.MaxLifetime) - ClockSkew;
                var claimed = await _shared.ClaimAsync(tenant, jti, expiresAt, earliest);
                if (claimed == false)
                {
                    _unwritten.TryRemove(key, out _);
                    return false;
                }
                // The row is committed before the request goes on, even when Redis took the claim: an instance that cannot
                // reach Redis asks the store, which then already holds every id any instance accepted.
                queued = _commits.Add(pending);
                return await _commits.WaitAsync(queued, cancellationToken);
            }
            if (_db.Shared)
            {
                queued = _commits.Add(pending);
                return await _commits.WaitAsync(queued, cancellationToken);
            }
            if (issuedAt is { } signed && signed >= _fastFrom && signed <= _time.GetUtcNow() + ClockSkew)
            {
                if (Remember(key, signed, expiresAt) is { } known)
                {
                    if (!known)
                    {
                        _unwritten.TryRemove(key, out _);
                        return false;
                    }
                    queued = _commits.Add(pending);
                    return true;
                }
                if (await UsedAsync(tenant, jti, cancellationToken))
                {
                    _unwritten.TryRemove(key, out _);
                    return false;
                }
                queued = _commits.Add(pending);
                return true;
            }
            if (!await _previousStoppedCleanly.WaitAsync(cancellationToken))
            {
                Log.RefusedAfterUncleanStop(_logger, tenant);
                _unwritten.TryRemove(key, out _);
                return false;
            }
            queued = _commits.Add(pending);
            return await _commits.WaitAsync(queued, cancellationToken);
        }
        catch
        {
            if (queued is null)
            {
                _unwritten.TryRemove(key, out _); // a queued row removes its key once written
            }
            throw;
        }
    }

    /// <summary>
    /// Answers from memory for a token signed after the oldest id still remembered: true (and remembered from now on)
    /// when this process never accepted its id, false when it did; null when memory cannot tell (the store can).
    /// </summary>
    private bool? Remember((string Tenant, string Jti) key, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        lock (_acceptedOrder)
        {
            if (issuedAt < _rememberedFrom)
            {
                return null;
            }
            if (!_accepted.Add(key))
            {
                return false;
            }
            _acceptedOrder.Enqueue((key.Tenant, key.Jti, issuedAt, expiresAt));
            var now = _time.GetUtcNow();
            while (_acceptedOrder.TryPeek(out var oldest) && (oldest.ExpiresAt < now - ClockSkew || _acceptedOrder.Count > _maxRemembered))
            {
                _acceptedOrder.Dequeue();
                _accepted.Remove((oldest.Tenant, oldest.Jti));
                if (oldest.ExpiresAt >= now - ClockSkew && oldest.IssuedAt >= _rememberedFrom)
                {
                    // Forgotten while it could still be presented: tokens signed up to it are asked of the store.
                    _rememberedFrom = oldest.IssuedAt.AddTicks(1);
                }
            }
            return true;
        }
    }

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

    /// <returns>Per id, whether it was new.</returns>
    private async Task<IReadOnlyList<bool>> InsertAsync(IReadOnlyList<Pending> batch, CancellationToken cancellationToken)
    {
        try
        {
            return await _writer.WriteAsync(async commands =>
            {
                var (insert, sweep) = (commands[0], commands[1]);
                if (++_batches % SweepEveryBatches == 0)
                {
                    sweep.Set("@now", _time.GetUtcNow().ToUnixTimeSeconds());
                    await sweep.ExecuteNonQueryAsync(cancellationToken);
                }
                var used = new bool[batch.Count];
                for (var i = 0; i < batch.Count; i++)
                {
                    insert.Set("@tenant", batch[i].Tenant);
                    insert.Set("@jti", batch[i].Jti);
                    insert.Set("@exp", batch[i].ExpiresAt);
                    used[i] = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
                }
                return used;
            }, cancellationToken);
        }
        finally
        {
            // Written (or failed): from now on the store answers for these ids.
            foreach (var p in batch)
            {
                _unwritten.TryRemove((p.Tenant, p.Jti), out _);
            }
        }
    }

    /// <summary>
    /// Writes what is queued and, when every accepted id was written, records a clean stop: the next process
    /// may then trust the store for older tokens. A stuck store is given up on after 10 s.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _commits.DisposeAsync();
        await _writer.DisposeAsync();
        _stopping.CancelAfter(GroupCommit<Pending, bool>.StopTimeout);
        if (_shared is not null)
        {
            return;
        }
        try
        {
            await ((Task)_previousStoppedCleanly).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (_commits.WroteEverything)
            {
                await _db.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE replay_guard_state SET clean = 1, changed_at = @now WHERE id = 1",
                    new { now = _time.GetUtcNow().ToUnixTimeSeconds() }, cancellationToken: _stopping.Token)), _stopping.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or System.Data.Common.DbException)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Refused a token of tenant {Tenant} signed before this start: the previous process did not stop cleanly, so it may have used it")]
        public static partial void RefusedAfterUncleanStop(ILogger logger, string tenant);
    }
}
