using System.Net;
using System.Text.Json;

namespace Copilot.Tests.Analytics;

/// <summary>Ticket outcomes arrive through signed webhooks; assistance comes from suggestion feedback.</summary>
public sealed class OutcomesTests
{
    private static int _n;

    private static async Task SolveAsync(AnalyticsHost host, long ticket, string created, string at) =>
        await SendAsync(host, Webhook.StatusChanged($"solve-{Interlocked.Increment(ref _n)}", ticket, at, "OPEN", "SOLVED", created));

    private static async Task ReopenAsync(AnalyticsHost host, long ticket, string created, string at) =>
        await SendAsync(host, Webhook.StatusChanged($"reopen-{Interlocked.Increment(ref _n)}", ticket, at, "SOLVED", "OPEN", created));

    private static async Task RateAsync(AnalyticsHost host, long ticket, string rating, string at) =>
        await SendAsync(host, Webhook.Rated($"rate-{Interlocked.Increment(ref _n)}", ticket, at, rating));

    private static async Task SendAsync(AnalyticsHost host, string body)
    {
        using var response = await Webhook.SendAsync(host, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AssistedAndUnassistedTicketsAreComparedOnResolutionReopensAndSatisfaction()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var seed = new Seed(host.Db);
        // Assisted: an accepted or edited suggestion.
        await seed.SuggestionAsync("t301", 301, "draft", "a1", "refund", "2026-11-02T01:00:00Z");
        await seed.FeedbackAsync("f301", "t301", "accepted", "2026-11-02T01:01:00Z");
        await seed.SuggestionAsync("t302", 302, "draft", "a1", "refund", "2026-11-03T01:00:00Z");
        await seed.FeedbackAsync("f302", "t302", "edited", "2026-11-03T01:01:00Z", editRatio: 0.2);
        await seed.SuggestionAsync("t303", 303, "summary", "a2", "refund", "2026-11-04T01:00:00Z");
        await seed.FeedbackAsync("f303a", "t303", "rejected", "2026-11-04T01:01:00Z", reason: "other");
        await seed.FeedbackAsync("f303b", "t303", "accepted", "2026-11-04T01:02:00Z");
        // Unassisted: only a rejected suggestion (a changed mind to rejected), or none.
        await seed.SuggestionAsync("t304", 304, "draft", "a1", "refund", "2026-11-02T01:00:00Z");
        await seed.FeedbackAsync("f304a", "t304", "accepted", "2026-11-02T01:01:00Z");
        await seed.FeedbackAsync("f304b", "t304", "rejected", "2026-11-02T01:02:00Z", reason: "wrong-facts");

        await SolveAsync(host, 301, "2026-11-02T00:00:00Z", "2026-11-02T10:00:00Z");
        await RateAsync(host, 301, "Good", "2026-11-02T11:00:00Z");
        await SolveAsync(host, 302, "2026-11-03T00:00:00Z", "2026-11-03T04:00:00Z");
        await ReopenAsync(host, 302, "2026-11-03T00:00:00Z", "2026-11-03T06:00:00Z");
        await SolveAsync(host, 302, "2026-11-03T00:00:00Z", "2026-11-03T08:00:00Z");
        await RateAsync(host, 302, "bad", "2026-11-03T09:00:00Z");
        await SolveAsync(host, 303, "2026-11-04T00:00:00Z", "2026-11-05T00:00:00Z");
        await SolveAsync(host, 304, "2026-11-02T00:00:00Z", "2026-11-02T20:00:00Z");
        await RateAsync(host, 304, "good", "2026-11-02T21:00:00Z");
        await SolveAsync(host, 305, "2026-11-06T00:00:00Z", "2026-11-06T12:00:00Z");
        await ReopenAsync(host, 305, "2026-11-06T00:00:00Z", "2026-11-06T18:00:00Z");
        await SolveAsync(host, 305, "2026-11-06T00:00:00Z", "2026-11-07T06:00:00Z");
        // Solved before the period; reopened and still open.
        await SolveAsync(host, 306, "2026-10-29T00:00:00Z", "2026-10-30T00:00:00Z");
        await SolveAsync(host, 307, "2026-11-08T00:00:00Z", "2026-11-08T02:00:00Z");
        await ReopenAsync(host, 307, "2026-11-08T00:00:00Z", "2026-11-08T03:00:00Z");

        var body = await SummaryTests.GetAsync(host, "/api/analytics/outcomes?from=2026-11-01&to=2026-12-01&tenant=acme");

        var assisted = body.GetProperty("assisted");
        Assert.Equal(3, assisted.GetProperty("tickets").GetInt32());
        Assert.Equal(10.0, assisted.GetProperty("medianResolutionHours").GetDouble(), 6);   // 8, 10, 24
        Assert.Equal(14.0, assisted.GetProperty("meanResolutionHours").GetDouble(), 6);
        Assert.Equal(1.0 / 3, assisted.GetProperty("reopenRate").GetDouble(), 9);
        Assert.Equal(2, assisted.GetProperty("rated").GetInt32());
        Assert.Equal(0.5, assisted.GetProperty("satisfaction").GetDouble(), 9);

        var unassisted = body.GetProperty("unassisted");
        Assert.Equal(2, unassisted.GetProperty("tickets").GetInt32());
        Assert.Equal(25.0, unassisted.GetProperty("medianResolutionHours").GetDouble(), 6); // 20, 30
        Assert.Equal(25.0, unassisted.GetProperty("meanResolutionHours").GetDouble(), 6);
        Assert.Equal(0.5, unassisted.GetProperty("reopenRate").GetDouble(), 9);
        Assert.Equal(1, unassisted.GetProperty("rated").GetInt32());
        Assert.Equal(1.0, unassisted.GetProperty("satisfaction").GetDouble(), 9);
    }

    [Fact]
    public async Task APeriodWithoutSolvedTicketsHasNoRates()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var body = await SummaryTests.GetAsync(host, "/api/analytics/outcomes?from=2026-11-01&to=2026-12-01&tenant=acme");
        Assert.Equal(0, body.GetProperty("assisted").GetProperty("tickets").GetInt32());
        Assert.False(body.GetProperty("assisted").TryGetProperty("medianResolutionHours", out _));
        Assert.False(body.GetProperty("unassisted").TryGetProperty("satisfaction", out _));
    }
}
