using Copilot.Api.Store;
using Copilot.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Copilot.Tests.Analytics;

/// <summary>
/// 070_suggestion_action_and_triage_intent: rewrite actions and triage labels written into
/// <c>suggestions.intent</c> move to their own columns, the rows take the ticket's intent, and the
/// rollups come out as if the rows had been written that way.
/// </summary>
public sealed class IntentBackfillTests
{
    private const string Version = "070_suggestion_action_and_triage_intent";

    private static readonly string[] Dumps =
    [
        "SELECT id, intent, rewrite_action, triage_intent FROM suggestions ORDER BY id",
        "SELECT * FROM analytics_daily ORDER BY tenant, day, kind, agent, intent",
        "SELECT * FROM analytics_weekly ORDER BY tenant, week, kind, agent, intent",
        "SELECT * FROM analytics_latest ORDER BY suggestion_id",
        "SELECT tenant, day FROM analytics_versions ORDER BY tenant, day",
    ];

    [Fact]
    public async Task RewriteActionsAndTriageLabelsLeaveTheIntentColumnAndTheRollups()
    {
        var dir = Path.Combine(Path.GetTempPath(), "copilot-intent-backfill-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            // Before: the schema up to this migration, rows written the old way, then the migration.
            var before = new Db(Path.Combine(dir, "before.db"));
            await using (var c = await before.OpenAsync(CancellationToken.None))
            {
                await StoreBefore.ApplyAsync(c, Version);
                await WriteRowsAsync((SqliteConnection)c, oldShape: true);
            }
            await new Migrator(before, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
            // After: every migration first, the same rows written the new way, through the triggers.
            var after = new Db(Path.Combine(dir, "after.db"));
            await new Migrator(after, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
            await using (var c = await after.OpenAsync(CancellationToken.None))
            {
                await WriteRowsAsync((SqliteConnection)c, oldShape: false);
            }

            foreach (var query in Dumps)
            {
                var expected = await DumpAsync(after, query);
                Assert.NotEmpty(expected);
                Assert.Equal(expected, await DumpAsync(before, query));
            }
            Assert.Equal(["", "billing", "setup", "shipping"], (await DumpAsync(before, "SELECT DISTINCT intent FROM analytics_daily ORDER BY 1")));
            Assert.Equal(["", "billing", "setup", "shipping"], (await DumpAsync(before, "SELECT DISTINCT intent FROM analytics_weekly ORDER BY 1")));
            Assert.Equal(
                ["r1|billing|friendlier|", "r2|billing|more-formal|", "r3||friendlier|", "r4|shipping|shorten|", "r5||expand|", "r6|setup|friendlier|",
                 "t1|billing||refund", "t2|||delivery", "t3|shipping||billing"],
                (await DumpAsync(before, Dumps[0])).Where(r => r[0] is 'r' or 't').ToList());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Ticket 1 (billing, then shipping a week later), ticket 2 (triaged before any assist, then shipping),
    /// a rewrite without a ticket, and tenant "other" whose ticket 1 is about setup. Feedback on most.
    /// </summary>
    private static async Task WriteRowsAsync(SqliteConnection c, bool oldShape)
    {
        // id, tenant, ticket, kind, ticket's intent (what the new shape writes), action or label, created_at
        var rows = new (string Id, string Tenant, long Ticket, string Kind, string? Intent, string? Own, string At)[]
        {
            ("s1", "acme", 1, "summary", "billing", null, "2026-11-01T09:00:00Z"),
            ("a1", "acme", 1, "articles", "billing", null, "2026-11-01T09:00:00Z"),
            ("d1", "acme", 1, "draft", "billing", null, "2026-11-01T09:01:00Z"),
            ("r1", "acme", 1, "rewrite", "billing", "friendlier", "2026-11-01T09:02:00Z"),
            ("t1", "acme", 1, "triage", "billing", "refund", "2026-11-01T09:03:00Z"),
            ("r2", "acme", 1, "rewrite", "billing", "more-formal", "2026-11-08T10:00:00Z"),
            ("s2", "acme", 1, "summary", "shipping", null, "2026-11-09T08:00:00Z"),
            ("r4", "acme", 1, "rewrite", "shipping", "shorten", "2026-11-09T08:05:00Z"),
            ("t2", "acme", 2, "triage", null, "delivery", "2026-11-02T12:00:00Z"),
            ("s3", "acme", 2, "summary", "shipping", null, "2026-11-02T12:01:00Z"),
            ("t3", "acme", 2, "triage", "shipping", "billing", "2026-11-02T12:02:00Z"),
            ("r3", "acme", 0, "rewrite", null, "friendlier", "2026-11-03T15:00:00Z"),
            ("s4", "other", 1, "summary", "setup", null, "2026-11-01T09:30:00Z"),
            ("r6", "other", 1, "rewrite", "setup", "friendlier", "2026-11-01T09:31:00Z"),
            ("r5", "other", 7, "rewrite", null, "expand", "2026-11-04T11:00:00Z"),
        };
        foreach (var r in rows)
        {
            var (intent, action, label) = oldShape
                ? (r.Kind is "rewrite" or "triage" ? r.Own : r.Intent, (string?)null, (string?)null)
                : (r.Intent, r.Kind == "rewrite" ? r.Own : null, r.Kind == "triage" ? r.Own : null);
            var columns = oldShape ? "" : ", rewrite_action, triage_intent";
            var values = oldShape ? "" : ", @action, @label";
            await c.ExecuteAsync(
                $"""
                INSERT INTO suggestions (id, tenant, ticket_id, kind, agent_id, intent, text, sources, provider, model, prompt_version, latency_ms, created_at, cost_usd{columns})
                VALUES (@Id, @Tenant, @Ticket, @Kind, 'a1', @intent, 'x', '[]', 'offline', NULL, 'v1', 1, @At, @cost{values})
                """, new { r.Id, r.Tenant, r.Ticket, r.Kind, intent, r.At, cost = r.Kind == "rewrite" ? 0.002 : (double?)null, action, label });
        }
        var feedback = new (string Suggestion, string Outcome, double? Ratio, string? Reason, string At)[]
        {
            ("r1", "edited", 0.2, null, "2026-11-01T09:05:00Z"),
            ("r1", "accepted", null, null, "2026-11-01T09:06:00Z"),
            ("t1", "rejected", null, "wrong-facts", "2026-11-01T09:07:00Z"),
            ("t2", "accepted", null, null, "2026-11-02T12:05:00Z"),
            ("r3", "rejected", null, "wrong-tone", "2026-11-03T15:01:00Z"),
            ("r6", "edited", 0.6, null, "2026-11-01T09:40:00Z"),
            ("d1", "accepted", null, null, "2026-11-01T09:10:00Z"),
        };
        var n = 0;
        foreach (var f in feedback)
        {
            await c.ExecuteAsync(
                """
                INSERT INTO feedback (tenant, event_id, suggestion_id, agent_id, outcome, edit_ratio, reason, created_at)
                VALUES ((SELECT tenant FROM suggestions WHERE id = @Suggestion), @id, @Suggestion, 'a1', @Outcome, @Ratio, @Reason, @At)
                """, new { id = $"e{n++}", f.Suggestion, f.Outcome, f.Ratio, f.Reason, f.At });
        }
    }

    private static async Task<List<string>> DumpAsync(Db db, string query)
    {
        await using var c = await db.OpenAsync(CancellationToken.None);
        return (await c.QueryAsync(query)).Select(r => string.Join("|", ((IDictionary<string, object?>)r).Values)).ToList();
    }
}
