using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace Copilot.Api.Redis;

/// <summary>
/// The second level of a <see cref="Microsoft.Extensions.Caching.Hybrid.HybridCache"/>: plain Redis strings with an
/// expiry, under the deployment's prefix. While Redis is away it is a cache that holds nothing (a read misses, a write
/// is dropped) rather than one that throws, so the first level goes on serving without an error per request.
/// </summary>
internal sealed class RedisL2Cache(SharedRedis redis, string use) : IDistributedCache
{
    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        if (redis.Database is not { } db)
        {
            redis.Unavailable(use);
            return null;
        }
        try
        {
            return await db.StringGetAsync(redis.Key(key));
        }
        catch (Exception e) when (SharedRedis.IsFailure(e))
        {
            redis.Unavailable(use);
            return null;
        }
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (redis.Database is not { } db)
        {
            redis.Unavailable(use);
            return;
        }
        var expiry = options.AbsoluteExpirationRelativeToNow
            ?? (options.AbsoluteExpiration is { } at ? at - DateTimeOffset.UtcNow : (TimeSpan?)null)
            ?? options.SlidingExpiration;
        try
        {
            await db.StringSetAsync(redis.Key(key), value, expiry, When.Always);
        }
        catch (Exception e) when (SharedRedis.IsFailure(e))
        {
            redis.Unavailable(use);
        }
    }

    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        if (redis.Database is not { } db)
        {
            redis.Unavailable(use);
            return;
        }
        try
        {
            await db.KeyDeleteAsync(redis.Key(key));
        }
        catch (Exception e) when (SharedRedis.IsFailure(e))
        {
            redis.Unavailable(use);
        }
    }
}
