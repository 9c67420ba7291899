using Copilot.Api.Store;
using Dapper;
using Npgsql;

namespace Copilot.Benchmarks;

/// <summary>
/// The PostgreSQL database a benchmark runs against (<c>--postgres "Host=…;Database=…;Username=…"</c>): each run in a
/// schema of its own there (the connection's search path), dropped afterwards unless <c>--keep</c>.
/// </summary>
public sealed class PostgresBench : IAsyncDisposable
{
    private readonly string _admin;
    private readonly bool _keep;

    private PostgresBench(string admin, string schema, bool keep)
    {
        _admin = admin;
        _keep = keep;
        Schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = $"{schema}, pg_catalog" }.ConnectionString;
    }

    public string Schema { get; }

    /// <summary>Connects into the run's schema: give it to a host (<c>Copilot:Store:ConnectionString</c>) or to <see cref="Db.Postgres"/>.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresBench> CreateAsync(string connectionString, bool keep)
    {
        var schema = $"bench_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid():N}"[..32];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.ExecuteAsync($"CREATE SCHEMA {schema}");
        return new PostgresBench(connectionString, schema, keep);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (!_keep)
        {
            await using var connection = new NpgsqlConnection(_admin);
            await connection.ExecuteAsync($"DROP SCHEMA {Schema} CASCADE");
        }
    }
}
