using Copilot.Api.Store;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Copilot.Tests.Analytics;

public sealed class MigrationBackfillTests
{
    [Fact]
    public async Task RowsWrittenBeforeTheAnalyticsMigrationAreRolledUpAsTheTriggersWouldHave()
    {
        var dir = Path.Combine(Path.GetTempPath(), "copilot-backfill-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            // Before: the core schema only, rows written, then the analytics migration.
            var before = new Db(Path.Combine(dir, "before.db"));
            await using (var c = await before.OpenAsync(CancellationToken.None))
            {
                await c.ExecuteAsync(Migration("001_core"));
                await WriteRowsAsync((SqliteConnection)c);
                await c.ExecuteAsync(Migration("030_analytics"));
            }
            // After: every migration first, the same rows written through the triggers.
            var after = new Db(Path.Combine(dir, "after.db"));
            await new Migrator(after, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
            await using (var c = await after.OpenAsync(CancellationToken.None))
            {
                await WriteRowsAsync((SqliteConnection)c);
            }

            foreach (var query in new[]
            {
                "SELECT * FROM analytics_daily ORDER BY tenant, day, kind, agent, intent",
                "SELECT * FROM analytics_weekly ORDER BY tenant, week, kind, agent, intent",
                "SELECT * FROM analytics_latest ORDER BY suggestion_id",
                "SELECT tenant, day FROM analytics_versions ORDER BY tenant, day",
            })
            {
                var expected = await DumpAsync(after, query);
                Assert.NotEmpty(expected);
                Assert.Equal(expected, await DumpAsync(before, query));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task WriteRowsAsync(SqliteConnection c)
    {
        var random = new Random(11);
        for (var i = 0; i < 60; i++)
        {
            var at = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(random.Next(24 * 20));
            await c.ExecuteAsync(
                """
                INSERT INTO suggestions (id, tenant, ticket_id, kind, agent_id, intent, text, sources, provider, model, prompt_version, latency_ms, created_at)
                VALUES (@id, @tenant, @i, @kind, @agent, @intent, 'x', '[]', 'offline', NULL, 'v1', 1, @at)
                """, new { id = $"b{i}", tenant = i % 5 == 0 ? "other" : "acme", i, kind = new[] { "draft", "summary", "triage" }[i % 3],
                    agent = i % 7 == 0 ? null : $"a{i % 3}", intent = i % 4 == 0 ? null : $"n{i % 2}", at = at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") });
            for (var k = random.Next(3); k > 0; k--)
            {
                var outcome = new[] { "accepted", "edited", "rejected" }[random.Next(3)];
                await c.ExecuteAsync(
                    """
                    INSERT INTO feedback (tenant, event_id, suggestion_id, agent_id, outcome, edit_ratio, reason, created_at)
                    VALUES ('acme', @id, @suggestion, 'a1', @outcome, @ratio, @reason, @at)
                    """, new { id = $"b{i}-{k}", suggestion = $"b{i}", outcome, ratio = outcome == "edited" ? random.Next(100) / 100.0 : (double?)null,
                        reason = outcome == "rejected" ? new[] { "policy", "wrong-tone", null, "bogus" }[random.Next(4)] : null,
                        at = at.AddMinutes(random.Next(1, 90)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") });
            }
        }
    }

    private static string Migration(string name)
    {
        using var stream = typeof(Db).Assembly.GetManifestResourceStream($"Migrations.{name}.sql")!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static async Task<List<string>> DumpAsync(Db db, string query)
    {
        await using var c = await db.OpenAsync(CancellationToken.None);
        return (await c.QueryAsync(query)).Select(r => string.Join("|", ((IDictionary<string, object?>)r).Values)).ToList();
    }
}
