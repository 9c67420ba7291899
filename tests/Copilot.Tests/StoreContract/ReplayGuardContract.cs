using Copilot.Api.Auth;
using Copilot.Api.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Copilot.Tests.StoreContract;

/// <summary>The replay guard's store path: a token id is accepted once, also across a restart, on both stores.</summary>
public abstract class ReplayGuardContract(Stores stores)
{
    protected static ReplayGuard Guard(Db db) => new(db, TimeProvider.System, NullLogger<ReplayGuard>.Instance);

    [Fact]
    public async Task ATokenIdIsAcceptedOnceEvenWhenRequestsRaceAndAfterARestart()
    {
        var db = await stores.NewAsync();
        var expires = DateTimeOffset.UtcNow.AddMinutes(5);
        await using (var guard = Guard(db))
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => guard.TryUseAsync("acme", $"jti-{i % 100}", expires, CancellationToken.None)));
            Assert.Equal(100, results.Count(r => r));
            Assert.True(await guard.TryUseAsync("globex", "jti-1", expires, CancellationToken.None));
        }
        await using var restarted = Guard(db);
        Assert.False(await restarted.TryUseAsync("acme", "jti-7", expires, CancellationToken.None));
    }
}

public sealed class SqliteReplayGuardStoreTests(SqliteStores stores) : ReplayGuardContract(stores), IClassFixture<SqliteStores>;

public sealed class PostgresReplayGuardStoreTests(PostgresStores stores) : ReplayGuardContract(stores), IClassFixture<PostgresStores>
{
    [Fact]
    public async Task ATokenIdUsedOnOneInstanceIsRefusedOnAnotherWhateverItsSigningTime()
    {
        var db = await stores.NewAsync();
        await using var other = Db.Postgres(stores.LastConnectionString);
        await using var a = Guard(db);
        await using var b = Guard(other);
        var now = DateTimeOffset.UtcNow;

        // Signed after both started: SQLite's guard would answer from memory; instances sharing a store must not.
        var fresh = await Task.WhenAll(Enumerable.Range(0, 100).SelectMany(i => new[]
        {
            a.TryUseAsync("acme", $"jti-{i}", now.AddMinutes(5), now.AddSeconds(40), CancellationToken.None),
            b.TryUseAsync("acme", $"jti-{i}", now.AddMinutes(5), now.AddSeconds(40), CancellationToken.None),
        }));

        Assert.Equal(100, fresh.Count(r => r));
        Assert.True(await a.TryUseAsync("acme", "once", now.AddMinutes(5), CancellationToken.None));
        Assert.False(await b.TryUseAsync("acme", "once", now.AddMinutes(5), CancellationToken.None));
    }
}
