using System.Collections.Concurrent;
using Copilot.Api.Redis;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Assist;

/// <summary>
/// Per-ticket cache of computed assists, with one computation in flight per ticket: concurrent opens
/// of a cold ticket share one helpdesk read. A computation belongs to the cache, not to the request that
/// started it: it goes on when its callers stop waiting (a deadline) and lands here for the next open. The
/// last assist is kept after it goes stale (a newer comment, its age), to be shown marked stale when the
/// helpdesk cannot be read. Derived data only: losing it costs a recomputation, never data.
/// <para>
/// A <see cref="HybridCache"/>: this instance's memory first (<see cref="AssistOptions.CacheEntries"/> tickets), then,
/// with a Redis configured, Redis, which every instance reads — and then the computation is single-flighted across
/// instances too, and every change of a ticket's entry is published so that the others drop what they hold of it
/// (<c>AssistCache.Shared.cs</c>). Without Redis, or while it is away, the cache is this instance's alone.
/// </para>
/// </summary>
public sealed partial class AssistCache : IDisposable
{
    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableUnderlyingData,
    };

    private readonly IOptions<AssistOptions> _options;
    private readonly TimeProvider _time;
    private readonly ServiceProvider _own;
    private readonly HybridCache _cache;
    private readonly HybridCacheEntryOptions _keep;
    private readonly ConcurrentDictionary<string, Task<Flight>> _inFlight = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>A cache of this instance's alone (the demo's replay of past weeks keeps its own).</summary>
    public AssistCache(IOptions<AssistOptions> options, TimeProvider time) : this(options, time, null, NullLoggerFactory.Instance)
    {
    }

    public AssistCache(IOptions<AssistOptions> options, TimeProvider time, SharedRedis? redis, ILoggerFactory loggers)
    {
        _options = options;
        _time = time;
        var keep = TimeSpan.FromMinutes(Math.Max(Math.Max(1, options.Value.CacheMinutes), options.Value.StaleMinutes));
        _keep = new HybridCacheEntryOptions { Expiration = keep, LocalCacheExpiration = keep };
        var services = new ServiceCollection()
            .AddSingleton(time)
            .AddSingleton(loggers)
            .AddSingleton<IMemoryCache>(new CountedMemoryCache(options.Value.CacheEntries));
        if (redis is { Configured: true })
        {
            _redis = redis;
            services.AddSingleton<IDistributedCache>(new RedisL2Cache(redis, "assist-cache"));
        }
        services.AddHybridCache(o => o.MaximumPayloadBytes = 64 * 1024 * 1024).AddSerializer<AssistEntry, AssistEntrySerializer>();
        _own = services.BuildServiceProvider();
        _cache = _own.GetRequiredService<HybridCache>();
        _redis?.Subscribe(Channel, OnChanged);
    }

    /// <summary>
    /// How long an assist worked out while the tenant's passages were still being embedded (<see cref="AssistContext.Provisional"/>)
    /// is served as fresh: about one embedding pass, so the ticket's next open after it searches what was read meanwhile.
    /// </summary>
    public static readonly TimeSpan ProvisionalFor = TimeSpan.FromSeconds(30);

    /// <summary>What a computation gave: the assist (null when the ticket is gone), and whether it was already cached.</summary>
    public readonly record struct Flight(AssistContext? Context, bool Cached);

    private static string Key(string tenant, long ticketId) => $"assist:{tenant}:{ticketId}";

    /// <summary>The cached assist while it is fresh: no newer comment reported, not older than CacheMinutes.</summary>
    public async ValueTask<AssistContext?> GetAsync(string tenant, long ticketId) =>
        await ReadAsync(Key(tenant, ticketId)) is { Invalidated: false } e && e.FreshUntil > _time.GetUtcNow() ? e.Context : null;

    /// <summary>The last assist computed for the ticket, fresh or not.</summary>
    public async ValueTask<AssistContext?> GetLastAsync(string tenant, long ticketId) => (await ReadAsync(Key(tenant, ticketId)))?.Context;

    /// <summary>A newer comment exists: the next open recomputes, on every instance; the old assist is kept to be shown stale.</summary>
    public async Task InvalidateAsync(string tenant, long ticketId)
    {
        var key = Key(tenant, ticketId);
        var entry = await ReadAsync(key);
        var stamp = AssistEntry.NewStamp();
        if (entry is not null)
        {
            await _cache.SetAsync(key, entry with { Invalidated = true, Stamp = stamp }, _keep);
        }
        await PublishAsync(key, Change.Invalidated, stamp);
    }

    private ValueTask<AssistEntry?> ReadAsync(string key) =>
        _cache.GetOrCreateAsync<AssistEntry?>(key, _ => ValueTask.FromResult<AssistEntry?>(null), ReadOnly);

    /// <summary>
    /// Joins the computation in flight for the ticket, or starts one. A new one first looks at the
    /// cache with <paramref name="reuse"/> (null: always recompute), so a caller that just missed the
    /// end of the previous computation does not start another.
    /// </summary>
    public Task<Flight> ComputeAsync(string tenant, long ticketId, Func<CancellationToken, Task<AssistContext?>> compute, Func<AssistContext, bool>? reuse)
    {
        var key = Key(tenant, ticketId);
        while (true)
        {
            if (_inFlight.TryGetValue(key, out var running))
            {
                return running;
            }
            var flight = new TaskCompletionSource<Flight>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_inFlight.TryAdd(key, flight.Task))
            {
                _ = RunAsync(tenant, ticketId, key, flight, compute, reuse);
                return flight.Task;
            }
        }
    }

    private async Task RunAsync(string tenant, long ticketId, string key, TaskCompletionSource<Flight> flight,
        Func<CancellationToken, Task<AssistContext?>> compute, Func<AssistContext, bool>? reuse)
    {
        // Out of the table before its answer is handed out: a caller that has seen the answer and asks again (a
        // refresh after a change) starts a computation of its own instead of joining the one that just ended.
        void Land(Flight result)
        {
            _inFlight.TryRemove(new KeyValuePair<string, Task<Flight>>(key, flight.Task));
            flight.SetResult(result);
        }

        var lead = Lead.Alone;
        try
        {
            if (reuse is not null && await GetAsync(tenant, ticketId) is { } cached && reuse(cached))
            {
                Land(new Flight(cached, Cached: true));
                return;
            }
            lead = await LeadOrFollowAsync(key);
            if (lead.Followed is { } computedElsewhere)
            {
                Land(new Flight(computedElsewhere, Cached: true));
                return;
            }
            var context = await compute(_stopping.Token);
            var stamp = AssistEntry.NewStamp();
            if (context is null)
            {
                await _cache.RemoveAsync(key);
            }
            else
            {
                var fresh = _time.GetUtcNow() + (context.Provisional ? ProvisionalFor : TimeSpan.FromMinutes(Math.Max(1, _options.Value.CacheMinutes)));
                await _cache.SetAsync(key, new AssistEntry(context, fresh, Invalidated: false, stamp), _keep);
            }
            await ReleaseAsync(key, lead);
            Land(new Flight(context, Cached: false));
            await PublishAsync(key, context is null ? Change.Removed : Change.Computed, stamp);
        }
        catch (Exception e)
        {
            _inFlight.TryRemove(new KeyValuePair<string, Task<Flight>>(key, flight.Task));
            if (flight.TrySetException(e))
            {
                await ReleaseAsync(key, lead);
                await PublishAsync(key, Change.Failed, null);
            }
        }
    }

    public void Dispose()
    {
        // Not disposed: a computation may still be reading its token as it winds down.
        _stopping.Cancel();
        _own.Dispose();
    }
}
