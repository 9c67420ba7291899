using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Assist;

/// <summary>
/// Per-ticket cache of computed assists, with one computation in flight per ticket so a burst
/// of sidebar opens costs the helpdesk one round of calls. Derived data only: losing it costs
/// a recomputation, never data.
/// </summary>
public sealed class AssistCache(IOptions<AssistOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.CacheEntries });
    private readonly ConcurrentDictionary<string, Lazy<Task<AssistContext>>> _inFlight = new(StringComparer.Ordinal);

    private static string Key(string tenant, long ticketId) => $"{tenant}\n{ticketId}";

    public AssistContext? Get(string tenant, long ticketId) => _cache.Get<AssistContext>(Key(tenant, ticketId));

    public void Invalidate(string tenant, long ticketId) => _cache.Remove(Key(tenant, ticketId));

    public async Task<AssistContext> ComputeAsync(string tenant, long ticketId, Func<Task<AssistContext>> compute)
    {
        var key = Key(tenant, ticketId);
        var lazy = _inFlight.GetOrAdd(key, _ => new Lazy<Task<AssistContext>>(compute));
        try
        {
            var context = await lazy.Value;
            _cache.Set(key, context, new MemoryCacheEntryOptions
            {
                Size = 1,
                AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(Math.Max(1, options.Value.CacheMinutes)),
            });
            return context;
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<AssistContext>>>(key, lazy));
        }
    }

    public void Dispose() => _cache.Dispose();
}
