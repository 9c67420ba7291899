using Copilot.Api.Procedures;
using Copilot.Api.Store;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.StoreContract;

/// <summary>
/// A tenant's procedures: every save that changes something is a new version, the newest in force unless it retires
/// the procedure; concurrent saves of one procedure each get a version of their own; nothing crosses tenants.
/// </summary>
public abstract class ProcedureContract(Stores stores)
{
    private const string Steps = "1. Check the order number.\n2. Offer a refund.";

    [Fact]
    public async Task ASaveThatChangesSomethingAddsAVersionAndTheNewestIsInForce()
    {
        var time = FakeClock.AtNow();
        var store = new ProcedureStore(await stores.NewAsync(), time);

        var (first, created) = await store.SaveAsync("acme", "refunds", "billing", "Refunds", Steps, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        var (same, again) = await store.SaveAsync("acme", "refunds", "billing", "Refunds", Steps, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        var (second, changed) = await store.SaveAsync("acme", "refunds", "billing", "Refunds", Steps + "\n3. Close the ticket.", CancellationToken.None);
        await store.SaveAsync("acme", "outage", "technical", "Outages", "1. Link the status page.", CancellationToken.None);

        Assert.True(created);
        Assert.False(again);
        Assert.Equal(first, same);
        Assert.True(changed);
        Assert.Equal(2, second.Version);
        Assert.Equal(time.GetUtcNow(), second.CreatedAt);
        Assert.Equal([second], await store.CurrentAsync("acme", CancellationToken.None, intent: "billing"));
        Assert.Equal(["outage", "refunds"], (await store.CurrentAsync("acme", CancellationToken.None)).Select(p => p.Id));
        var versions = await store.VersionsAsync("acme", "refunds", CancellationToken.None);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(first, versions[0]);
    }

    [Fact]
    public async Task ARetiredProcedureLeavesForceKeepsItsVersionsAndComesBackWhenSavedAgain()
    {
        var store = new ProcedureStore(await stores.NewAsync(), TimeProvider.System);
        await store.SaveAsync("acme", "refunds", "billing", "Refunds", Steps, CancellationToken.None);

        var retired = await store.RetireAsync("acme", "refunds", CancellationToken.None);
        var twice = await store.RetireAsync("acme", "refunds", CancellationToken.None);
        var unknown = await store.RetireAsync("acme", "missing", CancellationToken.None);

        Assert.NotNull(retired);
        Assert.True(retired.Retired);
        Assert.Equal(2, retired.Version);
        Assert.Null(twice);
        Assert.Null(unknown);
        Assert.Empty(await store.CurrentAsync("acme", CancellationToken.None));
        // Saving the very text it retired brings it back as a new version.
        var (back, created) = await store.SaveAsync("acme", "refunds", "billing", "Refunds", Steps, CancellationToken.None);
        Assert.True(created);
        Assert.Equal(3, back.Version);
        Assert.Equal([back], await store.CurrentAsync("acme", CancellationToken.None));
        Assert.Equal([false, true, false], (await store.VersionsAsync("acme", "refunds", CancellationToken.None)).Select(v => v.Retired));
    }

    [Fact]
    public async Task OneTenantsProceduresNeverReachAnother()
    {
        var store = new ProcedureStore(await stores.NewAsync(), TimeProvider.System);
        await store.SaveAsync("acme", "refunds", "billing", "Refunds", Steps, CancellationToken.None);

        Assert.Empty(await store.CurrentAsync("globex", CancellationToken.None));
        Assert.Empty(await store.VersionsAsync("globex", "refunds", CancellationToken.None));
        Assert.Null(await store.RetireAsync("globex", "refunds", CancellationToken.None));
        var (theirs, _) = await store.SaveAsync("globex", "refunds", "billing", "Their refunds", "1. Ask why.", CancellationToken.None);
        Assert.Equal(1, theirs.Version);
        Assert.Equal("Refunds", Assert.Single(await store.CurrentAsync("acme", CancellationToken.None)).Title);
    }

    [Fact]
    public async Task ConcurrentSavesOfOneProcedureEachGetAVersionOfTheirOwn()
    {
        var db = await stores.NewAsync();
        var other = stores.Another(db);
        var a = new ProcedureStore(db, TimeProvider.System);
        var b = new ProcedureStore(other, TimeProvider.System);

        var saves = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? a : b).SaveAsync("acme", "refunds", "billing", "Refunds", $"{Steps}\n3. Note {i}.", CancellationToken.None)));

        Assert.All(saves, s => Assert.True(s.Created));
        Assert.Equal(Enumerable.Range(1, 20), saves.Select(s => s.Procedure.Version).Order());
        var versions = await a.VersionsAsync("acme", "refunds", CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 20), versions.Select(v => v.Version));
        Assert.Equal(versions[^1], Assert.Single(await b.CurrentAsync("acme", CancellationToken.None)));
    }
}

public sealed class SqliteProcedureStoreTests(SqliteStores stores) : ProcedureContract(stores), IClassFixture<SqliteStores>;

public sealed class PostgresProcedureStoreTests(PostgresStores stores) : ProcedureContract(stores), IClassFixture<PostgresStores>;
