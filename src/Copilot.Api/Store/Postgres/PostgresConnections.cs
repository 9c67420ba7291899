using System.Data.Common;
using Npgsql;

namespace Copilot.Api.Store.Postgres;

/// <summary>
/// Connections to a PostgreSQL database, from one pool per process. Statements run repeatedly (the feedback
/// ingest's, the replay guard's) are prepared by Npgsql on each pooled connection after their second use, so
/// every instance parses them once per connection, as SQLite's kept connections do.
/// </summary>
internal sealed class PostgresConnections : IStoreConnections
{
    private readonly NpgsqlDataSource _source;

    public PostgresConnections(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }
        settings.ApplicationName ??= "copilot";
        ConnectionString = settings.ConnectionString;
        _source = NpgsqlDataSource.Create(settings);
    }

    /// <summary>The connection string as used, with the settings above (it may hold a password: never log it).</summary>
    public string ConnectionString { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await _source.OpenConnectionAsync(cancellationToken);

    /// <summary>Drops the idle pooled connections: after the server restarted, each of them is dead.</summary>
    public void Clear() => _source.Clear();

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
