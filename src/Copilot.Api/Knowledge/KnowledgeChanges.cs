using System.Collections.Concurrent;
using Copilot.Api.Redis;
using Copilot.Api.Store;

namespace Copilot.Api.Knowledge;

/// <summary>
/// When each tenant's curated knowledge (articles, macros, documents, procedures) last changed, as this process heard it:
/// its own writes at once (<see cref="StoreChanges.Curated"/>), another instance's from PostgreSQL's announcement or, on a
/// shared store that announces nothing, from Redis. A cached assist worked out before then is not served as fresh, so an
/// edited article or a retired procedure shows on the ticket's next open rather than after the cache's minutes.
/// Whatever may have gone unheard counts as a change of every tenant: this process's start (what another instance cached
/// before it listened), a lost PostgreSQL listener, a Redis connection made again.
/// </summary>
public sealed class KnowledgeChanges
{
    /// <summary>The Redis channel instances tell each other on; the message is the tenant.</summary>
    public const string Channel = "knowledge-curated";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _changed = new(StringComparer.Ordinal);
    private readonly StoreChanges _store;
    private readonly SharedRedis _redis;
    private readonly TimeProvider _time;
    private long _everyTenantTicks;

    public KnowledgeChanges(StoreChanges store, SharedRedis redis, TimeProvider time)
    {
        (_store, _redis, _time) = (store, redis, time);
        _everyTenantTicks = time.GetUtcNow().UtcTicks;
    }

    /// <summary>Starts listening (as the host starts): from now on this process hears every change.</summary>
    private void Listen()
    {
        _store.Subscribe(StoreChanges.Curated, Heard);
        _store.CommittedHere += (channel, tenant) =>
        {
            if (channel == StoreChanges.Curated)
            {
                _ = _redis.PublishAsync(Channel, tenant);
            }
        };
        _redis.Subscribe(Channel, tenant => Heard(tenant.IsNullOrEmpty ? null : tenant.ToString()));
        _redis.Connected += () => Heard(null);
        // Whatever came before is unknown here.
        Heard(null);
    }

    /// <summary>Whether the tenant's curated knowledge changed after <paramref name="readAt"/> (when an assist began to read it).</summary>
    public bool ChangedSince(string tenant, DateTimeOffset readAt) =>
        Interlocked.Read(ref _everyTenantTicks) > readAt.UtcTicks
        || (_changed.TryGetValue(tenant, out var at) && at > readAt);

    /// <param name="tenant">Null: changes may have been missed, of any tenant.</param>
    private void Heard(string? tenant)
    {
        var now = _time.GetUtcNow();
        if (tenant is null)
        {
            Interlocked.Exchange(ref _everyTenantTicks, now.UtcTicks);
        }
        else
        {
            _changed[tenant] = now;
        }
    }

    /// <summary>Listens from the host's start, not from the first assist.</summary>
    internal sealed class Listening(KnowledgeChanges changes) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            changes.Listen();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
