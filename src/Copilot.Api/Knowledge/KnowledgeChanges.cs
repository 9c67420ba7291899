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
/// A cached assist may have been worked out by another instance and stamped by that instance's clock: against such a
/// stamp a change counts for whatever was read up to <see cref="ClockSkew"/> after it was heard here, so a clock a little
/// ahead elsewhere does not pass off what it read before the change as read after it. This instance's own stamps are
/// compared exactly.
/// </summary>
public sealed class KnowledgeChanges
{
    /// <summary>The Redis channel instances tell each other on; the message is the tenant.</summary>
    public const string Channel = "knowledge-curated";

    /// <summary>
    /// How far two instances' clocks may differ. What another instance read this soon after a change is worked out again
    /// (a few extra assists in the seconds after a change) rather than risk serving one read before it.
    /// </summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

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

    /// <summary>This instance, as an assist it works out names its reader (<see cref="ChangedSince"/>).</summary>
    public string Instance => _redis.Instance;

    /// <summary>
    /// Whether the tenant's curated knowledge changed after <paramref name="readAt"/>: when an assist began to read it, by the
    /// clock of <paramref name="readBy"/>, the instance that read it (null: unknown). Another instance's time is taken give or
    /// take <see cref="ClockSkew"/>.
    /// </summary>
    public bool ChangedSince(string tenant, DateTimeOffset readAt, string? readBy)
    {
        // The marks of what may have gone unheard (this process's start, a connection made again) are compared as stamped:
        // an instance starting within seconds of a change another read just before is rarer than an edit followed by an open.
        var skew = readBy == Instance ? 0 : ClockSkew.Ticks;
        return Interlocked.Read(ref _everyTenantTicks) > readAt.UtcTicks
            || (_changed.TryGetValue(tenant, out var at) && at.UtcTicks > readAt.UtcTicks - skew);
    }

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
