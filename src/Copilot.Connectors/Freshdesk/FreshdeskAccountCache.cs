using System.Collections.Concurrent;

namespace Copilot.Connectors.Freshdesk;

/// <summary>
/// What the copilot keeps per Freshdesk account between requests: its agents (to name the authors of
/// replies and notes) and its roles (to tell admins from agents). Each is read at most once per
/// <see cref="FreshdeskClientOptions.DirectoryCacheDuration"/>, with one read in flight however many
/// requests ask; a failed read is forgotten, so the next request tries again. In memory per instance.
/// </summary>
public sealed class FreshdeskAccountCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Account, string What), Entry> _entries = new();

    /// <summary>The value when one was read (however long ago); never calls.</summary>
    internal T? Peek<T>(string account, string what) where T : class =>
        _entries.TryGetValue((account, what), out var entry) && entry.Value.IsCompletedSuccessfully ? (T)entry.Value.Result : null;

    /// <summary>The value read within <paramref name="ttl"/>, the read in flight, or a new read.</summary>
    internal async Task<T> GetAsync<T>(string account, string what, TimeSpan ttl, Func<Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        var key = (account, what);
        while (true)
        {
            var now = time.GetUtcNow();
            var entry = _entries.GetOrAdd(key, _ => new Entry(Start(read), now));
            if (entry.Value.IsFaulted || entry.Value.IsCanceled || (entry.Value.IsCompleted && now - entry.ReadAt >= ttl))
            {
                // Replace it, unless another request already did.
                var fresh = new Entry(Start(read), now);
                if (!_entries.TryUpdate(key, fresh, entry))
                {
                    continue;
                }
                entry = fresh;
            }
            try
            {
                return (T)await entry.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                _entries.TryRemove(new KeyValuePair<(string, string), Entry>(key, entry));
                throw;
            }
        }
    }

    // The read belongs to the cache, not to the request that started it: one caller giving up does not cancel it for the others.
    private static Lazy<Task<object>> Start<T>(Func<Task<T>> read) where T : class => new(async () => await read());

    private sealed record Entry(Lazy<Task<object>> Lazy, DateTimeOffset ReadAt)
    {
        public Task<object> Value => Lazy.Value;
    }
}
