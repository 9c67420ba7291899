using Copilot.Api.Store;
using Dapper;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Copilot.Tests.Store;

public sealed class PreparedConnectionTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("copilot-prepared-").FullName;
    private Db _db = null!;

    public async Task InitializeAsync()
    {
        _db = new Db(Path.Combine(_directory, "copilot.db"));
        await using var c = await _db.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("PRAGMA journal_mode = WAL; CREATE TABLE item (id TEXT PRIMARY KEY)");
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private static Func<IReadOnlyList<DbCommand>, Task<DbCommand>> Insert(params string[] ids) => async commands =>
    {
        foreach (var id in ids)
        {
            commands[0].Set("$id", id);
            await commands[0].ExecuteNonQueryAsync();
        }
        return commands[0];
    };

    private async Task<long> CountAsync()
    {
        await using var c = await _db.OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<long>("SELECT count(*) FROM item");
    }

    [Fact]
    public async Task EveryWriteReusesTheCommandPreparedOnTheKeptConnectionUntilAWriteFails()
    {
        await using var writer = new PreparedConnection(_db, "INSERT INTO item (id) VALUES ($id)");

        var first = await writer.WriteAsync(Insert("a"), CancellationToken.None);
        var second = await writer.WriteAsync(Insert("b", "c"), CancellationToken.None);
        await Assert.ThrowsAsync<SqliteException>(() => writer.WriteAsync(Insert("d", "a"), CancellationToken.None));
        var afterFailure = await writer.WriteAsync(Insert("e"), CancellationToken.None);

        Assert.Same(first, second);
        Assert.NotSame(second, afterFailure);
        Assert.Equal(4, await CountAsync());
    }

    [Fact]
    public async Task AWriteIsCommittedWhenItReturnsAndAFailedOneKeepsNothing()
    {
        await using var writer = new PreparedConnection(_db, "INSERT INTO item (id) VALUES ($id)");

        await writer.WriteAsync(Insert("a", "b"), CancellationToken.None);
        Assert.Equal(2, await CountAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync<int>(async commands =>
        {
            await Insert("c", "d")(commands);
            throw new InvalidOperationException("failed after two inserts");
        }, CancellationToken.None));
        Assert.Equal(2, await CountAsync());
    }
}
