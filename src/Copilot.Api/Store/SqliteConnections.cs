using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Copilot.Api.Store;

/// <summary>
/// Connections to the SQLite file. WAL lets readers run beside the one writer; busy_timeout makes writers
/// queue instead of failing under load.
/// </summary>
internal sealed class SqliteConnections(string path) : IStoreConnections
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Native connections already set up: the pool hands the same ones out again, settings intact.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _prepared = [];

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (connection.Handle is { } handle && _prepared.TryAdd(handle, handle))
        {
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }
        return connection;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Opens connections to one store.</summary>
internal interface IStoreConnections : IAsyncDisposable
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
