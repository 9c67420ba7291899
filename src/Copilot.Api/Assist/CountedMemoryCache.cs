using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Copilot.Api.Assist;

/// <summary>
/// A memory cache bounded by how many entries it holds, whatever size its users give them: the first level of
/// the assist cache keeps <see cref="AssistOptions.CacheEntries"/> tickets, as its setting says, while
/// <see cref="Microsoft.Extensions.Caching.Hybrid.HybridCache"/> sizes each entry by its serialized bytes.
/// </summary>
internal sealed class CountedMemoryCache(int entries) : IMemoryCache
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = entries });

    public bool TryGetValue(object key, out object? value) => _cache.TryGetValue(key, out value);

    public ICacheEntry CreateEntry(object key) => new CountedEntry(_cache.CreateEntry(key));

    public void Remove(object key) => _cache.Remove(key);

    public void Dispose() => _cache.Dispose();

    private sealed class CountedEntry : ICacheEntry
    {
        private readonly ICacheEntry _entry;

        public CountedEntry(ICacheEntry entry)
        {
            _entry = entry;
            _entry.Size = 1;
        }

        public object Key => _entry.Key;
        public object? Value { get => _entry.Value; set => _entry.Value = value; }
        public DateTimeOffset? AbsoluteExpiration { get => _entry.AbsoluteExpiration; set => _entry.AbsoluteExpiration = value; }
        public TimeSpan? AbsoluteExpirationRelativeToNow { get => _entry.AbsoluteExpirationRelativeToNow; set => _entry.AbsoluteExpirationRelativeToNow = value; }
        public TimeSpan? SlidingExpiration { get => _entry.SlidingExpiration; set => _entry.SlidingExpiration = value; }
        public IList<IChangeToken> ExpirationTokens => _entry.ExpirationTokens;
        public IList<PostEvictionCallbackRegistration> PostEvictionCallbacks => _entry.PostEvictionCallbacks;
        public CacheItemPriority Priority { get => _entry.Priority; set => _entry.Priority = value; }

        /// <summary>Always one: the cache counts entries.</summary>
        public long? Size { get => _entry.Size; set { } }

        public void Dispose() => _entry.Dispose();
    }
}
