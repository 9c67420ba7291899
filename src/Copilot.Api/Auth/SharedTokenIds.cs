using Copilot.Api.Redis;
using StackExchange.Redis;

namespace Copilot.Api.Auth;

/// <summary>
/// The proxy-token ids every instance has accepted, in Redis: an id is claimed with SET NX and an expiry just past the
/// token's own, so whichever instance sees a token first accepts it and every other refuses it. Redis also keeps the
/// time from which it holds every claimed id (set when it first holds one: a new or restarted Redis without
/// persistence starts it anew), so a token that could have been used before then is answered by the store.
/// </summary>
public sealed class SharedTokenIds(SharedRedis redis, TimeProvider time)
{
    // KEYS[1] the id, KEYS[2] since when Redis holds every claimed id; ARGV[1] how long to keep the id (ms),
    // ARGV[2] now, ARGV[3] the earliest moment the token could have been used (both unix ms).
    private const string Script = """
        local since = redis.call('GET', KEYS[2])
        if not since then
          redis.call('SET', KEYS[2], ARGV[2])
          since = ARGV[2]
        end
        if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
          return 0
        end
        if tonumber(ARGV[3]) < tonumber(since) then
          return -1
        end
        return 1
        """;

    /// <summary>Whether instances share their token ids (a Redis is configured).</summary>
    public bool Configured => redis.Configured;

    /// <returns>
    /// True: the id is new and now claimed. False: some instance claimed it already. Null: Redis cannot tell — it is away,
    /// or the token may have been used before Redis held every id — and the store answers.
    /// </returns>
    public async Task<bool?> ClaimAsync(string tenant, string jti, DateTimeOffset expiresAt, DateTimeOffset earliestUse)
    {
        if (redis.Database is not { } db)
        {
            redis.Unavailable("replay-guard");
            return null;
        }
        var now = time.GetUtcNow();
        var keep = Math.Max(1_000L, (long)(expiresAt + ReplayGuard.ClockSkew - now).TotalMilliseconds);
        try
        {
            var result = (long)await db.ScriptEvaluateAsync(Script,
                [redis.Key($"jti:{tenant}:{jti}"), redis.Key("jti-since")],
                [keep, now.ToUnixTimeMilliseconds(), earliestUse.ToUnixTimeMilliseconds()]);
            return result switch { 1 => true, 0 => false, _ => null };
        }
        catch (Exception e) when (SharedRedis.IsFailure(e))
        {
            redis.Unavailable("replay-guard");
            return null;
        }
    }
}
