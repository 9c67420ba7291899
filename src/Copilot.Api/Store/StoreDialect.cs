using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Copilot.Api.Store;

/// <summary>
/// The few places where SQLite and PostgreSQL need different SQL text. Everything else is written once:
/// upserts as <c>INSERT … ON CONFLICT (key) DO UPDATE</c> with the target table's columns qualified, insert-or-ignore
/// as <c>ON CONFLICT DO NOTHING</c>, times as fixed-width UTC text (compared and cut the same way by both),
/// truth values as <c>CASE WHEN … THEN 1 ELSE 0 END</c>, <c>coalesce</c> for <c>ifnull</c>.
/// </summary>
public sealed class StoreDialect
{
    public static readonly StoreDialect Sqlite = new(StoreProvider.Sqlite);
    public static readonly StoreDialect Postgres = new(StoreProvider.Postgres);

    private StoreDialect(StoreProvider provider) => Provider = provider;

    public StoreProvider Provider { get; }

    public bool IsPostgres => Provider == StoreProvider.Postgres;

    /// <summary>
    /// <c>column IN @list</c> (Dapper spells out the list) or <c>column = ANY(@list)</c> (Npgsql sends it as one array).
    /// </summary>
    public string In(string column, string parameter) => IsPostgres ? $"{column} = ANY({parameter})" : $"{column} IN {parameter}";

    /// <summary>The texts of a group joined with <paramref name="separator"/> (an SQL literal).</summary>
    public string JoinTexts(string expression, string separator) =>
        IsPostgres ? $"string_agg({expression}, {separator})" : $"group_concat({expression}, {separator})";

    /// <summary>How many items a JSON array held in a text column has; NULL when it is not one.</summary>
    public string JsonArrayLength(string expression) =>
        IsPostgres ? $"copilot_json_array_length({expression})" : $"CASE WHEN json_valid({expression}) THEN json_array_length({expression}) END";

    /// <summary>
    /// A transaction that only reads, all of it from one snapshot: SQLite's deferred transaction (a WAL read snapshot,
    /// never the write lock), PostgreSQL's repeatable read.
    /// </summary>
    public async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    /// <summary>
    /// Makes the transaction the only one holding <paramref name="name"/> until it ends: on PostgreSQL a transaction-level
    /// advisory lock on the name's hash, so a read-then-write (the next version of a row) is not run twice at once by
    /// two instances; on SQLite nothing, as its writers already write one at a time.
    /// </summary>
    public Task LockAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken) =>
        IsPostgres
            ? Dapper.SqlMapper.ExecuteAsync(connection, new Dapper.CommandDefinition(
                "SELECT pg_advisory_xact_lock(hashtextextended(@name, 0))", new { name }, transaction, cancellationToken: cancellationToken))
            : Task.CompletedTask;

    /// <summary>
    /// A failure that says nothing about the work, only about the moment: PostgreSQL broke a deadlock or a
    /// serialization conflict by failing this transaction. The same transaction run again may well succeed.
    /// </summary>
    public static bool IsConflict(Exception e) => e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    /// <summary>The connection to PostgreSQL was lost or could not be made (the server restarted, or is down).</summary>
    public static bool IsBrokenConnection(Exception e) => e is NpgsqlException { IsTransient: true } and not PostgresException;
}
