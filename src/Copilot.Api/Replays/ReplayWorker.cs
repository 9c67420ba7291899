namespace Copilot.Api.Replays;

/// <summary>
/// Runs the replays the admin endpoint starts or resumes, in the background of this process, and stops them (as
/// cancelled, so they can be resumed) when the process shuts down.
/// </summary>
public sealed class ReplayWorker(ReplayRunner runner, ReplayStore store, ILogger<ReplayWorker> logger) : IHostedService
{
    private readonly Dictionary<string, (CancellationTokenSource Stop, Task Work)> _runs = new(StringComparer.Ordinal);

    /// <returns>False when this process already runs it.</returns>
    public bool Start(string id)
    {
        lock (_runs)
        {
            if (_runs.ContainsKey(id))
            {
                return false;
            }
            var stop = new CancellationTokenSource();
            _runs[id] = (stop, Task.Run(() => WorkAsync(id, stop)));
            return true;
        }
    }

    private async Task WorkAsync(string id, CancellationTokenSource stop)
    {
        try
        {
            await runner.RunAsync(id, null, stop.Token);
        }
        catch (ReplayBusyException)
        {
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            ReplayLog.Crashed(logger, e, id);
            await store.FinishAsync(id, ReplayStatus.Failed, "The replay stopped on an unexpected error; see the server's log.", CancellationToken.None);
        }
        finally
        {
            lock (_runs)
            {
                _runs.Remove(id);
            }
            stop.Dispose();
        }
    }

    /// <summary>Stops the run if this process runs it.</summary>
    public bool Cancel(string id)
    {
        lock (_runs)
        {
            if (!_runs.TryGetValue(id, out var run))
            {
                return false;
            }
            run.Stop.Cancel();
            return true;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        List<(CancellationTokenSource Stop, Task Work)> running;
        lock (_runs)
        {
            running = _runs.Values.ToList();
        }
        foreach (var (stop, _) in running)
        {
            try
            {
                await stop.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // It ended meanwhile.
            }
        }
        await Task.WhenAll(running.Select(r => r.Work)).WaitAsync(cancellationToken);
    }
}
