using System.Text;
using Copilot.Api.Store;
using Copilot.Api.Vocabulary;

namespace Copilot.Api.Analytics.Rollups;

/// <summary>
/// PostgreSQL counts feedback outcomes once per INSERT statement, over the rows it inserted (a statement trigger with
/// a transition table), where SQLite runs the same rules row by row. A batch of events then costs two set-based
/// statements (after locking its suggestions) instead of a handful per event, and each rollup row it touches is
/// locked once, in key order.
/// The rules are SQLite's, applied to the batch as a whole, which comes to the same counts:
/// <list type="bullet">
/// <item>per suggestion only the batch's latest event can count (latest by time; of events at the same time, the one
/// inserted last), and only when no event counted before is later;</item>
/// <item>it takes back what the suggestion's counted event added, records itself in <c>analytics_latest</c> and adds
/// its own contributions; the two changes are summed per rollup row before they are written;</item>
/// <item>the suggestions' rows are locked first, in id order, so two instances recording outcomes of the same
/// suggestions take turns without deadlocking: each sees what the other counted.</item>
/// </list>
/// </summary>
internal static class PostgresOutcomeTrigger
{
    private const string Name = "analytics_feedback_outcome";

    public static void Write(StringBuilder sql)
    {
        var counted = RollupColumns.Counted;
        var sDay = IsoWeek.SqlDay("s.created_at");
        var contributions = RollupTriggers.ContributionList("w").Select((c, i) => $"{c} AS {counted[i]}");
        var fresh = $"""
            WITH ordered AS (SELECT r.*, row_number() OVER () AS n FROM new_rows AS r),
            ranked AS (SELECT o.*, row_number() OVER (PARTITION BY o.suggestion_id ORDER BY o.created_at DESC, o.n DESC) AS rank FROM ordered AS o),
            w AS (
                SELECT * FROM ranked WHERE rank = 1
                AND NOT EXISTS (SELECT 1 FROM analytics_latest AS l WHERE l.suggestion_id = ranked.suggestion_id AND l.event_at > ranked.created_at)),
            fresh AS (
                SELECT s.id AS suggestion_id, s.tenant, s.ticket_id, {sDay} AS day, {IsoWeek.SqlMonday(sDay, StoreProvider.Postgres)} AS week,
                    s.kind, coalesce(s.agent_id, '') AS agent, coalesce(s.intent, '') AS intent,
                    w.event_id, w.created_at AS event_at, w.outcome, x.reason,
                    {string.Join(",\n                    ", contributions)}
                FROM w JOIN suggestions AS s ON s.id = w.suggestion_id,
                    LATERAL (SELECT {RollupTriggers.ReasonCase("w")} AS reason, {RollupTriggers.BucketCase("w")} AS bucket) AS x)
            """;
        var latest = new[] { "suggestion_id", "tenant", "ticket_id", "day", "week", "kind", "agent", "intent", "event_id", "event_at", "outcome", "reason" }.Concat(counted).ToList();
        sql.AppendLine($"CREATE OR REPLACE FUNCTION {Name}() RETURNS trigger LANGUAGE plpgsql AS $$");
        sql.AppendLine("BEGIN");
        sql.AppendLine("    PERFORM 1 FROM suggestions WHERE id IN (SELECT suggestion_id FROM new_rows) ORDER BY id FOR NO KEY UPDATE;");
        // The rows every writer locks, in the order the suggestion trigger locks them: the days' versions, then the
        // daily and the weekly rollups. A day's version changes with any event of the batch on it, counted or not.
        sql.AppendLine($"""
                INSERT INTO analytics_versions (tenant, day, version)
                SELECT s.tenant, {sDay}, count(*) FROM new_rows AS r JOIN suggestions AS s ON s.id = r.suggestion_id
                GROUP BY 1, 2 ORDER BY 1, 2
                ON CONFLICT (tenant, day) DO UPDATE SET version = analytics_versions.version + excluded.version;
            """);
        // One statement: every part reads the rows as they were before it (the counted events to take back).
        sql.AppendLine($"""
            {fresh},
            replaced AS (SELECT l.* FROM analytics_latest AS l JOIN fresh AS f ON f.suggestion_id = l.suggestion_id),
            daily AS ({Delta("analytics_daily", "day")}),
            weekly AS ({Delta("analytics_weekly", "week")})
            INSERT INTO analytics_latest ({string.Join(", ", latest)})
            SELECT {string.Join(", ", latest)} FROM fresh ORDER BY suggestion_id
            ON CONFLICT (suggestion_id) DO UPDATE SET {string.Join(", ", latest.Skip(1).Select(c => $"{c} = excluded.{c}"))};
            """);
        sql.AppendLine("    RETURN NULL;");
        sql.AppendLine("END");
        sql.AppendLine("$$;");
        sql.AppendLine($"DROP TRIGGER IF EXISTS {Name} ON feedback;");
        sql.AppendLine($"CREATE TRIGGER {Name} AFTER INSERT ON feedback REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {Name}();");
        sql.AppendLine();
    }

    /// <summary>Adds, per rollup row, the counted events' contributions less those of the events they replace.</summary>
    private static string Delta(string table, string period)
    {
        var c = RollupColumns.Counted;
        var key = $"tenant, {period}, kind, agent, intent";
        return $"""
            INSERT INTO {table} ({key}, {string.Join(", ", c)})
                SELECT {key}, {string.Join(", ", c.Select(x => $"sum({x})"))}
                FROM (
                    SELECT {key}, {string.Join(", ", c)} FROM fresh
                    UNION ALL
                    SELECT tenant, {period}, kind, agent, intent, {string.Join(", ", c.Select(x => $"-{x}"))} FROM replaced
                ) AS d
                GROUP BY {key} ORDER BY {key}
                ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", c.Select(x => $"{x} = {table}.{x} + excluded.{x}"))}
            """;
    }
}
