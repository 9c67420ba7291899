using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Copilot.Api.Store;

/// <summary>
/// A connection a writer keeps open (the writer of a <see cref="GroupCommit{TItem, TResult}"/>), with its
/// statements prepared on it once. Microsoft.Data.Sqlite keeps a compiled statement only for the command
/// object that prepared it, and closing a connection drops them: a write that creates its commands anew
/// compiles its SQL, and every trigger that SQL fires, each time (a feedback insert with the rollup
/// triggers: 0.66 ms compiled each time, 0.20 ms prepared once). On PostgreSQL, Npgsql prepares them on the
/// kept connection itself once they repeat (see <c>Postgres/PostgresConnections</c>).
/// </summary>
/// <param name="statements">The SQL of each command, in the order the write receives them.</param>
public sealed class PreparedConnection(Db db, params string[] statements) : IAsyncDisposable
{
    /// <summary>How often a transaction PostgreSQL failed (a deadlock broken, a kept connection found dead) is run again before its failure counts.</summary>
    private const int ConflictAttempts = 3;

    private DbConnection? _connection;
    private DbCommand[] _commands = [];

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction on the kept connection, in the store's queue of writers
    /// (as <see cref="Db.WriteAsync{T}"/>), and commits it before returning. The write receives the commands,
    /// prepared, in the order of the statements; it sets their parameters with <see cref="PreparedCommands.Set"/>.
    /// On a failure the transaction is rolled back and the connection replaced: the next write starts afresh.
    /// A transaction PostgreSQL chose to fail to break a deadlock between instances, or one on a kept connection the
    /// server dropped (it restarted), is run again (a few times) on a fresh connection: the writes it may repeat are
    /// idempotent (<c>ON CONFLICT</c>).
    /// </summary>
    public Task<T> WriteAsync<T>(Func<IReadOnlyList<DbCommand>, Task<T>> write, CancellationToken cancellationToken,
        [CallerFilePath] string callerFile = "", [CallerMemberName] string caller = "") =>
        db.GatedWriteAsync(async () =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var (connection, commands) = await OpenAsync(cancellationToken);
                    await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                    foreach (var command in commands)
                    {
                        command.Transaction = tx;
                    }
                    var result = await write(commands);
                    await tx.CommitAsync(cancellationToken);
                    return result;
                }
                catch (Exception e) when ((StoreDialect.IsConflict(e) || StoreDialect.IsBrokenConnection(e)) && attempt < ConflictAttempts)
                {
                    await CloseAsync();
                }
                catch
                {
                    await CloseAsync();
                    throw;
                }
            }
        }, cancellationToken, callerFile, caller);

    private async Task<(DbConnection, DbCommand[])> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            _connection = await db.OpenAsync(cancellationToken);
            _commands = statements.Select(sql =>
            {
                var command = _connection.CreateCommand();
                command.CommandText = sql;
                if (!db.Dialect.IsPostgres)
                {
                    // Npgsql prepares once the parameters are known; SQLite compiles the text alone.
                    command.Prepare();
                }
                return command;
            }).ToArray();
        }
        return (_connection, _commands);
    }

    private async Task CloseAsync()
    {
        foreach (var command in _commands)
        {
            await command.DisposeAsync();
        }
        _commands = [];
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    /// <summary>Closes the connection; call it once the writer has stopped.</summary>
    public async ValueTask DisposeAsync() => await CloseAsync();
}

public static class PreparedCommands
{
    /// <summary>
    /// Sets a parameter of a prepared command, adding it on first use; null is stored as NULL. The parameter's type
    /// comes from <typeparamref name="T"/>, so a NULL is sent with the type of the column it fills (PostgreSQL wants one);
    /// an array (a batch sent to PostgreSQL as one statement) is typed by Npgsql from its elements.
    /// </summary>
    public static void Set<T>(this DbCommand command, string name, T value)
    {
        var i = command.Parameters.IndexOf(name);
        if (i >= 0)
        {
            command.Parameters[i].Value = (object?)value ?? DBNull.Value;
            return;
        }
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (!typeof(T).IsArray)
        {
            parameter.DbType = TypeOf(typeof(T));
        }
        parameter.Value = (object?)value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static DbType TypeOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) => DbType.Int32,
        var t when t == typeof(long) => DbType.Int64,
        var t when t == typeof(double) => DbType.Double,
        var t when t == typeof(bool) => DbType.Boolean,
        _ => DbType.String,
    };
}
