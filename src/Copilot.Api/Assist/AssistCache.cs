using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Assist;

/// <summary>
/// Per-ticket cache of computed assists, with one computation in flight per ticket: concurrent opens
/// of a cold ticket share one helpdesk read and one recording. A computation belongs to the cache, not
/// to the request that started it: it goes on when its callers stop waiting (a deadline) and lands
/// here for the next open. The last assist is kept after it goes stale (a newer comment, its age), to
/// be shown marked stale when the helpdesk cannot be read. Derived data only: losing it costs a
/// recomputation, never data.
/// </summary>
public sealed class AssistCache(IOptions<AssistOptions> options, TimeProvider time) : IDisposable
{
    private sealed record Entry(AssistContext Context, DateTimeOffset FreshUntil, bool Invalidated);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.CacheEntries });
    private readonly ConcurrentDictionary<string, Task<Flight>> _inFlight = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>What a computation gave: the assist (null when the ticket is gone), and whether it was already cached.</summary>
    public readonly record struct Flight(AssistContext? Context, bool Cached);

    private static string Key(string tenant, long ticketId) => $"{tenant}\n{ticketId}";

    /// <summary>The cached assist while it is fresh: no newer comment reported, not older than CacheMinutes.</summary>
    public AssistContext? Get(string tenant, long ticketId) =>
        _cache.Get<Entry>(Key(tenant, ticketId)) is { Invalidated: false } e && e.FreshUntil > time.GetUtcNow() ? e.Context : null;

    /// <summary>The last assist computed for the ticket, fresh or not.</summary>
    public AssistContext? GetLast(string tenant, long ticketId) => _cache.Get<Entry>(Key(tenant, ticketId))?.Context;

    /// <summary>A newer comment exists: the next open recomputes; the old assist is kept to be shown stale.</summary>
    public void Invalidate(string tenant, long ticketId)
    {
        var key = Key(tenant, ticketId);
        if (_cache.Get<Entry>(key) is { } entry)
        {
            Store(key, entry with { Invalidated = true });
        }
    }

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
        try
        {
            if (reuse is not null && Get(tenant, ticketId) is { } cached && reuse(cached))
            {
                flight.SetResult(new Flight(cached, Cached: true));
                return;
            }
            var context = await compute(_stopping.Token);
            if (context is null)
            {
                _cache.Remove(key);
            }
            else
            {
                Store(key, new Entry(context, time.GetUtcNow().AddMinutes(Math.Max(1, options.Value.CacheMinutes)), Invalidated: false));
            }
            flight.SetResult(new Flight(context, Cached: false));
        }
        catch (Exception e)
        {
            flight.SetException(e);
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Task<Flight>>(key, flight.Task));
        }
    }

    private void Store(string key, Entry entry) => _cache.Set(key, entry, new MemoryCacheEntryOptions
    {
        Size = 1,
        // Kept past its freshness for stale answers; MemoryCache's own clock only bounds memory.
        AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(Math.Max(Math.Max(1, options.Value.CacheMinutes), options.Value.StaleMinutes)),
    });

    public void Dispose()
    {
        // Not disposed: a computation may still be reading its token as it winds down.
        _stopping.Cancel();
        _cache.Dispose();
    }
}
