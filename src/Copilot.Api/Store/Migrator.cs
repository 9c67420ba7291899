using System.Data.Common;
using Dapper;

namespace Copilot.Api.Store;

/// <summary>
/// Applies the embedded SQL files (Store/Migrations/NNN_name.sql and each feature's Migrations/; for PostgreSQL their
/// twins in each folder's <c>postgres/</c>) and the migrations a feature generates from its code
/// (<see cref="IGeneratedMigration"/>) in name order, each once, each in its own transaction, so a failed start-up
/// leaves the schema as it was. On PostgreSQL several instances may start at once: each waits for an advisory lock
/// before it reads what is applied, so one applies what is missing and the others find it done.
/// </summary>
public sealed class Migrator(Db db, ILogger<Migrator> logger)
{
    /// <summary>The advisory lock migrations hold on PostgreSQL (any 64-bit number no other application of the database uses).</summary>
    public const long AdvisoryLock = 0x436F70696C6F74; // "Copilot"

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        if (db.Dialect.IsPostgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLock }, cancellationToken: cancellationToken));
            try
            {
                await ApplyAsync(connection, cancellationToken);
            }
            finally
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLock }, cancellationToken: CancellationToken.None));
            }
        }
        else
        {
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
            await ApplyAsync(connection, cancellationToken);
        }
    }

    private async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)", cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<string>(new CommandDefinition("SELECT version FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet();
        foreach (var (version, sql) in All(db.Provider))
        {
            if (applied.Contains(version))
            {
                continue;
            }
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: tx, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @now)",
                new { version, now = DateTimeOffset.UtcNow.ToString("O") }, tx, cancellationToken: cancellationToken));
            await tx.CommitAsync(cancellationToken);
            logger.LogInformation("Applied migration {Version}", version);
        }
    }

    /// <summary>Every migration of the store, in the order they apply.</summary>
    public static IReadOnlyList<(string Version, string Sql)> All(StoreProvider provider) =>
        Embedded(provider).Concat(Generated(provider)).OrderBy(m => m.Version, StringComparer.Ordinal).ToList();

    private static IEnumerable<(string Version, string Sql)> Generated(StoreProvider provider) =>
        typeof(Migrator).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IGeneratedMigration).IsAssignableFrom(t))
            .Select(t => (IGeneratedMigration)Activator.CreateInstance(t)!)
            .Select(m => (m.Version(provider), m.Sql(provider)));

    /// <summary>The SQL files of the store: <c>Migrations.NNN_name.sql</c> (SQLite) or <c>Migrations.postgres.NNN_name.sql</c>.</summary>
    public static IEnumerable<(string Version, string Sql)> Embedded(StoreProvider provider)
    {
        var prefix = provider == StoreProvider.Postgres ? "Migrations.postgres." : "Migrations.";
        var assembly = typeof(Migrator).Assembly;
        foreach (var name in assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && !n[prefix.Length..^".sql".Length].Contains('.', StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (name[prefix.Length..^".sql".Length], reader.ReadToEnd());
        }
    }
}
