using Dapper;

namespace Copilot.Api.Store;

/// <summary>
/// Applies the embedded SQL files (Store/Migrations/NNN_name.sql and each feature's Migrations/) and the
/// migrations a feature generates from its code (<see cref="IGeneratedMigration"/>) in name order, each once,
/// each in its own transaction, so a failed start-up leaves the schema as it was.
/// </summary>
public sealed class Migrator(Db db, ILogger<Migrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
        var applied = (await connection.QueryAsync<string>("SELECT version FROM schema_migrations")).ToHashSet();

        foreach (var (version, sql) in Embedded().Concat(Generated()).OrderBy(m => m.Version, StringComparer.Ordinal))
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

    private static IEnumerable<(string Version, string Sql)> Generated() =>
        typeof(Migrator).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IGeneratedMigration).IsAssignableFrom(t))
            .Select(t => (IGeneratedMigration)Activator.CreateInstance(t)!)
            .Select(m => (m.Version, m.Sql));

    private static IEnumerable<(string Version, string Sql)> Embedded()
    {
        var assembly = typeof(Migrator).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (name["Migrations.".Length..^".sql".Length], reader.ReadToEnd());
        }
    }
}
