namespace Copilot.Api.Hosting;

public static class PeriodicTimers
{
    /// <summary>Waits for the next tick; false when the timer is disposed or the host is stopping (no exception at shutdown).</summary>
    public static async Task<bool> NextTickOrStopAsync(this PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
