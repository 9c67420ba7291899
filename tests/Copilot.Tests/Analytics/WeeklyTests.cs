using System.Text.Json;

namespace Copilot.Tests.Analytics;

/// <summary><c>GET /api/analytics/weekly</c>: every week of a period in one answer, cut to the period, partial weeks marked.</summary>
public sealed class WeeklyTests
{
    [Fact]
    public async Task EveryWeekComesInOneAnswerCutToThePeriodWithPartialWeeksMarked()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var seed = new Seed(host.Db);
        var kinds = new[] { "draft", "summary", "articles" };
        for (var i = 0; i < 60; i++)
        {
            var at = new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc).AddHours(i * 15);
            await seed.SuggestionAsync($"w{i}", i, kinds[i % 3], "a1", null, $"{at:yyyy-MM-dd'T'HH:mm:ss'Z'}");
            if (i % 2 == 0)
            {
                await seed.FeedbackAsync($"we{i}", $"w{i}", i % 4 == 0 ? "accepted" : "rejected", $"{at.AddMinutes(5):yyyy-MM-dd'T'HH:mm:ss'Z'}", reason: i % 4 == 0 ? null : "policy");
            }
        }

        // Saturday 2026-10-03 to Saturday 2026-10-24 (exclusive): 2 days of W40, W41 to W42 whole, 5 days of W43.
        var weekly = await SummaryTests.GetAsync(host, "/api/analytics/weekly?from=2026-10-03&to=2026-10-24&tenant=acme");
        var weeks = weekly.GetProperty("weeks").EnumerateArray().ToList();
        Assert.Equal(["2026-W40", "2026-W41", "2026-W42", "2026-W43"], weeks.Select(w => w.GetProperty("week").GetString()));
        Assert.Equal([("2026-10-03", "2026-10-05", 2, true), ("2026-10-05", "2026-10-12", 7, false), ("2026-10-12", "2026-10-19", 7, false), ("2026-10-19", "2026-10-24", 5, true)],
            weeks.Select(w => (w.GetProperty("from").GetString(), w.GetProperty("to").GetString(), w.GetProperty("days").GetInt32(), w.GetProperty("partial").GetBoolean())));

        // Each week is what the summary says for that week's own period.
        foreach (var w in weeks)
        {
            var summary = await SummaryTests.GetAsync(host, $"/api/analytics/summary?from={w.GetProperty("from").GetString()}&to={w.GetProperty("to").GetString()}&groupBy=kind&tenant=acme");
            Assert.Equal(Project(summary.GetProperty("rows")), Project(w.GetProperty("rows")));
            Assert.Equal(summary.GetProperty("total").GetProperty("shown").GetInt64(), w.GetProperty("total").GetProperty("shown").GetInt64());
        }
        var all = await SummaryTests.GetAsync(host, "/api/analytics/summary?from=2026-10-03&to=2026-10-24&tenant=acme");
        Assert.Equal(all.GetProperty("total").GetProperty("shown").GetInt64(), weeks.Sum(w => w.GetProperty("total").GetProperty("shown").GetInt64()));
        Assert.True(all.GetProperty("total").GetProperty("shown").GetInt64() > 0);
    }

    private static List<string> Project(JsonElement rows) =>
        [.. rows.EnumerateArray().Select(r => string.Join('/', r.GetProperty("key").GetString(), r.GetProperty("shown").GetInt64(),
            r.GetProperty("used").GetInt64(), r.GetProperty("rejected").GetInt64(), r.GetProperty("ignored").GetInt64()))];
}
