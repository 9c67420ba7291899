using Copilot.Api.Store;
using Dapper;
using Npgsql;

namespace Copilot.Evaluation;

/// <summary>
/// Where the evaluation puts a PostgreSQL index when run with <c>--postgres "Host=…;Database=…;…"</c>: a schema of its
/// own in that database for each temporary index (the connection's search path), dropped afterwards.
/// </summary>
public sealed class PostgresSchema : IAsyncDisposable
{
    /// <summary>The database given with <c>--postgres</c>; null runs the retrieval rows on SQLite only.</summary>
    public static string? ConnectionString { get; set; }

    private readonly string _admin;
    private readonly string _schema;

    private PostgresSchema(string admin, string schema, Db db)
    {
        _admin = admin;
        _schema = schema;
        Db = db;
    }

    public Db Db { get; }

    public static async Task<PostgresSchema> CreateAsync(string connectionString)
    {
        var schema = $"eval_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.ExecuteAsync($"CREATE SCHEMA {schema}");
        }
        var scoped = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = $"{schema}, pg_catalog" }.ConnectionString;
        return new PostgresSchema(connectionString, schema, Db.Postgres(scoped));
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.ExecuteAsync($"DROP SCHEMA {_schema} CASCADE");
    }
}
