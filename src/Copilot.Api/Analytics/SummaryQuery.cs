using System.Globalization;
using Copilot.Api.Analytics.Rollups;
using Copilot.Api.Store;
using Copilot.Api.Vocabulary;
using Dapper;

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
public sealed class SummaryQuery(Db db)
{
    private const int MaxCachedBuckets = 4_096;
    private static readonly string Sums = string.Join(", ",
        new[] { RollupColumns.Shown, RollupColumns.Cost }.Concat(RollupColumns.Counted).Select(c => $"sum({c}) AS {c}"));

    private readonly SummaryCache _cache = new(MaxCachedBuckets);

    public async Task<SummaryResponse> RunAsync(string tenant, AnalyticsPeriod period, SummaryGroupBy groupBy, TimeSavedAssumptions assumptions, CancellationToken cancellationToken)
    {
        var parts = await ReadAsync(tenant, period, groupBy, cancellationToken);
        var rows = parts
            .GroupBy(p => p.Counts.GroupKey, StringComparer.Ordinal)
            .Select(g => ToRow(g.Key, g.Select(p => p.Counts), assumptions))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        var total = ToRow("total", parts.Select(p => p.Counts), assumptions);
        return new SummaryResponse(tenant, period.FromText, period.ToText, groupBy.ToString().ToLowerInvariant(), rows, total) { Assumptions = assumptions };
    }

    /// <summary>Every ISO week the period touches, cut to the period, with its rows per kind: one read for a whole chart.</summary>
    public async Task<WeeklyResponse> WeeklyAsync(string tenant, AnalyticsPeriod period, TimeSavedAssumptions assumptions, CancellationToken cancellationToken)
    {
        var parts = (await ReadAsync(tenant, period, SummaryGroupBy.Kind, cancellationToken)).ToLookup(p => IsoWeek.Monday(p.Start));
        var weeks = new List<WeekSummary>();
        for (var monday = IsoWeek.Monday(period.From); monday < period.To; monday = monday.AddDays(7))
        {
            var from = monday < period.From ? period.From : monday;
            var to = monday.AddDays(7) > period.To ? period.To : monday.AddDays(7);
            var inWeek = parts[monday].Select(p => p.Counts).ToList();
            var rows = inWeek.GroupBy(p => p.Kind, StringComparer.Ordinal)
                .Select(g => ToRow(g.Key, g, assumptions))
                .OrderBy(r => r.Key, StringComparer.Ordinal)
                .ToList();
            var days = to.DayNumber - from.DayNumber;
            weeks.Add(new WeekSummary(IsoWeek.Label(monday), Day(from), Day(to), days, days < 7, rows, ToRow("total", inWeek, assumptions)));
        }
        return new WeeklyResponse(tenant, period.FromText, period.ToText, weeks);
    }

    private async Task<List<(DateOnly Start, GroupedCounts Counts)>> ReadAsync(string tenant, AnalyticsPeriod period, SummaryGroupBy groupBy, CancellationToken cancellationToken)
    {
        var firstWeek = IsoWeek.Monday(period.From.AddDays(6));
        var endWeek = IsoWeek.Monday(period.To);
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

        var parts = new List<(DateOnly, GroupedCounts)>();
        await using var connection = await db.OpenAsync(cancellationToken);
        // One read snapshot (SQLite: deferred, never the write lock the ingest needs).
        await using (var tx = await db.Dialect.BeginReadAsync(connection, cancellationToken))
        {
            var versions = (await connection.QueryAsync<(string Day, long Version)>(new CommandDefinition(
                "SELECT day, version FROM analytics_versions WHERE tenant = @tenant AND day >= @from AND day < @to",
                new { tenant, from = period.FromText, to = period.ToText }, tx, cancellationToken: cancellationToken)))
                .ToDictionary(v => DateOnly.ParseExact(v.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), v => v.Version);
            var counted = new List<(SummaryCache.Key Key, long Version)>();
            foreach (var (weekly, start) in buckets)
            {
                var version = weekly
                    ? Enumerable.Range(0, 7).Sum(i => versions.GetValueOrDefault(start.AddDays(i)))
                    : versions.GetValueOrDefault(start);
                if (version != 0)
                {
                    counted.Add((new SummaryCache.Key(tenant, groupBy, weekly, start), version));
                }
            }
            // What the cache holds at its version is taken now (a later look could find it evicted); the rest is read in
            // one query per table, whatever the number of buckets.
            var cached = new Dictionary<SummaryCache.Key, IReadOnlyList<GroupedCounts>>();
            foreach (var (key, version) in counted)
            {
                if (_cache.TryGet(key, version, out var hit))
                {
                    cached[key] = hit;
                }
            }
            var read = await ReadBucketsAsync(connection, tx, tenant, groupBy, counted.Select(b => b.Key).Where(k => !cached.ContainsKey(k)).ToList(), cancellationToken);
            foreach (var (key, version) in counted)
            {
                if (!cached.TryGetValue(key, out var bucket))
                {
                    bucket = read[key];
                    _cache.Set(key, version, bucket);
                }
                parts.AddRange(bucket.Select(c => (key.Start, c)));
            }
            await tx.CommitAsync(cancellationToken);
        }
        return parts;
    }

