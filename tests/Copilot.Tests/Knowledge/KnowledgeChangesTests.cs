using Copilot.Api.Knowledge;
using Copilot.Api.Redis;
using Copilot.Api.Store;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Copilot.Tests.Knowledge;

/// <summary>Whether a cached assist was read before a change of the tenant's curated knowledge, by whichever instance's clock.</summary>
public sealed class KnowledgeChangesTests : IAsyncDisposable
{
    private const string Other = "another-instance";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly StoreChanges _store = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly SharedRedis _redis;
    private readonly KnowledgeChanges _changes;

    public KnowledgeChangesTests()
    {
        _redis = new SharedRedis(Options.Create(new RedisOptions()), _services.GetRequiredService<IMeterFactory>(), NullLogger<SharedRedis>.Instance);
        _changes = new KnowledgeChanges(_store, _redis, _time);
    }

    private async Task<DateTimeOffset> ChangedAsync()
    {
        await new KnowledgeChanges.Listening(_changes).StartAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(10));
        _store.Committed(StoreChanges.Curated, "acme");
        return _time.GetUtcNow();
    }

    [Fact]
    public async Task WhatAnotherInstanceWhoseClockRunsAheadReadJustBeforeTheChangeIsNotServedAsFresh()
    {
        var changed = await ChangedAsync();

        // Its clock is 3 s ahead; it read a second before the change, and stamped that 2 s after it.
        Assert.True(_changes.ChangedSince("acme", changed.AddSeconds(2), Other));
        Assert.False(_changes.ChangedSince("acme", changed + KnowledgeChanges.ClockSkew + TimeSpan.FromSeconds(1), Other));
        Assert.False(_changes.ChangedSince("other-tenant", changed.AddSeconds(-60), Other));
    }

    [Fact]
    public async Task ThisInstancesOwnReadsAreComparedByItsOwnClock()
    {
        var changed = await ChangedAsync();

        Assert.True(_changes.ChangedSince("acme", changed.AddTicks(-1), _changes.Instance));
        Assert.False(_changes.ChangedSince("acme", changed.AddSeconds(1), _changes.Instance));
        // A reader not named counts as another instance.
        Assert.True(_changes.ChangedSince("acme", changed.AddSeconds(1), null));
    }

    [Fact]
    public async Task WhatWasCachedBeforeThisInstanceListenedIsReadAgainForEveryTenant()
    {
        var started = _time.GetUtcNow();
        await new KnowledgeChanges.Listening(_changes).StartAsync(CancellationToken.None);

        Assert.True(_changes.ChangedSince("any-tenant", started.AddSeconds(-1), _changes.Instance));
        Assert.True(_changes.ChangedSince("any-tenant", started.AddSeconds(-1), Other));
        Assert.False(_changes.ChangedSince("any-tenant", started.AddSeconds(1), Other));
    }

    public async ValueTask DisposeAsync()
    {
        await _redis.DisposeAsync();
        await _services.DisposeAsync();
    }
}
