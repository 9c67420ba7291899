using System.Threading.RateLimiting;
using Copilot.Api.Redis;
using StackExchange.Redis;

namespace Copilot.Api.RateLimits;

/// <summary>
/// One agent's or tenant's fixed window, counted in Redis for every instance together: the first permit starts the
/// window (the counter expires when it ends), each permit adds one, and past the limit a request is refused with the
/// time left. While Redis is away the instance counts alone, in a window of its own, until it is back.
/// </summary>
internal sealed class SharedWindowLimiter : RateLimiter
{
    // KEYS[1] the window's counter; ARGV[1] permits asked, ARGV[2] the window (ms). Returns the count and the time left.
    private const string Script = """
        local n = redis.call('INCRBY', KEYS[1], ARGV[1])
        if n == tonumber(ARGV[1]) then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return {n, redis.call('PTTL', KEYS[1])}
        """;

    private readonly SharedRedis _redis;
    private readonly RedisKey _key;
    private readonly int _permits;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly FixedWindowRateLimiter _alone;
    private long _lastUsed;

    public SharedWindowLimiter(SharedRedis redis, string key, int permits, TimeSpan window, TimeProvider time)
    {
        (_redis, _key, _permits, _window, _time) = (redis, redis.Key(key), permits, window, time);
        _alone = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
        _lastUsed = time.GetTimestamp();
    }

    public override TimeSpan? IdleDuration => _time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => _alone.GetStatistics();

    /// <summary>Never decided without Redis's count: the rate-limiting middleware then asks <see cref="AcquireAsyncCore"/>.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Undecided;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, _time.GetTimestamp());
        if (permitCount == 0)
        {
            return Lease.Granted;
        }
        if (_redis.Database is { } db)
        {
            try
            {
                var counted = (RedisResult[])(await db.ScriptEvaluateAsync(Script, [_key], [permitCount, (long)_window.TotalMilliseconds]))!;
                var (count, leftMs) = ((long)counted[0], (long)counted[1]);
                return count <= _permits ? Lease.Granted : Lease.Refused(TimeSpan.FromMilliseconds(leftMs > 0 ? leftMs : _window.TotalMilliseconds));
            }
            catch (Exception e) when (SharedRedis.IsFailure(e))
            {
            }
        }
        _redis.Unavailable("rate-limits");
        return await _alone.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _alone.Dispose();
        }
        base.Dispose(disposing);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease Undecided = new(false, null);

        public static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
