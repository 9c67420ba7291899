using Copilot.Api.Analytics;

namespace Copilot.Tests.Analytics;

/// <summary>Every rate carries its sample and a 95% Wilson interval; a difference carries Newcombe's.</summary>
public sealed class RateTests
{
    [Theory]
    [InlineData(5, 6, 0.4365, 0.9699)]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(50, 100, 0.4038, 0.5962)]
    public void TheWilsonIntervalMatchesPublishedValues(long count, long of, double low, double high)
    {
        var rate = Rate.Share(count, of)!;
        Assert.Equal((count, of, low, high), (rate.Count, rate.Of, rate.Low, rate.High));
    }

    [Fact]
    public void AnEmptySampleHasNoRate() => Assert.Null(Rate.Share(0, 0));

    [Fact]
    public void ADifferenceOfTwoSmallSamplesHasAnIntervalThatHoldsZero()
    {
        var d = RateDifference.Of(Rate.Share(2, 10), Rate.Share(3, 10))!;
        Assert.Equal(-0.1, d.Value, 4);
        Assert.True(d.Low < 0 && d.High > 0, $"{d.Low}..{d.High}");
        var clear = RateDifference.Of(Rate.Share(90, 100), Rate.Share(10, 100))!;
        Assert.True(clear.Low > 0.6, $"{clear.Low}");
    }

    [Fact]
    public async Task SummaryRowsReportEachFigurePerKindWithItsSampleAndInterval()
    {
        await using var host = await AnalyticsHost.StartAsync();
        await SummaryTests.SeedScenarioAsync(new Seed(host.Db));
        var body = await SummaryTests.GetAsync(host, "/api/analytics/summary?from=2026-11-04&to=2026-11-20&groupBy=kind&tenant=acme");
        foreach (var row in body.GetProperty("rows").EnumerateArray())
        {
            var shown = row.GetProperty("shown").GetInt64();
            var (used, asIs, edited, rejected, ignored) = (row.GetProperty("used").GetInt64(), row.GetProperty("usedAsIs").GetInt64(),
                row.GetProperty("edited").GetInt64(), row.GetProperty("rejected").GetInt64(), row.GetProperty("ignored").GetInt64());
            Assert.Equal(asIs + edited, used);
            Assert.Equal(shown, used + rejected + ignored);
            Assert.Equal(row.GetProperty("accepted").GetInt64(), asIs);
            foreach (var (name, count) in new[] { ("usedRate", used), ("usedAsIsRate", asIs), ("editedRate", edited), ("rejectedRate", rejected), ("ignoredRate", ignored) })
            {
                var rate = row.GetProperty(name);
                Assert.Equal((count, shown), (rate.GetProperty("count").GetInt64(), rate.GetProperty("of").GetInt64()));
                var expected = Rate.Share(count, shown)!;
                Assert.Equal((expected.Low, expected.High), (rate.GetProperty("low").GetDouble(), rate.GetProperty("high").GetDouble()));
            }
        }
    }
}
