using System.Threading.Channels;

namespace Copilot.Api.Store;

/// <summary>
/// Group commit: callers queue items, one writer takes everything queued (up to a batch's size) and
/// writes it in one transaction, then completes each item with its own result. A store that pays per
/// transaction (locks, the WAL append, statements run once per commit) then pays once per batch under
/// load, and nobody waits for a timer when there is no load.
/// <list type="bullet">
/// <item>An item's task completes only after its batch was written (<paramref name="write"/> returned,
/// so its transaction committed): whoever acknowledges an item after awaiting it never acknowledges
/// something that is not stored.</item>
/// <item>Items are written in the order they were queued; a batch holds what was queued while the
/// previous one was being written.</item>
/// <item>When a batch fails, every item of that batch fails with the same exception, and only those:
/// the next batch is written as usual.</item>
/// <item>Cancelling a caller's wait (<see cref="WriteAsync"/>) never withdraws its item: once queued it
/// is written with its batch, like the others, and its result is only unknown to that caller. Items
/// need a key that makes writing one twice harmless (an event id), so a retry finds what was written.</item>
/// <item>Disposing writes what is queued, giving up after <see cref="StopTimeout"/>; items left then
/// are cancelled.</item>
/// </list>
/// </summary>
/// <param name="write">Writes one batch in one transaction; returns one result per item, in order.</param>
public sealed class GroupCommit<TItem, TResult> : IAsyncDisposable
{
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> _write;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly int _maxBatch;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;
    private long _batches;
    private long _items;
    private volatile bool _failed;
    private int _queued;
    private volatile int _writing;
    private int _lastBatch;

    public GroupCommit(Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> write, ILogger logger,
        TimeProvider? time = null, int maxBatch = 512)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _write = write;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _maxBatch = maxBatch;
        _writer = Task.Run(WriteLoopAsync);
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);

    /// <summary>Batches and items written so far (failed batches not counted).</summary>
    public (long Batches, long Items) Written => (Interlocked.Read(ref _batches), Interlocked.Read(ref _items));

    /// <summary>Items queued for the next batch, and in the batch being written now.</summary>
    public (int Queued, int Writing) Backlog => (Volatile.Read(ref _queued), _writing);

    /// <summary>After <see cref="DisposeAsync"/>: every queued item was written (no batch failed, none was left).</summary>
    public bool WroteEverything { get; private set; }

    /// <summary>Queues the item.</summary>
    /// <returns>Completes with the item's result once its batch committed; fails with the batch's exception.</returns>
    /// <exception cref="ObjectDisposedException">The writer is stopping.</exception>
    public Task<TResult> Add(TItem item)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(pending))
        {
            Interlocked.Decrement(ref _queued);
            throw new ObjectDisposedException(nameof(GroupCommit<TItem, TResult>));
        }
        return pending.Done.Task;
    }

    /// <summary>Queues the item and waits for its batch; see the class for what cancelling the wait means.</summary>
    public Task<TResult> WriteAsync(TItem item, CancellationToken cancellationToken) => WaitAsync(Add(item), cancellationToken);

    /// <summary>Waits for an item queued with <see cref="Add"/>; see the class for what cancelling the wait means.</summary>
    public async Task<TResult> WaitAsync(Task<TResult> added, CancellationToken cancellationToken)
    {
        try
        {
            return await added.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Nobody awaits it any more: observe a later failure so it is not reported as unobserved.
            _ = added.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        var items = new List<TItem>(_maxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping.Token))
            {
                batch.Clear();
                items.Clear();
                Drain(batch, items);
                if (batch.Count < _maxBatch && _lastBatch > 1)
                {
                    // Under concurrent load, let the requests already running queue their items before this batch
                    // is written: one turn of the thread pool, never a timer, so an idle store still writes at once.
                    await Task.Yield();
                    Drain(batch, items);
                }
                _lastBatch = batch.Count;
                Interlocked.Add(ref _queued, -batch.Count);
                _writing = batch.Count;
                await WriteBatchAsync(batch, items);
                _writing = 0;
            }
            WroteEverything = !_failed;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        batch.ForEach(p => p.Done.TrySetCanceled());
        while (_queue.Reader.TryRead(out var left))
        {
            left.Done.TrySetCanceled();
        }
    }

    private void Drain(List<Pending> batch, List<TItem> items)
    {
        while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var next))
        {
            batch.Add(next);
            items.Add(next.Item);
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch, List<TItem> items)
    {
        IReadOnlyList<TResult> results;
        try
        {
            results = await _write(items, _stopping.Token);
            if (results.Count != batch.Count)
            {
                throw new InvalidOperationException($"The batch writer returned {results.Count} results for {batch.Count} items.");
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            _failed = true;
            _logger.LogError(e, "Writing a batch of {Count} items failed", batch.Count);
            batch.ForEach(p => p.Done.TrySetException(e));
            return;
        }
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _items, batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(results[i]);
        }
    }

    /// <summary>Writes what is queued, then stops (a stuck store is given up on after <see cref="StopTimeout"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_queue.Writer.TryComplete())
        {
            await _writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return;
        }
        await using var giveUp = _time.CreateTimer(_ => _stopping.Cancel(), null, StopTimeout, Timeout.InfiniteTimeSpan);
        await _writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
