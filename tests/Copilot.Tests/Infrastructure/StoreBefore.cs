using System.Data.Common;
using Copilot.Api.Store;
using Dapper;

namespace Copilot.Tests.Infrastructure;

/// <summary>
/// A SQLite store as it stood before a migration: every embedded migration whose version sorts before it applied and
/// recorded, so a test can write rows the old way and then let the <see cref="Migrator"/> apply the rest.
/// </summary>
internal static class StoreBefore
{
    public static async Task ApplyAsync(DbConnection connection, string version)
    {
        await connection.ExecuteAsync("CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
        foreach (var (name, sql) in Migrations().Where(m => string.CompareOrdinal(m.Version, version) < 0))
        {
            await connection.ExecuteAsync(sql);
            await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (@name, '2026-11-01')", new { name });
        }
    }

    /// <summary>The SQLite migrations embedded in the API, in the order the migrator applies them.</summary>
    private static IEnumerable<(string Version, string Sql)> Migrations()
    {
        var assembly = typeof(Db).Assembly;
        foreach (var name in assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal) && !n.StartsWith("Migrations.postgres.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            yield return (name["Migrations.".Length..^".sql".Length], new StreamReader(stream).ReadToEnd());
        }
    }
}
