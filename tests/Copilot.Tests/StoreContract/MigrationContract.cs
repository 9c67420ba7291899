using Copilot.Api.Store;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Copilot.Tests.StoreContract;

/// <summary>Both stores get the same migrations, and applying them again changes nothing.</summary>
public abstract class MigrationContract(Stores stores)
{
    [Fact]
    public async Task EveryMigrationIsAppliedOnceAndAgainIsNothingNew()
    {
        var db = await stores.NewAsync();
        await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);

        await using var connection = await db.OpenAsync(CancellationToken.None);
        var applied = (await connection.QueryAsync<string>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(Migrator.All(stores.Provider).Select(m => m.Version), applied);
    }
}

public sealed class SqliteMigrationTests(SqliteStores stores) : MigrationContract(stores), IClassFixture<SqliteStores>;

public sealed class PostgresMigrationTests(PostgresStores stores) : MigrationContract(stores), IClassFixture<PostgresStores>
{
    [Fact]
    public void EverySqliteMigrationHasAPostgresTwinOfTheSameName() =>
        Assert.Equal(Migrator.Embedded(StoreProvider.Sqlite).Select(m => m.Version), Migrator.Embedded(StoreProvider.Postgres).Select(m => m.Version));

    [Fact]
    public async Task InstancesStartingTogetherApplyEachMigrationOnce()
    {
        var first = await stores.NewAsync();
        await using var connection = await first.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        var instances = Enumerable.Range(0, 4).Select(_ => Db.Postgres(stores.LastConnectionString)).ToList();

        await Task.WhenAll(instances.Select(db => new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None)));

        var applied = (await connection.QueryAsync<string>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(Migrator.All(StoreProvider.Postgres).Select(m => m.Version), applied);
        foreach (var db in instances)
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public void TheIndexFoldsWordsAsQueriesDo()
    {
        var sql = Migrator.Embedded(StoreProvider.Postgres).Single(m => m.Version == "010_knowledge").Sql;
        var fold = System.Text.RegularExpressions.Regex.Match(sql, @"translate\(lower\(value\),\s*'([^']*)',\s*'([^']*)'\)");
        Assert.True(fold.Success);
        var from = fold.Groups[1].Value;
        Assert.Equal(from.Length, fold.Groups[2].Value.Length);
        for (var i = 0; i < from.Length; i++)
        {
            Assert.Equal(Copilot.Api.Knowledge.FtsQuery.Fold(from[i].ToString()), fold.Groups[2].Value[i].ToString());
        }
    }
}
