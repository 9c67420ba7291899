using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Copilot.Tests.Analytics;

/// <summary>
/// The dashboard shows the time-saved assumptions to team leads and admins of the session's tenant, and lets a helpdesk
/// admin change them: the figures follow, bad values get a problem naming the field, and nobody else can change them.
/// </summary>
public sealed class TimeSavedDashboardTests
{
    private const string Url = "/api/dashboard/time-saved";
    private const string AdminUrl = "/api/admin/tenants/acme/time-saved";

    [Fact]
    public async Task ATeamLeadReadsTheAssumptionsWithTheirDefaultsButMayNotChangeThem()
    {
        await using var host = await AnalyticsHost.StartAsync();

        var read = await SendAsync(host, host.AsSession(Url, "acme", "lead"));

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.False(read.Body.GetProperty("canEdit").GetBoolean());
        Assert.Equal(10, read.Body.GetProperty("assumptions").GetProperty("minutesPerUse").GetProperty("draft").GetDouble());
        Assert.Equal(10, read.Body.GetProperty("defaults").GetProperty("draft").GetDouble());
        Assert.Equal(2, read.Body.GetProperty("defaults").GetProperty("summary").GetDouble());
        Assert.Equal(240, read.Body.GetProperty("maxMinutes").GetDouble());
        Assert.Equal(0.5, read.Body.GetProperty("assumptions").GetProperty("editedSavingsFactor").GetDouble());

        var put = await SendAsync(host, Put(host.AsSession(Url, "acme", "lead"), new { minutesPerUse = new { draft = 3 } }));

        Assert.Equal(HttpStatusCode.Forbidden, put.Status);
        Assert.Equal(0, (await SummaryTests.GetAsync(host, AdminUrl)).GetProperty("setByAdmin").GetArrayLength());
    }

    [Fact]
    public async Task AnAdminChangesTheirTenantsMinutesAndTheTimeSavedFollows()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var seed = new Seed(host.Db);
        await seed.SuggestionAsync("d1", 1, "draft", "a1", null, "2026-11-05T10:00:00Z");
        await seed.FeedbackAsync("de1", "d1", "accepted", "2026-11-05T10:01:00Z");
        const string summary = "/api/analytics/summary?from=2026-11-01&to=2026-11-10&groupBy=kind&tenant=acme";
        Assert.Equal(10, (await SummaryTests.GetAsync(host, summary)).GetProperty("rows")[0].GetProperty("timeSavedMinutes").GetDouble());

        var put = await SendAsync(host, Put(host.AsSession(Url, "acme", "admin"), new { minutesPerUse = new Dictionary<string, double> { ["draft"] = 7.5 } }));

        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.True(put.Body.GetProperty("canEdit").GetBoolean());
        Assert.Equal(7.5, put.Body.GetProperty("assumptions").GetProperty("minutesPerUse").GetProperty("draft").GetDouble());
        Assert.Equal(["draft"], put.Body.GetProperty("assumptions").GetProperty("setByAdmin").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(10, put.Body.GetProperty("defaults").GetProperty("draft").GetDouble());
        Assert.Equal(7.5, (await SummaryTests.GetAsync(host, summary)).GetProperty("rows")[0].GetProperty("timeSavedMinutes").GetDouble());
        // The session's tenant only.
        Assert.Equal(0, (await SummaryTests.GetAsync(host, "/api/admin/tenants/other/time-saved")).GetProperty("setByAdmin").GetArrayLength());

        // Sending no kind returns every kind to its default.
        var reset = await SendAsync(host, Put(host.AsSession(Url, "acme", "admin"), new { minutesPerUse = new { } }));
        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Equal(10, reset.Body.GetProperty("assumptions").GetProperty("minutesPerUse").GetProperty("draft").GetDouble());
        Assert.Equal(0, reset.Body.GetProperty("assumptions").GetProperty("setByAdmin").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"minutesPerUse\": {\"draft\": 241}}", "minutesPerUse.draft", "Minutes from 0 to 240.")]
    [InlineData("{\"minutesPerUse\": {\"draft\": -0.5}}", "minutesPerUse.draft", "Minutes from 0 to 240.")]
    [InlineData("{\"minutesPerUse\": {\"drafts\": 3}}", "minutesPerUse.drafts", "Unknown kind; one of: summary, draft, articles, macros, similar-tickets, handoff, rewrite, triage, answer, procedure, action.")]
    [InlineData("{\"minutesPerUse\": {\"draft\": \"four\"}}", "$.minutesPerUse.draft", null)]
    public async Task BadMinutesFromTheDashboardGetAProblemAtTheFieldAndChangeNothing(string body, string field, string? message)
    {
        await using var host = await AnalyticsHost.StartAsync();
        var request = host.AsSession(Url, "acme", "admin");
        request.Method = HttpMethod.Put;
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var (status, problem, mediaType) = await SendWithTypeAsync(host, request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        var errors = problem.GetProperty("errors").GetProperty(field);
        if (message is not null)
        {
            Assert.Equal(message, errors[0].GetString());
        }
        Assert.Equal(0, (await SummaryTests.GetAsync(host, AdminUrl)).GetProperty("setByAdmin").GetArrayLength());
    }

    [Fact]
    public async Task AnAgentAndTheAdminKeyCannotUseTheDashboardsRoutes()
    {
        await using var host = await AnalyticsHost.StartAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(host, host.AsSession(Url, "acme", "agent"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(host, Put(host.AsAdmin(Url), new { minutesPerUse = new { draft = 3 } }))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(host, Put(host.AsAgent(Url), new { minutesPerUse = new { draft = 3 } }))).Status);
        Assert.Equal(0, (await SummaryTests.GetAsync(host, AdminUrl)).GetProperty("setByAdmin").GetArrayLength());
    }

    private static HttpRequestMessage Put(HttpRequestMessage request, object body)
    {
        request.Method = HttpMethod.Put;
        request.Content = JsonContent.Create(body);
        return request;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(AnalyticsHost host, HttpRequestMessage request)
    {
        var (status, body, _) = await SendWithTypeAsync(host, request);
        return (status, body);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> SendWithTypeAsync(AnalyticsHost host, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await host.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
        }
    }
}
