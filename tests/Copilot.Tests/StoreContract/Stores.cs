using Copilot.Api.Store;
using Copilot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Copilot.Tests.StoreContract;

/// <summary>
/// Fresh, migrated stores of one kind for the store contract tests: each test asks for its own, and every test of a
/// contract runs once against SQLite and once against PostgreSQL, so the two cannot drift apart.
/// </summary>
public abstract class Stores : IAsyncLifetime
{
    public abstract StoreProvider Provider { get; }

    /// <summary>A new, empty store with every migration applied.</summary>
    public async Task<Db> NewAsync()
    {
        var db = await CreateAsync();
        await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        return db;
    }

    protected abstract Task<Db> CreateAsync();

    /// <summary>
    /// The store <paramref name="db"/> as another instance sees it: on PostgreSQL a second <see cref="Db"/> on the same
    /// database (its own pool, no write queue in common); SQLite is one instance's store, so there it is the same one.
    /// Disposed with the fixture.
    /// </summary>
    public abstract Db Another(Db db);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>SQLite files in a temporary folder, removed afterwards.</summary>
public sealed class SqliteStores : Stores
{
    private readonly string _folder = Directory.CreateTempSubdirectory("copilot-contract-").FullName;
    private int _count;

    public override StoreProvider Provider => StoreProvider.Sqlite;

    protected override Task<Db> CreateAsync() => Task.FromResult(new Db(Path.Combine(_folder, $"store{Interlocked.Increment(ref _count)}.db")));

    public override Db Another(Db db) => db;

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        TestApp.DeleteDirectory(_folder);
        return Task.CompletedTask;
    }
}

/// <summary>Databases on the test run's PostgreSQL server (<see cref="PostgresServer.Shared"/>), one per store.</summary>
public sealed class PostgresStores : Stores
{
    private readonly List<Db> _opened = [];
    private readonly Dictionary<Db, string> _connectionStrings = [];

    public override StoreProvider Provider => StoreProvider.Postgres;

    /// <summary>The connection string of the last store made (a second <see cref="Db"/> on it plays another instance).</summary>
    public string LastConnectionString { get; private set; } = "";

    protected override async Task<Db> CreateAsync()
    {
        LastConnectionString = await (await PostgresServer.Shared).CreateDatabaseAsync();
        var db = Db.Postgres(LastConnectionString);
        lock (_opened)
        {
            _opened.Add(db);
            _connectionStrings[db] = LastConnectionString;
        }
        return db;
    }

    public override Db Another(Db db)
    {
        lock (_opened)
        {
            var other = Db.Postgres(_connectionStrings[db]);
            _opened.Add(other);
            return other;
        }
    }

    public override async Task DisposeAsync()
    {
        foreach (var db in _opened)
        {
            await db.DisposeAsync();
        }
    }
}
