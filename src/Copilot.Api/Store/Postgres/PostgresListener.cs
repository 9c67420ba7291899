using Npgsql;

namespace Copilot.Api.Store.Postgres;

/// <summary>
/// Listens on PostgreSQL for the changes instances announce (<see cref="StoreChanges"/>) on a connection of its own,
/// and tells this process's caches. When the connection is lost it may have missed some, so every cache forgets
/// everything, and it connects again (1 s, doubling up to 30 s, apart).
/// </summary>
internal sealed partial class PostgresListener(Db db, StoreChanges changes, ILogger<PostgresListener> logger, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = FirstWait;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = (NpgsqlConnection)await db.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => changes.Heard(e.Channel, e.Payload);
                foreach (var channel in StoreChanges.Channels)
                {
                    await using var listen = new NpgsqlCommand($"LISTEN {channel}", connection);
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Anything announced before LISTEN took effect is unknown here.
                changes.MayHaveMissed();
                wait = FirstWait;
                while (true)
                {
                    // A connection a network dropped without a word is found out within the interval.
                    if (!await connection.WaitAsync(CheckInterval, stoppingToken))
                    {
                        await using var check = new NpgsqlCommand("SELECT 1", connection);
                        await check.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (!stoppingToken.IsCancellationRequested)
            {
                Log.Lost(logger, wait.TotalSeconds);
                changes.MayHaveMissed();
                try
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                wait = TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, wait.Ticks * 2));
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Lost the store's change notifications; listening again in {Seconds} s")]
        public static partial void Lost(ILogger logger, double seconds);
    }
}