    private async Task<Dictionary<SummaryCache.Key, IReadOnlyList<GroupedCounts>>> ReadBucketsAsync(System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction tx, string tenant, SummaryGroupBy groupBy, IReadOnlyList<SummaryCache.Key> missing, CancellationToken cancellationToken)
    {
        var read = missing.ToDictionary(k => k, _ => (IReadOnlyList<GroupedCounts>)new List<GroupedCounts>());
        foreach (var weekly in new[] { true, false })
        {
            var starts = missing.Where(k => k.Weekly == weekly).Select(k => Day(k.Start)).ToArray();
            if (starts.Length == 0)
            {
                continue;
            }
            var (table, column) = weekly ? ("analytics_weekly", "week") : ("analytics_daily", "day");
            // By week: every bucket is one week's (or one day's) rows, labelled with its week below.
            var g = groupBy switch
            {
                SummaryGroupBy.Kind => "kind",
                SummaryGroupBy.Agent => "agent",
                SummaryGroupBy.Intent => "intent",
                _ => null,
            };
            var sql = $"SELECT {column} AS bucket, {g ?? "''"} AS group_key, kind AS kind_key, {Sums} FROM {table} "
                + $"WHERE tenant = @tenant AND {db.Dialect.In(column, "@starts")} GROUP BY {column}, {(g is null ? "" : g + ", ")}kind";
            var rows = await connection.QueryAsync(new CommandDefinition(sql, new { tenant, starts }, tx, cancellationToken: cancellationToken));
            foreach (var r in rows.Cast<IDictionary<string, object?>>())
            {
                var start = DateOnly.ParseExact((string)r["bucket"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var key = new SummaryCache.Key(tenant, groupBy, weekly, start);
                var group = g is null ? IsoWeek.Label(start) : (string)r["group_key"]!;
                ((List<GroupedCounts>)read[key]).Add(new GroupedCounts(group, (string)r["kind_key"]!, SummaryCounts.From(r)));
            }
        }
        return read;
    }

    /// <summary>Counts per kind folded into one row; time saved needs the kind, so it is summed per kind.</summary>
    internal static SummaryRow ToRow(string key, IEnumerable<GroupedCounts> parts, TimeSavedAssumptions assumptions)
    {
        var c = new SummaryCounts();
        double minutes = 0;
        foreach (var part in parts)
        {
            c += part.Counts;
            var perUse = Wire.TryParse<SuggestionKind>(part.Kind, out var kind) ? assumptions.MinutesPerUse.GetValueOrDefault(kind) : 0;
            minutes += part.Counts[FeedbackOutcome.Accepted] * perUse + part.Counts[FeedbackOutcome.Edited] * perUse * assumptions.EditedSavingsFactor;
        }
        var (asIs, edited, rejected) = (c[FeedbackOutcome.Accepted], c[FeedbackOutcome.Edited], c[FeedbackOutcome.Rejected]);
        var used = asIs + edited;
        var ignored = c.Shown - used - rejected;
        return new SummaryRow
        {
            Key = key,
            Shown = c.Shown,
            Used = used,
            UsedAsIs = asIs,
            Edited = edited,
            EditSize = Wire.All<EditBucket>().ToDictionary(b => b, b => c[b]),
            Rejected = rejected,
            RejectedByReason = Wire.All<RejectionReason>().ToDictionary(r => r, r => c[r]),
            Ignored = ignored,
            UsedRate = Rate.Share(used, c.Shown),
            UsedAsIsRate = Rate.Share(asIs, c.Shown),
            EditedRate = Rate.Share(edited, c.Shown),
            RejectedRate = Rate.Share(rejected, c.Shown),
            IgnoredRate = Rate.Share(ignored, c.Shown),
            TimeSavedMinutes = Math.Round(minutes, 4),
            CostUsd = Math.Round(c.CostUsd, 6),
            CostPerUsedUsd = used == 0 ? null : Math.Round(c.CostUsd / used, 6),
        };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
