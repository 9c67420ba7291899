using System.Globalization;
using Copilot.Connectors.Helpdesk;
using StackExchange.Redis;

namespace Copilot.Api.Redis;

/// <summary>
/// Helpdesk holds shared by the instances: a wait a helpdesk asked one instance for (its 429 or 503 with Retry-After),
/// a spent share of an account's rate limit, or an instance's breaker opening on an account, is published to the others
/// at once and kept in Redis until it ends (for instances that start, or come back, meanwhile). Each instance then
/// answers calls to that account itself, without calling (<see cref="HelpdeskBackoffHandler"/>). Without Redis each
/// instance learns its holds alone, as before.
/// </summary>
internal sealed class SharedHelpdeskHolds(SharedRedis redis, HelpdeskBackoff backoff, TimeProvider time) : IHostedService
{
    private const string Channel = "helpdesk-holds";
    private const string Holds = "helpdesk-holds";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis.Configured)
        {
            backoff.Learned += (account, until, reason) => _ = TellAsync(account, until, reason);
            redis.Subscribe(Channel, Heard);
            redis.Connected += () => _ = ReadAllAsync();
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task TellAsync(string account, DateTimeOffset until, HoldReason reason)
    {
        if (redis.Database is not { } db)
        {
            redis.Unavailable("helpdesk-holds");
            return;
        }
        var hold = $"{until.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}\n{reason}";
        try
        {
            await db.HashSetAsync(redis.Key(Holds), account, hold);
            await redis.PublishAsync(Channel, $"{redis.Instance}\n{account}\n{hold}");
        }
        catch (Exception e) when (SharedRedis.IsFailure(e))
        {
            redis.Unavailable("helpdesk-holds");
        }
    }

    private void Heard(RedisValue message)
    {
        var parts = ((string?)message ?? "").Split('\n');
        if (parts.Length == 4 && parts[0] != redis.Instance)
        {
            Keep(parts[1], parts[2], parts[3]);
        }
    }

    /// <summary>Every hold still running, as Redis keeps them; the ended ones are dropped from it.</summary>
    private async Task ReadAllAsync()
    {
        if (redis.Database is not { } db)
        {
            return;
        }
        try
        {
            foreach (var entry in await db.HashGetAllAsync(redis.Key(Holds)))
            {
                var parts = ((string?)entry.Value ?? "").Split('\n');
                if (parts.Length != 2 || !Keep(entry.Name!, parts[0], parts[1]))
                {
                    await db.HashDeleteAsync(redis.Key(Holds), entry.Name);
                }
            }
        }
        catch (Exception e) when (SharedRedis.IsFailure(e))
        {
            redis.Unavailable("helpdesk-holds");
        }
    }

    /// <returns>Whether the hold is still running.</returns>
    private bool Keep(string account, string untilMs, string reason)
    {
        if (!long.TryParse(untilMs, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) || !Enum.TryParse<HoldReason>(reason, out var why))
        {
            return false;
        }
        var until = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        if (until <= time.GetUtcNow())
        {
            return false;
        }
        backoff.Share(account, until, why);
        return true;
    }
}
