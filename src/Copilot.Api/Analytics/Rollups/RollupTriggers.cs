using System.Globalization;
using System.Text;
using Copilot.Api.Store;
using Copilot.Api.Vocabulary;

namespace Copilot.Api.Analytics.Rollups;

/// <summary>
/// The triggers that keep the rollups current, written from the vocabulary: which outcomes, reasons and edit
/// buckets exist, where each bucket starts, how a timestamp falls on a day and a day in an ISO week. They replace
/// the hand-written triggers of <c>030_analytics.sql</c> and are applied again whenever the vocabulary changes.
/// A suggestion's outcome counts on the day, under the agent and intent, of the suggestion it answers; the latest
/// feedback event (by time) is the one that counts, and an older one changes nothing.
/// <para>
/// Both stores keep the same rules: SQLite row by row in trigger bodies, PostgreSQL in trigger functions, the
/// feedback one once per statement over the rows it inserted (<see cref="PostgresOutcomeTrigger"/>). PostgreSQL's
/// feedback trigger first locks the suggestions' rows, so two instances recording outcomes of one suggestion at once
/// take turns: each sees the outcome the other counted, and takes it back before counting its own.
/// </para>
/// </summary>
public sealed class RollupTriggers : IGeneratedMigration
{
    private static readonly string SqliteText = Build(StoreProvider.Sqlite);
    private static readonly string PostgresText = Build(StoreProvider.Postgres);

    public string Name => "080_rollup_triggers";

    public string Sql(StoreProvider provider) => Text(provider);

    public static string Text(StoreProvider provider) => provider == StoreProvider.Postgres ? PostgresText : SqliteText;

    private static string Build(StoreProvider provider)
    {
        var day = IsoWeek.SqlDay("NEW.created_at");
        var oldDay = IsoWeek.SqlDay("OLD.created_at");
        var sDay = IsoWeek.SqlDay("s.created_at");
        var counted = RollupColumns.Counted;
        var trigger = new TriggerWriter(provider);
        var shown = $"""
                INSERT INTO analytics_versions (tenant, day, version) VALUES (NEW.tenant, {day}, 1)
                ON CONFLICT (tenant, day) DO UPDATE SET version = analytics_versions.version + 1;
            {Shown("analytics_daily", "day", day)}
            {Shown("analytics_weekly", "week", IsoWeek.SqlMonday(day, provider))}
            """;
        var cost = $"""
                UPDATE analytics_versions SET version = version + 1 WHERE tenant = OLD.tenant AND day = {oldDay};
            {Cost("analytics_daily", "day", oldDay)}
            {Cost("analytics_weekly", "week", IsoWeek.SqlMonday(oldDay, provider))}
            """;
        var outcome = $"""
                -- 1. Take back the outcome that counted until now, if any.
            {Count("analytics_daily", "day", "-")}
            {Count("analytics_weekly", "week", "-")}
                -- 2. Record the new outcome as the one that counts (a reason outside the vocabulary counts as '{Wire.Name(RejectionReason.Other)}').
                INSERT INTO analytics_latest (suggestion_id, tenant, ticket_id, day, week, kind, agent, intent, event_id, event_at, outcome, reason, {string.Join(", ", counted)})
                SELECT s.id, s.tenant, s.ticket_id, {sDay}, {IsoWeek.SqlMonday(sDay, provider)}, s.kind, coalesce(s.agent_id, ''), coalesce(s.intent, ''),
                    NEW.event_id, NEW.created_at, NEW.outcome, x.reason,
                    {Contributions("NEW")}
                FROM suggestions AS s, (SELECT {ReasonCase("NEW")} AS reason, {BucketCase("NEW")} AS bucket) AS x
                WHERE s.id = NEW.suggestion_id
                ON CONFLICT (suggestion_id) DO UPDATE SET {string.Join(", ", new[] { "tenant", "ticket_id", "day", "week", "kind", "agent", "intent", "event_id", "event_at", "outcome", "reason" }.Concat(counted).Select(c => $"{c} = excluded.{c}"))};
                -- 3. Count it (on the suggestion's day, which never changes, so one version bump covers both steps).
                UPDATE analytics_versions SET version = version + 1
                WHERE tenant = (SELECT tenant FROM analytics_latest WHERE suggestion_id = NEW.suggestion_id)
                  AND day = (SELECT day FROM analytics_latest WHERE suggestion_id = NEW.suggestion_id);
            {Count("analytics_daily", "day", "")}
            {Count("analytics_weekly", "week", "")}
            """;
        var sql = new StringBuilder();
        trigger.Write(sql, "analytics_suggestion_shown", "AFTER INSERT ON suggestions", when: null, guard: null, shown);
        trigger.Write(sql, "analytics_suggestion_cost", "AFTER UPDATE OF cost_usd ON suggestions",
            when: "coalesce(NEW.cost_usd, 0) <> coalesce(OLD.cost_usd, 0)", guard: null, cost);
        if (provider == StoreProvider.Postgres)
        {
            PostgresOutcomeTrigger.Write(sql);
        }
        else
        {
            trigger.Write(sql, "analytics_feedback_outcome", "AFTER INSERT ON feedback",
                when: null,
                guard: new("NOT EXISTS (SELECT 1 FROM analytics_latest WHERE suggestion_id = NEW.suggestion_id AND event_at > NEW.created_at)",
                    "PERFORM 1 FROM suggestions WHERE id = NEW.suggestion_id FOR NO KEY UPDATE;"),
                outcome);
        }
        return sql.ToString();
    }

