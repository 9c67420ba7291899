using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Copilot.Tests.Dashboard;

public sealed class DashboardRouteTests : IAsyncLifetime
{
    private DashboardTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DashboardTestHost.StartAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(DashboardTestHost.Lead, "lead")]
    [InlineData(DashboardTestHost.Admin, "admin")]
    public async Task ATeamLeadOrAdminGetsTheDashboardWithASessionThatReadsAnalytics(long user, string role)
    {
        using var response = await _host.LoadDashboardAsync(user);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("dashboard.html", html);
        var session = DashboardTestHost.SessionOf(html);
        Assert.NotEmpty(session);
        var claims = JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(session.Split('.')[1])).RootElement;
        Assert.Equal(role, claims.GetProperty("role").GetString());
        using var summary = await _host.GetAsAsync("/api/analytics/summary", session);
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
    }

    [Fact]
    public async Task AnAgentGetsATeamLeadsOnlyPageAndNoSession()
    {
        using var response = await _host.LoadDashboardAsync(DashboardTestHost.Agent);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Team leads only", html);
        Assert.Empty(DashboardTestHost.SessionOf(html));
        Assert.DoesNotContain("dashboard.html", html);
    }

    [Fact]
    public async Task AnAgentAskingForJsonGetsA403Problem()
    {
        using var response = await _host.LoadDashboardAsync(DashboardTestHost.Agent, accept: "application/json");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Team leads only", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ALoadSignedWithAnotherKeyIsRefused()
    {
        using var other = RSA.Create(2048);
        using var response = await _host.LoadDashboardAsync(DashboardTestHost.Lead, key: other);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpeningTheDashboardAddressDirectlyIsUnauthorized()
    {
        using var response = await _host.Http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AgentNamesAreForTeamLeadsOnly()
    {
        using var asAgent = await _host.GetAsAsync("/api/dashboard/agents", await _host.SidebarSessionAsync(DashboardTestHost.Agent));
        Assert.Equal(HttpStatusCode.Forbidden, asAgent.StatusCode);

        using var asLead = await _host.GetAsAsync("/api/dashboard/agents", await _host.SidebarSessionAsync(DashboardTestHost.Lead));
        Assert.Equal(HttpStatusCode.OK, asLead.StatusCode);
        var agents = await asLead.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(agents.EnumerateArray(), a => a.GetProperty("id").GetString() == "2001" && a.GetProperty("name").GetString() == "Sam Agent");
    }

    [Fact]
    public async Task TheDashboardPreviewIsOffWithoutTheDemoTenant()
    {
        using var response = await _host.Http.GetAsync("/preview/dashboard");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
