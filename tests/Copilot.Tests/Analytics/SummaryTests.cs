using System.Net;
using System.Text.Json;

namespace Copilot.Tests.Analytics;

/// <summary>
/// Period 2026-11-04 (Wed) to 2026-11-20 (Fri, excluded): partial ISO week 45 and 47 from the
/// daily rollup, whole week 46 from the weekly one. Configured: draft saves 10 minutes,
/// summary 2 (default), an edit earns half (default).
/// </summary>
public sealed class SummaryTests
{
    private const string Period = "from=2026-11-04&to=2026-11-20";

    internal static async Task SeedScenarioAsync(Seed seed)
    {
        await seed.SuggestionAsync("s1", 101, "draft", "a1", "refund", "2026-11-04T09:00:00Z", 0.02);
        await seed.FeedbackAsync("e1", "s1", "accepted", "2026-11-04T09:01:00Z");
        // Changed mind: rejected for policy, then used after a small edit.
        await seed.SuggestionAsync("s2", 102, "draft", "a1", "refund", "2026-11-05T10:00:00Z", 0.03);
        await seed.FeedbackAsync("e2a", "s2", "rejected", "2026-11-05T10:01:00Z", reason: "policy");
        await seed.FeedbackAsync("e2b", "s2", "edited", "2026-11-05T10:02:00Z", editRatio: 0.05);
        await seed.SuggestionAsync("s3", 103, "draft", "a2", "shipping", "2026-11-10T12:00:00Z", 0.04);
        await seed.FeedbackAsync("e3", "s3", "edited", "2026-11-10T12:05:00Z", editRatio: 0.30);
        await seed.SuggestionAsync("s4", 104, "draft", "a2", "shipping", "2026-11-11T12:00:00Z", 0.01);
        await seed.FeedbackAsync("e4", "s4", "rejected", "2026-11-11T12:01:00Z", reason: "wrong-facts");
        await seed.SuggestionAsync("s5", 105, "summary", "a1", "refund", "2026-11-12T08:00:00Z");
        await seed.FeedbackAsync("e5", "s5", "accepted", "2026-11-12T08:00:30Z");
        await seed.SuggestionAsync("s6", 106, "summary", "a2", "shipping", "2026-11-17T08:00:00Z", 0.005);
        await seed.FeedbackAsync("e6", "s6", "rejected", "2026-11-17T08:02:00Z", reason: "missing-context");
        await seed.SuggestionAsync("s7", 107, "articles", "a1", "refund", "2026-11-19T23:59:59Z", 0);
        // An older event arriving late does not replace the newer outcome.
        await seed.SuggestionAsync("s8", 108, "draft", "a1", "refund", "2026-11-18T09:00:00Z", 0.06);
        await seed.FeedbackAsync("e8b", "s8", "edited", "2026-11-18T09:05:00Z", editRatio: 0.60);
        await seed.FeedbackAsync("e8a", "s8", "rejected", "2026-11-18T09:01:00Z", reason: "wrong-tone");
        // Changed mind: edited (10% sits in the 10-25 bucket), then accepted as-is.
        await seed.SuggestionAsync("s9", 109, "draft", "a2", "refund", "2026-11-18T10:00:00Z", 0.02);
        await seed.FeedbackAsync("e9a", "s9", "edited", "2026-11-18T10:01:00Z", editRatio: 0.10);
        await seed.FeedbackAsync("e9b", "s9", "accepted", "2026-11-18T10:03:00Z");
        // Outside the period (same ISO week as its first and last day) or another tenant's.
        await seed.SuggestionAsync("x1", 110, "draft", "a1", "refund", "2026-11-03T12:00:00Z", 1.0);
        await seed.FeedbackAsync("ex1", "x1", "accepted", "2026-11-03T12:01:00Z");
        await seed.SuggestionAsync("x2", 111, "draft", "a1", "refund", "2026-11-20T00:00:00Z", 1.0);
        await seed.FeedbackAsync("ex2", "x2", "accepted", "2026-11-20T00:01:00Z");
        await seed.SuggestionAsync("o1", 112, "draft", "a1", "refund", "2026-11-10T10:00:00Z", 5.0, tenant: "other");
        await seed.FeedbackAsync("eo1", "o1", "accepted", "2026-11-10T10:01:00Z", tenant: "other");
    }

