using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Copilot.Tests.Analytics;

/// <summary>An admin sets the minutes saved per use of each kind for a tenant; the summary estimates time saved with them and shows them.</summary>
public sealed class TimeSavedApiTests
{
    private const string Url = "/api/admin/tenants/acme/time-saved";

    [Fact]
    public async Task MinutesSetByTheAdminAreStoredShownAndUsedForTimeSaved()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var seed = new Seed(host.Db);
        await seed.SuggestionAsync("t1", 1, "summary", "a1", null, "2026-11-05T10:00:00Z");
        await seed.FeedbackAsync("te1", "t1", "accepted", "2026-11-05T10:01:00Z");
        await seed.SuggestionAsync("t2", 2, "summary", "a1", null, "2026-11-05T11:00:00Z");
        await seed.FeedbackAsync("te2", "t2", "edited", "2026-11-05T11:01:00Z", editRatio: 0.2);

        var defaults = await SummaryTests.GetAsync(host, Url);
        Assert.Equal(2, defaults.GetProperty("minutesPerUse").GetProperty("summary").GetDouble());
        Assert.Equal(0, defaults.GetProperty("setByAdmin").GetArrayLength());

        using var put = await host.Client.SendAsync(Put(host, new { minutesPerUse = new Dictionary<string, double> { ["summary"] = 6, ["similar-tickets"] = 0.5 } }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var saved = await SummaryTests.GetAsync(host, Url);
        Assert.Equal(6, saved.GetProperty("minutesPerUse").GetProperty("summary").GetDouble());
        Assert.Equal(0.5, saved.GetProperty("minutesPerUse").GetProperty("similar-tickets").GetDouble());
        Assert.Equal(["similar-tickets", "summary"], saved.GetProperty("setByAdmin").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));

        var summary = await SummaryTests.GetAsync(host, "/api/analytics/summary?from=2026-11-01&to=2026-11-10&groupBy=kind&tenant=acme");
        // One use as is (6 min) and one edited use (6 × the edited factor, 0.5).
        Assert.Equal(9, summary.GetProperty("rows")[0].GetProperty("timeSavedMinutes").GetDouble());
        Assert.Equal(6, summary.GetProperty("assumptions").GetProperty("minutesPerUse").GetProperty("summary").GetDouble());
    }

    [Theory]
    [InlineData("{\"minutesPerUse\": {\"drafts\": 3}}", "minutesPerUse.drafts")]
    [InlineData("{\"minutesPerUse\": {\"draft\": -1}}", "minutesPerUse.draft")]
    [InlineData("{\"minutesPerUse\": {\"draft\": 100000}}", "minutesPerUse.draft")]
    [InlineData("{}", "minutesPerUse")]
    public async Task BadAssumptionsGetAProblemNamingTheFieldAndChangeNothing(string body, string field)
    {
        await using var host = await AnalyticsHost.StartAsync();
        using var request = host.AsAdmin(Url);
        request.Method = HttpMethod.Put;
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, (await SummaryTests.GetAsync(host, Url)).GetProperty("setByAdmin").GetArrayLength());
    }

    [Fact]
    public async Task OnlyAnAdminMaySetThemAndOnlyForAKnownTenant()
    {
        await using var host = await AnalyticsHost.StartAsync();
        using var anonymous = await host.Client.PutAsJsonAsync(Url, new { minutesPerUse = new { draft = 3 } });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var lead = host.AsSession(Url, "acme", "team-lead");
        lead.Method = HttpMethod.Put;
        lead.Content = JsonContent.Create(new { minutesPerUse = new { draft = 3 } });
        Assert.Contains((await host.Client.SendAsync(lead)).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        using var unknown = await host.Client.SendAsync(Put(host, new { minutesPerUse = new { draft = 3 } }, "/api/admin/tenants/nobody/time-saved"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static HttpRequestMessage Put(AnalyticsHost host, object body, string url = Url)
    {
        var request = host.AsAdmin(url);
        request.Method = HttpMethod.Put;
        request.Content = JsonContent.Create(body);
        return request;
    }
}
