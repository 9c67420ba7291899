using System.Globalization;
using Copilot.Api.Store;
using Dapper;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Analytics;

/// <summary>
/// Answers the summary from the rollup tables, never from raw events: whole ISO weeks inside
/// the period from <c>analytics_weekly</c>, the days of partial weeks at either end from
/// <c>analytics_daily</c>. Each week's or day's aggregate is cached with the version the
/// triggers keep per day (<c>analytics_versions</c>; a week's version is the sum of its days'),
/// so a query re-reads only the days and weeks that changed since it last looked — usually
/// today and this week. Versions and rows are read in one transaction, so a cached aggregate
/// always matches its version, and every instance checks its own cache against the store.
/// </summary>
public sealed class SummaryQuery(Db db, IOptionsMonitor<AnalyticsOptions> options)
{
    private const int MaxCachedBuckets = 4_096;
    private const string Sums = """
        sum(shown) AS Shown, sum(accepted) AS Accepted, sum(edited) AS Edited, sum(rejected) AS Rejected,
        sum(rej_wrong_facts) AS WrongFacts, sum(rej_wrong_tone) AS WrongTone, sum(rej_outdated_article) AS OutdatedArticle,
        sum(rej_missing_context) AS MissingContext, sum(rej_policy) AS Policy, sum(rej_other) AS Other,
        sum(edit_lt10) AS EditUnder10, sum(edit_lt25) AS Edit10To25, sum(edit_lt50) AS Edit25To50, sum(edit_ge50) AS Edit50Plus,
        sum(cost_usd) AS CostUsd
        """;

    private readonly SummaryCache _cache = new(MaxCachedBuckets);

    public async Task<SummaryResponse> RunAsync(string tenant, AnalyticsPeriod period, SummaryGroupBy groupBy, CancellationToken cancellationToken)
    {
        var firstWeek = AnalyticsPeriod.WeekStart(period.From.AddDays(6));
        var endWeek = AnalyticsPeriod.WeekStart(period.To);
        if (endWeek <= firstWeek)
        {
            firstWeek = endWeek = period.To;
        }
        var buckets = new List<(bool Weekly, DateOnly Start)>();
        for (var d = period.From; d < firstWeek; d = d.AddDays(1))
        {
            buckets.Add((false, d));
        }
        for (var w = firstWeek; w < endWeek; w = w.AddDays(7))
        {
            buckets.Add((true, w));
        }
        for (var d = endWeek; d < period.To; d = d.AddDays(1))
        {
            buckets.Add((false, d));
        }

        var parts = new List<GroupedCounts>();
        await using var connection = await db.OpenAsync(cancellationToken);
        // Deferred: a read snapshot (WAL), never the write lock the ingest needs.
        await using (var tx = connection.BeginTransaction(deferred: true))
        {
            var versions = (await connection.QueryAsync<(string Day, long Version)>(new CommandDefinition(
                "SELECT day, version FROM analytics_versions WHERE tenant = @tenant AND day >= @from AND day < @to",
                new { tenant, from = period.FromText, to = period.ToText }, tx, cancellationToken: cancellationToken)))
                .ToDictionary(v => DateOnly.ParseExact(v.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), v => v.Version);
            foreach (var (weekly, start) in buckets)
            {
                var version = weekly
                    ? Enumerable.Range(0, 7).Sum(i => versions.GetValueOrDefault(start.AddDays(i)))
                    : versions.GetValueOrDefault(start);
                if (version == 0)
                {
                    continue;
                }
                var key = new SummaryCache.Key(tenant, groupBy, weekly, start);
                if (!_cache.TryGet(key, version, out var cached))
                {
                    cached = await ReadBucketAsync(connection, tx, tenant, groupBy, weekly, start, cancellationToken);
                    _cache.Set(key, version, cached);
                }
                parts.AddRange(cached);
            }
            await tx.CommitAsync(cancellationToken);
        }

        var o = options.CurrentValue;
        var rows = parts
            .GroupBy(p => p.GroupKey, StringComparer.Ordinal)
            .Select(g => ToRow(g.Key, g.Select(p => (p.Kind, p.Counts)), o))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        var total = ToRow("total", parts.Select(p => (p.Kind, p.Counts)), o);
        return new SummaryResponse(tenant, period.FromText, period.ToText, groupBy.ToString().ToLowerInvariant(), rows, total);
    }

    private static async Task<IReadOnlyList<GroupedCounts>> ReadBucketAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, string tenant, SummaryGroupBy groupBy, bool weekly, DateOnly start, CancellationToken cancellationToken)
    {
        var (table, column) = weekly ? ("analytics_weekly", "week") : ("analytics_daily", "day");
        var g = groupBy switch
        {
            SummaryGroupBy.Kind => "kind",
            SummaryGroupBy.Agent => "agent",
            SummaryGroupBy.Intent => "intent",
            _ => "@weekLabel",
        };
        var sql = $"SELECT {g} AS GroupKey, kind AS Kind, {Sums} FROM {table} WHERE tenant = @tenant AND {column} = @start GROUP BY {g}, kind";
        var rows = await connection.QueryAsync<GroupKeyRow, SummaryCounts, GroupedCounts>(new CommandDefinition(sql, new
        {
            tenant,
            start = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            weekLabel = IsoWeek(start),
        }, tx, cancellationToken: cancellationToken), (key, counts) => new GroupedCounts(key.GroupKey, key.Kind, counts), splitOn: "Shown");
        return rows.ToList();
    }

    private sealed class GroupKeyRow
    {
        public string GroupKey { get; init; } = "";
        public string Kind { get; init; } = "";
    }

    /// <summary>Counts per kind folded into one row; time saved needs the kind, so it is summed per kind.</summary>
    internal static SummaryRow ToRow(string key, IEnumerable<(string Kind, SummaryCounts Counts)> parts, AnalyticsOptions o)
    {
        var c = new SummaryCounts();
        double minutes = 0;
        foreach (var (kind, counts) in parts)
        {
            c += counts;
            var perAccepted = o.MinutesSavedPerAccepted.GetValueOrDefault(kind);
            minutes += counts.Accepted * perAccepted + counts.Edited * perAccepted * o.EditedSavingsFactor;
        }
        var taken = c.Accepted + c.Edited;
        return new SummaryRow(
            key, c.Shown, c.Accepted, c.Edited, c.Rejected, c.Shown - taken - c.Rejected,
            new Dictionary<string, long>
            {
                ["wrong-facts"] = c.WrongFacts, ["wrong-tone"] = c.WrongTone, ["outdated-article"] = c.OutdatedArticle,
                ["missing-context"] = c.MissingContext, ["policy"] = c.Policy, ["other"] = c.Other,
            },
            c.Shown == 0 ? null : (double)taken / c.Shown,
            c.Shown == 0 ? null : (double)c.Accepted / c.Shown,
            new Dictionary<string, long>
            {
                ["0-10"] = c.EditUnder10, ["10-25"] = c.Edit10To25, ["25-50"] = c.Edit25To50, ["50+"] = c.Edit50Plus,
            },
            Math.Round(minutes, 4),
            Math.Round(c.CostUsd, 6),
            taken == 0 ? null : Math.Round(c.CostUsd / taken, 6));
    }

    /// <summary>The ISO week of a day: 2026-11-16 → 2026-W47.</summary>
    internal static string IsoWeek(DateOnly day)
    {
        var d = day.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(d)}-W{ISOWeek.GetWeekOfYear(d):00}";
    }
}
