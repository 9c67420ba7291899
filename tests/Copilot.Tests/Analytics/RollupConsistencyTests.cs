using System.Globalization;
using System.Text.Json;

namespace Copilot.Tests.Analytics;

/// <summary>
/// The rollups the triggers keep must equal what a scan of the raw events gives: random
/// suggestions and feedback (changed minds, late events, unknown reasons), summarised both ways.
/// </summary>
public sealed class RollupConsistencyTests
{
    private static readonly string[] Kinds = ["summary", "draft", "articles", "macros", "rewrite", "triage"];
    private static readonly string?[] Reasons = ["wrong-facts", "wrong-tone", "outdated-article", "missing-context", "policy", "other", null];

    [Fact]
    public async Task RollupsEqualAScanOfRawEventsForAnyGrouping()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var seed = new Seed(host.Db);
        var random = new Random(7);
        var start = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        var suggestions = new List<(string Id, string Kind, string? Agent, string? Intent, DateTime At, double? Cost)>();
        var feedback = new List<(string SuggestionId, string Outcome, double? Ratio, string? Reason, DateTime At, int Order)>();
        for (var i = 0; i < 300; i++)
        {
            var at = start.AddMinutes(random.Next(60 * 24 * 40));
            var s = ($"r{i}", Kinds[random.Next(Kinds.Length)], random.Next(5) == 0 ? null : $"a{random.Next(4)}",
                random.Next(6) == 0 ? null : $"i{random.Next(3)}", at, random.Next(3) == 0 ? (double?)null : random.Next(1, 100) / 1000.0);
            suggestions.Add(s);
            await seed.SuggestionAsync(s.Item1, i, s.Item2, s.Item3, s.Item4, Iso(at), s.Item6);
            for (var k = random.Next(4); k > 0; k--)
            {
                var outcome = new[] { "accepted", "edited", "rejected" }[random.Next(3)];
                var f = (s.Item1, outcome, outcome == "edited" && random.Next(8) > 0 ? Math.Round(random.NextDouble(), 2) : (double?)null,
                    outcome == "rejected" ? Reasons[random.Next(Reasons.Length)] : null, at.AddSeconds(random.Next(1, 5000)), feedback.Count);
                feedback.Add(f);
                await seed.FeedbackAsync($"e{feedback.Count}", f.Item1, f.outcome, Iso(f.Item5), editRatio: f.Item3, reason: f.Item4);
            }
        }

        var latest = feedback.GroupBy(f => f.SuggestionId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.At).ThenByDescending(f => f.Order).First());
        var from = new DateOnly(2026, 10, 3);
        var to = new DateOnly(2026, 11, 7);
        var inPeriod = suggestions.Where(s => DateOnly.FromDateTime(s.At) >= from && DateOnly.FromDateTime(s.At) < to).ToList();

        foreach (var groupBy in new[] { "kind", "agent", "intent", "week" })
        {
            var body = await SummaryTests.GetAsync(host, $"/api/analytics/summary?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&groupBy={groupBy}&tenant=acme");
            var rows = body.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r);
            var expected = inPeriod.GroupBy(s => groupBy switch
            {
                "kind" => s.Kind,
                "agent" => s.Agent ?? "",
                "intent" => s.Intent ?? "",
                _ => $"{ISOWeek.GetYear(s.At)}-W{ISOWeek.GetWeekOfYear(s.At):00}",
            });
            Assert.Equal(expected.Select(g => g.Key).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
            foreach (var g in expected)
            {
                var row = rows[g.Key];
                var outcomes = g.Select(s => latest.TryGetValue(s.Id, out var f) ? f : default).Where(f => f.Outcome is not null).ToList();
                Assert.Equal(g.Count(), row.GetProperty("shown").GetInt64());
                Assert.Equal(outcomes.Count(f => f.Outcome == "accepted"), row.GetProperty("accepted").GetInt64());
                Assert.Equal(outcomes.Count(f => f.Outcome == "edited"), row.GetProperty("edited").GetInt64());
                Assert.Equal(outcomes.Count(f => f.Outcome == "rejected"), row.GetProperty("rejected").GetInt64());
                foreach (var reason in Reasons.OfType<string>())
                {
                    Assert.Equal(outcomes.Count(f => f.Outcome == "rejected" && (f.Reason ?? "other") == reason),
                        row.GetProperty("rejectedByReason").GetProperty(reason).GetInt64());
                }
                var edits = outcomes.Where(f => f.Outcome == "edited" && f.Ratio is not null).Select(f => f.Ratio!.Value).ToList();
                var sizes = row.GetProperty("editSize");
                Assert.Equal(edits.Count(r => r < 0.10), sizes.GetProperty("0-10").GetInt64());
                Assert.Equal(edits.Count(r => r >= 0.10 && r < 0.25), sizes.GetProperty("10-25").GetInt64());
                Assert.Equal(edits.Count(r => r >= 0.25 && r < 0.50), sizes.GetProperty("25-50").GetInt64());
                Assert.Equal(edits.Count(r => r >= 0.50), sizes.GetProperty("50+").GetInt64());
                Assert.Equal(g.Sum(s => s.Cost ?? 0), row.GetProperty("costUsd").GetDouble(), 6);
            }
        }
    }

    private static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
