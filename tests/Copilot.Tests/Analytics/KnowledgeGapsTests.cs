using System.Text.Json;
using Copilot.Api.Analytics;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Analytics;

public sealed class KnowledgeGapsTests
{
    private static async Task SeedAsync(Seed seed)
    {
        await seed.RetrievalAsync(201, "refund damaged parcel", 0.5, "4401", "Returns policy", "2026-11-02T10:00:00Z");
        await seed.RetrievalAsync(202, "refund damaged lamp", 1.0, "4401", "Returns policy", "2026-11-03T10:00:00Z");
        await seed.RetrievalAsync(203, "warranty lamp flicker", null, null, null, "2026-11-04T10:00:00Z");
        // Well matched, but its draft was rejected for an outdated article: still a gap.
        await seed.RetrievalAsync(204, "refund policy", 5.0, "4403", "Refund policy", "2026-11-05T10:00:00Z");
        await seed.SuggestionAsync("d204", 204, "draft", "a1", "refund", "2026-11-05T10:00:01Z",
            sources: """[{"sourceId":"4402","kind":"article","title":"Refund timelines 2024"}]""");
        await seed.FeedbackAsync("f204", "d204", "rejected", "2026-11-05T10:02:00Z", reason: "outdated-article");
        // Its best match over the period clears the threshold: not a gap.
        await seed.RetrievalAsync(205, "warranty flicker bulb", 1.5, "4404", "Bulb warranty", "2026-11-06T10:00:00Z");
        await seed.RetrievalAsync(205, "warranty flicker bulb", 2.5, "4404", "Bulb warranty", "2026-11-06T11:00:00Z");
        // Retrieved before the period; its draft, in the period, was rejected for missing context.
        await seed.RetrievalAsync(206, "warranty bulb", 3.0, "4404", "Bulb warranty", "2026-10-15T10:00:00Z");
        await seed.SuggestionAsync("d206", 206, "draft", "a1", "warranty", "2026-11-07T10:00:00Z");
        await seed.FeedbackAsync("f206", "d206", "rejected", "2026-11-07T10:01:00Z", reason: "missing-context");
        // Outside the period, or rejected for a reason that is not about knowledge.
        await seed.RetrievalAsync(207, "invoice copy", 0.1, null, null, "2026-10-20T10:00:00Z");
        await seed.SuggestionAsync("d208", 208, "draft", "a1", "refund", "2026-11-08T10:00:00Z");
        await seed.FeedbackAsync("f208", "d208", "rejected", "2026-11-08T10:01:00Z", reason: "wrong-tone");
    }

