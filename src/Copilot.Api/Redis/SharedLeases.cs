using StackExchange.Redis;

namespace Copilot.Api.Redis;

/// <summary>
/// Background work that one instance at a time should do (it costs model calls, and doing it twice gains nothing): an
/// instance takes the work's lease in Redis, or leaves the work to the instance holding it. Without Redis, or while it
/// is away, every instance does the work itself — twice at worst, which wastes effort and changes no answer.
/// </summary>
public sealed class SharedLeases(SharedRedis redis)
{
    /// <returns>Whether this instance does the work now: it took the lease, or there is none to take.</returns>
    public async Task<bool> TryTakeAsync(string work, TimeSpan duration)
    {
        if (!redis.Configured)
        {
            return true;
        }
        if (redis.Database is { } db)
        {
            try
            {
                return await db.LockTakeAsync(Key(work), redis.Instance, duration);
            }
            catch (Exception e) when (SharedRedis.IsFailure(e))
            {
            }
        }
        redis.Unavailable("leases");
        return true;
    }

    /// <summary>Gives the lease back once the work is done (it would expire by itself).</summary>
    public async Task ReleaseAsync(string work)
    {
        if (redis.Database is { } db)
        {
            try
            {
                await db.LockReleaseAsync(Key(work), redis.Instance);
            }
            catch (Exception e) when (SharedRedis.IsFailure(e))
            {
            }
        }
    }

    private RedisKey Key(string work) => redis.Key("lease:" + work);
}
