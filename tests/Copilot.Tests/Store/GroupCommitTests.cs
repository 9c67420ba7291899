using Copilot.Api.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Copilot.Tests.Store;

public sealed class GroupCommitTests
{
    /// <summary>A batch writer that holds its first batch until released, and records every batch it was given.</summary>
    private sealed class HeldWriter
    {
        public List<int[]> Batches { get; } = [];
        public TaskCompletionSource FirstBatch { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Func<IReadOnlyList<int>, Exception?> Fails { get; init; } = _ => null;

        public async Task<IReadOnlyList<int>> WriteAsync(IReadOnlyList<int> batch, CancellationToken cancellationToken)
        {
            Batches.Add([.. batch]);
            FirstBatch.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return Fails(batch) is { } failure ? throw failure : batch.Select(i => i * 10).ToList();
        }
    }

    private static GroupCommit<int, int> Start(HeldWriter writer, int maxBatch = 512, TimeProvider? time = null) =>
        new(writer.WriteAsync, NullLogger.Instance, time, maxBatch);

    [Fact]
    public async Task ItemsQueuedWhileABatchIsWrittenGoInTheNextInOrderAndEachCallerGetsItsOwnResult()
    {
        var writer = new HeldWriter();
        await using var commits = Start(writer);

        var first = commits.Add(0);
        await writer.FirstBatch.Task;
        var rest = Enumerable.Range(1, 9).Select(commits.Add).ToArray();

        Assert.Equal((9, 1), commits.Backlog);
        Assert.False(first.IsCompleted, "an item is not acknowledged before its batch is written");
        writer.Release.SetResult();
        Assert.Equal(0, await first);
        Assert.Equal(Enumerable.Range(1, 9).Select(i => i * 10), await Task.WhenAll(rest));
        Assert.Equal([[0], [1, 2, 3, 4, 5, 6, 7, 8, 9]], writer.Batches);
        Assert.Equal((2, 10), commits.Written);
    }

    [Fact]
    public async Task ABatchHoldsAtMostItsSize()
    {
        var writer = new HeldWriter();
        await using var commits = Start(writer, maxBatch: 4);

        var all = new List<Task<int>> { commits.Add(0) };
        await writer.FirstBatch.Task;
        all.AddRange(Enumerable.Range(1, 10).Select(commits.Add));
        writer.Release.SetResult();
        await Task.WhenAll(all);

        Assert.Equal([[0], [1, 2, 3, 4], [5, 6, 7, 8], [9, 10]], writer.Batches);
    }

    [Fact]
    public async Task AFailedBatchFailsExactlyItsOwnItemsAndTheNextBatchIsWritten()
    {
        var failure = new InvalidOperationException("disk I/O error");
        var writer = new HeldWriter { Fails = batch => batch.Contains(-1) ? failure : null };
        var commits = Start(writer);

        var before = commits.Add(0);
        await writer.FirstBatch.Task;
        var sameBatch = new[] { commits.Add(1), commits.Add(-1), commits.Add(2) };
        writer.Release.SetResult();

        Assert.Equal(0, await before);
        foreach (var item in sameBatch)
        {
            Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => item));
        }
        Assert.Equal(30, await commits.WriteAsync(3, CancellationToken.None));
        Assert.Equal((2, 2), commits.Written);
        await commits.DisposeAsync();
        Assert.False(commits.WroteEverything);
    }

    [Fact]
    public async Task CancellingAWaitNeitherWithdrawsTheItemNorChangesItsAcknowledgment()
    {
        var writer = new HeldWriter();
        await using var commits = Start(writer);
        var first = commits.Add(0);
        await writer.FirstBatch.Task;

        using var leaving = new CancellationTokenSource();
        var added = commits.Add(5);
        var waiting = commits.WaitAsync(added, leaving.Token);
        leaving.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        // A caller that gave up before it even waited: its item is queued all the same.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => commits.WriteAsync(6, new CancellationToken(canceled: true)));

        var stayed = commits.WriteAsync(7, CancellationToken.None);
        Assert.False(added.IsCompleted, "the item's own acknowledgment still waits for its batch");
        writer.Release.SetResult();

        Assert.Equal(70, await stayed);
        Assert.Equal(50, await added);
        Assert.Equal(0, await first);
        Assert.Equal([5, 6, 7], writer.Batches[1]);
    }

    [Fact]
    public async Task DisposingWritesWhatIsQueuedAndRefusesMore()
    {
        var writer = new HeldWriter();
        var commits = Start(writer);
        var queued = new[] { commits.Add(0) };
        await writer.FirstBatch.Task;
        queued = [.. queued, commits.Add(1), commits.Add(2)];

        var disposing = commits.DisposeAsync().AsTask();
        Assert.Throws<ObjectDisposedException>(() => { _ = commits.Add(3); });
        writer.Release.SetResult();
        await disposing;

        Assert.Equal(new[] { 0, 10, 20 }, await Task.WhenAll(queued));
        Assert.True(commits.WroteEverything);
    }

    [Fact]
    public async Task AStuckStoreIsGivenUpOnAtStopAndItsItemsAreCancelled()
    {
        var time = new FakeTimeProvider();
        var writer = new HeldWriter();
        var commits = Start(writer, time: time);
        var writing = commits.Add(0);
        await writer.FirstBatch.Task;
        var queued = commits.Add(1);

        var disposing = commits.DisposeAsync().AsTask();
        Assert.False(disposing.IsCompleted);
        time.Advance(GroupCommit<int, int>.StopTimeout);
        await disposing;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writing);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.False(commits.WroteEverything);
    }
}
