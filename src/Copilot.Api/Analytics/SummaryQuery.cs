using System.Globalization;
using Copilot.Api.Store;
using Dapper;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Analytics;

/// <summary>
/// Answers the summary from the rollup tables, never from raw events: whole ISO weeks inside
/// the period come from <c>analytics_weekly</c>, the partial weeks at either end from
/// <c>analytics_daily</c>, so a 90-day query reads about 13 weekly slices and a few days.
/// </summary>
public sealed class SummaryQuery(Db db, IOptionsMonitor<AnalyticsOptions> options)
{
    private const string WeekOfDay = "date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days')";
    private const string Sums = """
        sum(shown) AS Shown, sum(accepted) AS Accepted, sum(edited) AS Edited, sum(rejected) AS Rejected,
        sum(rej_wrong_facts) AS WrongFacts, sum(rej_wrong_tone) AS WrongTone, sum(rej_outdated_article) AS OutdatedArticle,
        sum(rej_missing_context) AS MissingContext, sum(rej_policy) AS Policy, sum(rej_other) AS Other,
        sum(edit_lt10) AS EditUnder10, sum(edit_lt25) AS Edit10To25, sum(edit_lt50) AS Edit25To50, sum(edit_ge50) AS Edit50Plus,
        sum(cost_usd) AS CostUsd
        """;

    public async Task<SummaryResponse> RunAsync(string tenant, AnalyticsPeriod period, SummaryGroupBy groupBy, CancellationToken cancellationToken)
    {
        var firstWeek = AnalyticsPeriod.WeekStart(period.From.AddDays(6));
        var endWeek = AnalyticsPeriod.WeekStart(period.To);
        if (endWeek <= firstWeek)
        {
            firstWeek = endWeek = period.To;
        }
        var (dailyKey, weeklyKey) = groupBy switch
        {
            SummaryGroupBy.Kind => ("kind", "kind"),
            SummaryGroupBy.Agent => ("agent", "agent"),
            SummaryGroupBy.Intent => ("intent", "intent"),
            _ => (WeekOfDay, "week"),
        };
        var sql = $"""
            SELECT g AS GroupKey, kind AS Kind, {Sums} FROM (
                SELECT {dailyKey} AS g, kind, shown, accepted, edited, rejected, rej_wrong_facts, rej_wrong_tone, rej_outdated_article,
                       rej_missing_context, rej_policy, rej_other, edit_lt10, edit_lt25, edit_lt50, edit_ge50, cost_usd
                FROM analytics_daily
                WHERE tenant = @tenant AND ((day >= @from AND day < @firstWeek) OR (day >= @endWeek AND day < @to))
                UNION ALL
                SELECT {weeklyKey} AS g, kind, shown, accepted, edited, rejected, rej_wrong_facts, rej_wrong_tone, rej_outdated_article,
                       rej_missing_context, rej_policy, rej_other, edit_lt10, edit_lt25, edit_lt50, edit_ge50, cost_usd
                FROM analytics_weekly
                WHERE tenant = @tenant AND week >= @firstWeek AND week < @endWeek
            )
            GROUP BY g, kind
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var parts = await connection.QueryAsync<GroupedCounts>(new CommandDefinition(sql, new
        {
            tenant,
            from = period.FromText,
            to = period.ToText,
            firstWeek = Day(firstWeek),
            endWeek = Day(endWeek),
        }, cancellationToken: cancellationToken));

        var o = options.CurrentValue;
        var rows = parts
            .GroupBy(p => groupBy == SummaryGroupBy.Week ? IsoWeek(p.GroupKey) : p.GroupKey, StringComparer.Ordinal)
            .Select(g => ToRow(g.Key, g.Select(p => (p.Kind, p.Counts)), o))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        var total = ToRow("total", parts.Select(p => (p.Kind, p.Counts)), o);
        return new SummaryResponse(tenant, period.FromText, period.ToText, groupBy.ToString().ToLowerInvariant(), rows, total);
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

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>2026-11-16 (a Monday) → 2026-W47.</summary>
    internal static string IsoWeek(string monday)
    {
        var day = DateOnly.ParseExact(monday, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}";
    }

    private sealed class GroupedCounts
    {
        public string GroupKey { get; init; } = "";
        public string Kind { get; init; } = "";
        public long Shown { get; init; }
        public long Accepted { get; init; }
        public long Edited { get; init; }
        public long Rejected { get; init; }
        public long WrongFacts { get; init; }
        public long WrongTone { get; init; }
        public long OutdatedArticle { get; init; }
        public long MissingContext { get; init; }
        public long Policy { get; init; }
        public long Other { get; init; }
        public long EditUnder10 { get; init; }
        public long Edit10To25 { get; init; }
        public long Edit25To50 { get; init; }
        public long Edit50Plus { get; init; }
        public double CostUsd { get; init; }

        public SummaryCounts Counts => new()
        {
            Shown = Shown, Accepted = Accepted, Edited = Edited, Rejected = Rejected, WrongFacts = WrongFacts, WrongTone = WrongTone,
            OutdatedArticle = OutdatedArticle, MissingContext = MissingContext, Policy = Policy, Other = Other,
            EditUnder10 = EditUnder10, Edit10To25 = Edit10To25, Edit25To50 = Edit25To50, Edit50Plus = Edit50Plus, CostUsd = CostUsd,
        };
    }
}
