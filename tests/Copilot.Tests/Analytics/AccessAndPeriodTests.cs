using System.Net;
using System.Text.Json;

namespace Copilot.Tests.Analytics;

public sealed class AccessAndPeriodTests
{
    private const string Summary = "/api/analytics/summary?from=2026-11-01&to=2026-12-01";

    [Fact]
    public async Task AnAgentWithAValidSidebarTokenIsForbidden()
    {
        await using var host = await AnalyticsHost.StartAsync();
        using var response = await host.Client.SendAsync(host.AsAgent(Summary));
        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("")]
    public async Task ASessionWithoutALeadRoleIsForbidden(string role)
    {
        await using var host = await AnalyticsHost.StartAsync();
        using var response = await host.Client.SendAsync(host.AsSession(Summary, "acme", role));
        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task NoCredentialsOrAWrongAdminKeyIsUnauthorized()
    {
        await using var host = await AnalyticsHost.StartAsync();
        using var anonymous = await host.Client.GetAsync(Summary + "&tenant=acme");
        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        var wrong = new HttpRequestMessage(HttpMethod.Get, Summary + "&tenant=acme");
        wrong.Headers.Add("X-Admin-Key", "not-the-key");
        using var response = await host.Client.SendAsync(wrong);
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("lead")]
    [InlineData("admin")]
    public async Task ALeadSessionReadsItsOwnTenantOnly(string role)
    {
        await using var host = await AnalyticsHost.StartAsync();
        await SummaryTests.SeedScenarioAsync(new Seed(host.Db));

        using var own = await host.Client.SendAsync(host.AsSession(Summary, "other", role));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var total = JsonDocument.Parse(await own.Content.ReadAsStringAsync()).RootElement.GetProperty("total");
        Assert.Equal(1, total.GetProperty("shown").GetInt64());
        Assert.Equal(5.0, total.GetProperty("costUsd").GetDouble(), 9);

        using var foreign = await host.Client.SendAsync(host.AsSession(Summary + "&tenant=acme", "other", role));
        await AssertProblemAsync(foreign, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheAdminKeyMustNameAKnownTenant()
    {
        await using var host = await AnalyticsHost.StartAsync();
        using var missing = await host.Client.SendAsync(host.AsAdmin(Summary));
        var problem = await AssertProblemAsync(missing, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("tenant", out _));
        using var unknown = await host.Client.SendAsync(host.AsAdmin(Summary + "&tenant=nobody"));
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/analytics/summary?from=2026-11-20&to=2026-11-04", "to")]
    [InlineData("/api/analytics/summary?from=2026-11-04&to=2026-11-04", "to")]
    [InlineData("/api/analytics/summary?from=2025-11-01&to=2026-11-03", "to")]
    [InlineData("/api/analytics/summary?from=2026-13-01&to=2026-12-01", "from")]
    [InlineData("/api/analytics/summary?from=2026-11-01&to=01/12/2026", "to")]
    [InlineData("/api/analytics/summary?from=2026-11-01&to=2026-12-01&groupBy=ticket", "groupBy")]
    [InlineData("/api/analytics/summary?from=2026-11-01&to=2026-12-01&groupBy=1", "groupBy")]
    [InlineData("/api/analytics/knowledge-gaps?from=2026-11-20&to=2026-11-04", "to")]
    [InlineData("/api/analytics/knowledge-gaps?from=2026-11-01&to=2026-12-01&threshold=-1", "threshold")]
    [InlineData("/api/analytics/outcomes?from=2024-01-01&to=2026-01-01", "to")]
    [InlineData("/api/analytics/export.csv?from=2026-11-20&to=2026-11-04", "to")]
    [InlineData("/api/analytics/export.csv?from=2026-11-01&to=2026-12-01&type=tickets", "type")]
    [InlineData("/api/analytics/export.csv?from=2026-11-01&to=2026-12-01&type=suggestions&includeText=true", "includeText")]
    public async Task ABadPeriodOrParameterIsAValidationProblem(string url, string field)
    {
        await using var host = await AnalyticsHost.StartAsync();
        using var response = await host.Client.SendAsync(host.AsAdmin(url + "&tenant=acme"));
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Fact]
    public async Task AYearOf366DaysIsAllowed()
    {
        await using var host = await AnalyticsHost.StartAsync();
        using var response = await host.Client.SendAsync(host.AsAdmin("/api/analytics/summary?from=2027-01-01&to=2028-01-02&tenant=acme"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
