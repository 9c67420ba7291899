using Copilot.Api.Store;
using Microsoft.Data.Sqlite;

namespace Copilot.Tests.Store;

public sealed class DbTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("copilot-db-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<long> PragmaAsync(SqliteConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task EveryConnectionHasTheStoresSettingsWhetherNewOrFromThePool()
    {
        var db = new Db(Path.Combine(_directory, "copilot.db"));
        object? firstHandle = null;
        for (var i = 0; i < 3; i++)
        {
            // Two open at once: the second is a new native connection, the next round reuses pooled ones.
            await using var a = (SqliteConnection)await db.OpenAsync(CancellationToken.None);
            await using var b = (SqliteConnection)await db.OpenAsync(CancellationToken.None);
            foreach (var connection in new[] { a, b })
            {
                Assert.Equal(1, await PragmaAsync(connection, "foreign_keys"));
                Assert.Equal(1, await PragmaAsync(connection, "synchronous"));
                Assert.Equal(10000, await PragmaAsync(connection, "busy_timeout"));
            }
            if (i == 0)
            {
                firstHandle = a.Handle;
            }
            else
            {
                Assert.True(ReferenceEquals(firstHandle, a.Handle) || ReferenceEquals(firstHandle, b.Handle), "the pool should hand the native connection out again");
            }
        }
    }
}