    [Fact]
    public async Task CostsSayWhichCurrencyTheTenantsPriceTableIsIn()
    {
        await using var host = await AnalyticsHost.StartAsync(settings: new() { ["Copilot:Tenants:other:Model:Prices:Currency"] = "EUR" });
        await SeedScenarioAsync(new Seed(host.Db));

        var other = await GetAsync(host, $"/api/analytics/summary?{Period}&tenant=other");
        var acme = await GetAsync(host, $"/api/analytics/summary?{Period}&tenant=acme");

        Assert.Equal("EUR", other.GetProperty("currency").GetString());
        Assert.Equal(5.0, other.GetProperty("total").GetProperty("costUsd").GetDouble(), 9);
        Assert.Equal("USD", acme.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task SummaryByKindCountsEachSuggestionsLatestOutcome()
    {
        await using var host = await AnalyticsHost.StartAsync();
        await SeedScenarioAsync(new Seed(host.Db));

        var body = await GetAsync(host, $"/api/analytics/summary?{Period}&groupBy=kind&tenant=acme");

        Assert.Equal("2026-11-04", body.GetProperty("from").GetString());
        Assert.Equal("2026-11-20", body.GetProperty("to").GetString());
        var rows = Rows(body);
        Assert.Equal(["articles", "draft", "summary"], rows.Keys.Order());

        var draft = rows["draft"];
        AssertCounts(draft, shown: 6, accepted: 2, edited: 3, rejected: 1, noFeedback: 0);
        AssertReasons(draft, wrongFacts: 1, wrongTone: 0, outdated: 0, missingContext: 0, policy: 0, other: 0);
        AssertEdits(draft, under10: 1, from10: 0, from25: 1, over50: 1);
        Assert.Equal(5.0 / 6, draft.GetProperty("acceptanceRate").GetDouble(), 9);
        Assert.Equal(2.0 / 6, draft.GetProperty("acceptedAsIsRate").GetDouble(), 9);
        Assert.Equal(2 * 10 + 3 * 10 * 0.5, draft.GetProperty("timeSavedMinutes").GetDouble(), 6);
        Assert.Equal(0.18, draft.GetProperty("costUsd").GetDouble(), 9);
        Assert.Equal(0.18 / 5, draft.GetProperty("costPerAcceptedUsd").GetDouble(), 6);

        var summary = rows["summary"];
        AssertCounts(summary, shown: 2, accepted: 1, edited: 0, rejected: 1, noFeedback: 0);
        AssertReasons(summary, wrongFacts: 0, wrongTone: 0, outdated: 0, missingContext: 1, policy: 0, other: 0);
        Assert.Equal(0.5, summary.GetProperty("acceptanceRate").GetDouble(), 9);
        Assert.Equal(2.0, summary.GetProperty("timeSavedMinutes").GetDouble(), 6);
        Assert.Equal(0.005, summary.GetProperty("costPerAcceptedUsd").GetDouble(), 9);

        var articles = rows["articles"];
        AssertCounts(articles, shown: 1, accepted: 0, edited: 0, rejected: 0, noFeedback: 1);
        Assert.Equal(0.0, articles.GetProperty("acceptanceRate").GetDouble());
        Assert.False(articles.TryGetProperty("costPerAcceptedUsd", out _), "no accepted suggestion: no cost per accepted");

        var total = body.GetProperty("total");
        AssertCounts(total, shown: 9, accepted: 3, edited: 3, rejected: 2, noFeedback: 1);
        AssertReasons(total, wrongFacts: 1, wrongTone: 0, outdated: 0, missingContext: 1, policy: 0, other: 0);
        AssertEdits(total, under10: 1, from10: 0, from25: 1, over50: 1);
        Assert.Equal(6.0 / 9, total.GetProperty("acceptanceRate").GetDouble(), 9);
        Assert.Equal(3.0 / 9, total.GetProperty("acceptedAsIsRate").GetDouble(), 9);
        Assert.Equal(37.0, total.GetProperty("timeSavedMinutes").GetDouble(), 6);
        Assert.Equal(0.185, total.GetProperty("costUsd").GetDouble(), 9);
        Assert.Equal(0.185 / 6, total.GetProperty("costPerAcceptedUsd").GetDouble(), 6);
    }

    [Fact]
    public async Task SummaryByWeekJoinsPartialAndWholeIsoWeeks()
    {
        await using var host = await AnalyticsHost.StartAsync();
        await SeedScenarioAsync(new Seed(host.Db));

        var rows = Rows(await GetAsync(host, $"/api/analytics/summary?{Period}&groupBy=week&tenant=acme"));

        Assert.Equal(["2026-W45", "2026-W46", "2026-W47"], rows.Keys.Order());
        AssertCounts(rows["2026-W45"], shown: 2, accepted: 1, edited: 1, rejected: 0, noFeedback: 0);
        AssertCounts(rows["2026-W46"], shown: 3, accepted: 1, edited: 1, rejected: 1, noFeedback: 0);
        AssertCounts(rows["2026-W47"], shown: 4, accepted: 1, edited: 1, rejected: 1, noFeedback: 1);
        Assert.Equal(0.05, rows["2026-W45"].GetProperty("costUsd").GetDouble(), 9);
        Assert.Equal(0.05, rows["2026-W46"].GetProperty("costUsd").GetDouble(), 9);
        Assert.Equal(0.085, rows["2026-W47"].GetProperty("costUsd").GetDouble(), 9);
        // W45: s1 accepted draft (10) + s2 edited draft (5); W46: s3 edited draft (5) + s5 accepted summary (2).
        Assert.Equal(15.0, rows["2026-W45"].GetProperty("timeSavedMinutes").GetDouble(), 6);
        Assert.Equal(7.0, rows["2026-W46"].GetProperty("timeSavedMinutes").GetDouble(), 6);
        Assert.Equal(15.0, rows["2026-W47"].GetProperty("timeSavedMinutes").GetDouble(), 6);
    }

    [Fact]
    public async Task SummaryByAgentAndByIntentSplitTheSameCounts()
    {
        await using var host = await AnalyticsHost.StartAsync();
        await SeedScenarioAsync(new Seed(host.Db));

        var agents = Rows(await GetAsync(host, $"/api/analytics/summary?{Period}&groupBy=agent&tenant=acme"));
        Assert.Equal(["a1", "a2"], agents.Keys.Order());
        AssertCounts(agents["a1"], shown: 5, accepted: 2, edited: 2, rejected: 0, noFeedback: 1);
        AssertCounts(agents["a2"], shown: 4, accepted: 1, edited: 1, rejected: 2, noFeedback: 0);

        var intents = Rows(await GetAsync(host, $"/api/analytics/summary?{Period}&groupBy=intent&tenant=acme"));
        Assert.Equal(["refund", "shipping"], intents.Keys.Order());
        AssertCounts(intents["refund"], shown: 6, accepted: 3, edited: 2, rejected: 0, noFeedback: 1);
        AssertCounts(intents["shipping"], shown: 3, accepted: 0, edited: 1, rejected: 2, noFeedback: 0);
        Assert.Equal(3.0 / 6, intents["refund"].GetProperty("acceptedAsIsRate").GetDouble(), 9);
    }

    [Fact]
    public async Task EventsArrivingAfterAQueryShowInTheNextOne()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var seed = new Seed(host.Db);
        await SeedScenarioAsync(seed);
        foreach (var groupBy in new[] { "kind", "week" })
        {
            await GetAsync(host, $"/api/analytics/summary?{Period}&groupBy={groupBy}&tenant=acme");
        }

        // A changed mind in the whole week 46 (read from the weekly rollup), a new suggestion in partial week 45.
        await seed.FeedbackAsync("e4b", "s4", "accepted", "2026-11-11T12:30:00Z");
        await seed.SuggestionAsync("s10", 113, "draft", "a1", "refund", "2026-11-06T09:00:00Z", 0.01);

        var total = (await GetAsync(host, $"/api/analytics/summary?{Period}&groupBy=kind&tenant=acme")).GetProperty("total");
        AssertCounts(total, shown: 10, accepted: 4, edited: 3, rejected: 1, noFeedback: 2);
        var week46 = Rows(await GetAsync(host, $"/api/analytics/summary?{Period}&groupBy=week&tenant=acme"))["2026-W46"];
        AssertCounts(week46, shown: 3, accepted: 2, edited: 1, rejected: 0, noFeedback: 0);
    }

    [Fact]
    public async Task CostLearnedAfterTheSuggestionWasShownIsCounted()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var seed = new Seed(host.Db);
        await seed.SuggestionAsync("c1", 1, "draft", "a1", "refund", "2026-11-10T10:00:00Z");
        await seed.FeedbackAsync("ce1", "c1", "accepted", "2026-11-10T10:01:00Z");
        await using (var c = await host.Db.OpenAsync(CancellationToken.None))
        {
            await Dapper.SqlMapper.ExecuteAsync(c, "UPDATE suggestions SET cost_usd = 0.25, tokens_in = 900, tokens_out = 120 WHERE id = 'c1'");
        }

        var total = (await GetAsync(host, "/api/analytics/summary?from=2026-11-01&to=2026-12-01&tenant=acme")).GetProperty("total");

        Assert.Equal(0.25, total.GetProperty("costUsd").GetDouble(), 9);
        Assert.Equal(0.25, total.GetProperty("costPerAcceptedUsd").GetDouble(), 9);
    }