    private static string Shown(string table, string period, string value) => $"""
            INSERT INTO {table} (tenant, {period}, kind, agent, intent, {RollupColumns.Shown}, {RollupColumns.Cost})
            VALUES (NEW.tenant, {value}, NEW.kind, coalesce(NEW.agent_id, ''), coalesce(NEW.intent, ''), 1, coalesce(NEW.cost_usd, 0))
            ON CONFLICT (tenant, {period}, kind, agent, intent) DO UPDATE SET {RollupColumns.Shown} = {table}.{RollupColumns.Shown} + 1, {RollupColumns.Cost} = {table}.{RollupColumns.Cost} + excluded.{RollupColumns.Cost};
        """;

    private static string Cost(string table, string period, string value) => $"""
            UPDATE {table} SET {RollupColumns.Cost} = {RollupColumns.Cost} + coalesce(NEW.cost_usd, 0) - coalesce(OLD.cost_usd, 0)
            WHERE tenant = OLD.tenant AND {period} = {value} AND kind = OLD.kind AND agent = coalesce(OLD.agent_id, '') AND intent = coalesce(OLD.intent, '');
        """;

    /// <summary>Adds (sign "") or takes back (sign "-") the counted outcome of NEW's suggestion.</summary>
    private static string Count(string table, string period, string sign)
    {
        var c = RollupColumns.Counted;
        return $"""
                INSERT INTO {table} (tenant, {period}, kind, agent, intent, {string.Join(", ", c)})
                SELECT tenant, {period}, kind, agent, intent, {string.Join(", ", c.Select(x => sign + x))}
                FROM analytics_latest WHERE suggestion_id = NEW.suggestion_id
                ON CONFLICT (tenant, {period}, kind, agent, intent) DO UPDATE SET {string.Join(", ", c.Select(x => $"{x} = {table}.{x} + excluded.{x}"))};
            """;
    }

    /// <summary>The 0/1 contributions of the event <paramref name="row"/> (its reason and bucket worked out as <c>x</c>), in the order of <see cref="RollupColumns.Counted"/>.</summary>
    internal static IReadOnlyList<string> ContributionList(string row) =>
    [
        .. Wire.All<FeedbackOutcome>().Select(o => Flag($"{row}.outcome = {Quote(Wire.Name(o))}")),
        .. Wire.All<RejectionReason>().Select(r => Flag($"x.reason = {Quote(Wire.Name(r))}")),
        .. Wire.All<EditBucket>().Select(b => Flag($"x.bucket = {(int)b}")),
    ];

    private static string Contributions(string row) => string.Join(", ", ContributionList(row));

    /// <summary>1 when the condition holds, else 0: SQLite's comparisons are numbers already, PostgreSQL's are booleans.</summary>
    private static string Flag(string condition) => $"CASE WHEN {condition} THEN 1 ELSE 0 END";

    internal static string ReasonCase(string row)
    {
        var named = Wire.All<RejectionReason>().Where(r => r != RejectionReason.Other).Select(r => Quote(Wire.Name(r)));
        return $"CASE WHEN {row}.outcome <> {Quote(Wire.Name(FeedbackOutcome.Rejected))} THEN '' "
            + $"WHEN {row}.reason IN ({string.Join(", ", named)}) THEN {row}.reason ELSE {Quote(Wire.Name(RejectionReason.Other))} END";
    }

    /// <summary>The bucket of the event's edit ratio, as <see cref="EditBuckets.Of"/> gives it; -1 when it is no measured edit.</summary>
    internal static string BucketCase(string row)
    {
        var bounds = EditBuckets.LowerBounds;
        var whens = Enumerable.Range(1, bounds.Count - 1)
            .Select(i => $"WHEN {row}.edit_ratio < {bounds[i].ToString("R", CultureInfo.InvariantCulture)} THEN {i - 1}");
        return $"CASE WHEN {row}.outcome <> {Quote(Wire.Name(FeedbackOutcome.Edited))} OR {row}.edit_ratio IS NULL THEN -1 "
            + $"{string.Join(" ", whens)} ELSE {bounds.Count - 1} END";
    }

    private static string Quote(string word) => "'" + word.Replace("'", "''", StringComparison.Ordinal) + "'";
}