    [Fact]
    public async Task GapsAreGroupedIntoTopicsWithExamplesAndClosestArticles()
    {
        await using var host = await AnalyticsHost.StartAsync();
        await SeedAsync(new Seed(host.Db));

        var body = await SummaryTests.GetAsync(host, "/api/analytics/knowledge-gaps?from=2026-11-01&to=2026-12-01&tenant=acme");

        Assert.Equal(2.0, body.GetProperty("threshold").GetDouble());
        Assert.Equal(5, body.GetProperty("ticketCount").GetInt32());
        var topics = body.GetProperty("topics").EnumerateArray().ToList();
        Assert.Equal(["refund damaged parcel", "lamp flicker warranty", "warranty bulb"], topics.Select(t => t.GetProperty("label").GetString()));

        var refund = topics[0];
        Assert.Equal(3, refund.GetProperty("ticketCount").GetInt32());
        Assert.Equal(2, refund.GetProperty("noMatch").GetInt32());
        Assert.Equal(1, refund.GetProperty("outdatedArticle").GetInt32());
        Assert.Equal(0, refund.GetProperty("missingContext").GetInt32());
        Assert.Equal([201L, 202L, 204L], refund.GetProperty("exampleTicketIds").EnumerateArray().Select(e => e.GetInt64()));
        var articles = refund.GetProperty("closestArticles").EnumerateArray().ToList();
        Assert.Equal(["4401", "4403", "4402"], articles.Select(a => a.GetProperty("sourceId").GetString()));
        Assert.Equal("Returns policy", articles[0].GetProperty("title").GetString());
        Assert.Equal(2, articles[0].GetProperty("tickets").GetInt32());
        Assert.Equal(1.0, articles[0].GetProperty("bestScore").GetDouble());
        Assert.Equal("Refund timelines 2024", articles[2].GetProperty("title").GetString());

        var lamp = topics[1];
        Assert.Equal([203L], lamp.GetProperty("exampleTicketIds").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(1, lamp.GetProperty("noMatch").GetInt32());
        Assert.Empty(lamp.GetProperty("closestArticles").EnumerateArray());

        var bulb = topics[2];
        Assert.Equal([206L], bulb.GetProperty("exampleTicketIds").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(0, bulb.GetProperty("noMatch").GetInt32());
        Assert.Equal(1, bulb.GetProperty("missingContext").GetInt32());
        Assert.Equal("4404", bulb.GetProperty("closestArticles")[0].GetProperty("sourceId").GetString());
    }

    [Fact]
    public async Task TheThresholdCanBeSetPerQuery()
    {
        await using var host = await AnalyticsHost.StartAsync();
        await SeedAsync(new Seed(host.Db));

        var strict = await SummaryTests.GetAsync(host, "/api/analytics/knowledge-gaps?from=2026-11-01&to=2026-12-01&tenant=acme&threshold=3");
        // 205 (best 2.5) joins; 204 (5.0) stays only through its rejected draft.
        Assert.Equal(6, strict.GetProperty("ticketCount").GetInt32());
        var lenient = await SummaryTests.GetAsync(host, "/api/analytics/knowledge-gaps?from=2026-11-01&to=2026-12-01&tenant=acme&threshold=0.4");
        // Only 203 (nothing found) and the two rejected drafts.
        Assert.Equal(3, lenient.GetProperty("ticketCount").GetInt32());
    }

    [Fact]
    public async Task TheRetrievalLogRecordsWhatTheGapsReportReads()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var log = host.Services.GetRequiredService<RetrievalLog>();
        await log.RecordAsync("acme", 501, ["Voucher", "expired", "voucher", "two words", "46630", "2026", "lum-2026-48213"], 0.3, "4409", "Gift cards", CancellationToken.None);
        // A row recorded before numbers were left out is read without them.
        await host.Services.GetRequiredService<Copilot.Api.Store.Db>().WriteAsync(async c => await Dapper.SqlMapper.ExecuteAsync(c,
            "UPDATE retrieval_events SET query_terms = query_terms || ' 99887' WHERE ticket_id = 501"), CancellationToken.None);

        var body = await SummaryTests.GetAsync(host, "/api/analytics/knowledge-gaps?tenant=acme");

        var topic = Assert.Single(body.GetProperty("topics").EnumerateArray());
        Assert.Equal(["expired", "voucher"], topic.GetProperty("terms").EnumerateArray().Select(t => t.GetString()).Order());
        Assert.Equal("4409", topic.GetProperty("closestArticles")[0].GetProperty("sourceId").GetString());
    }

    [Fact]
    public void ClusteringDoesNotDependOnInputOrder()
    {
        var tickets = new[]
        {
            new GapTicket(1, Terms("printer jam tray")), new GapTicket(2, Terms("printer jam")), new GapTicket(3, Terms("login password reset")),
            new GapTicket(4, Terms("password reset email")), new GapTicket(5, Terms("tray paper")),
        };
        var forward = TopicClustering.Cluster(tickets);
        var backward = TopicClustering.Cluster(tickets.Reverse().ToList());
        Assert.Equal(Describe(forward), Describe(backward));
        Assert.Equal(5, forward.Sum(c => c.TicketIds.Count));

        static Dictionary<string, int> Terms(string s) => s.Split(' ').ToDictionary(t => t, _ => 1);
        static string Describe(IReadOnlyList<TopicCluster> c) => string.Join(" | ", c.Select(t => string.Join(' ', t.Terms) + ":" + string.Join(',', t.TicketIds)));
    }
}