    internal static async Task<JsonElement> GetAsync(AnalyticsHost host, string url)
    {
        using var response = await host.Client.SendAsync(host.AsAdmin(url));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Dictionary<string, JsonElement> Rows(JsonElement body) =>
        body.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r);

    private static void AssertCounts(JsonElement row, long shown, long accepted, long edited, long rejected, long noFeedback)
    {
        Assert.Equal(
            (shown, accepted, edited, rejected, noFeedback),
            (row.GetProperty("shown").GetInt64(), row.GetProperty("accepted").GetInt64(), row.GetProperty("edited").GetInt64(),
             row.GetProperty("rejected").GetInt64(), row.GetProperty("noFeedback").GetInt64()));
    }

    private static void AssertReasons(JsonElement row, long wrongFacts, long wrongTone, long outdated, long missingContext, long policy, long other)
    {
        var r = row.GetProperty("rejectedByReason");
        Assert.Equal(
            (wrongFacts, wrongTone, outdated, missingContext, policy, other),
            (r.GetProperty("wrong-facts").GetInt64(), r.GetProperty("wrong-tone").GetInt64(), r.GetProperty("outdated-article").GetInt64(),
             r.GetProperty("missing-context").GetInt64(), r.GetProperty("policy").GetInt64(), r.GetProperty("other").GetInt64()));
    }

    private static void AssertEdits(JsonElement row, long under10, long from10, long from25, long over50)
    {
        var e = row.GetProperty("editSize");
        Assert.Equal(
            (under10, from10, from25, over50),
            (e.GetProperty("0-10").GetInt64(), e.GetProperty("10-25").GetInt64(), e.GetProperty("25-50").GetInt64(), e.GetProperty("50+").GetInt64()));
    }
}
