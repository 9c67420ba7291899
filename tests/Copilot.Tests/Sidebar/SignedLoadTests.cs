using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Copilot.Tests.Sidebar;

public sealed class SignedLoadTests : IAsyncLifetime
{
    private SidebarTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SidebarTestHost.StartAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<JsonElement> RefusedAsync(string token, HttpStatusCode status = HttpStatusCode.Unauthorized)
    {
        using var response = await _host.LoadAsync(token);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task AValidSignedLoadServesTheAppWithASessionForThatAgent()
    {
        using var response = await _host.LoadAsync(_host.SignLoad());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("frame-ancestors", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("""name="copilot-host" content="zendesk" """.TrimEnd(), html);
        var session = SidebarTestHost.SessionOf(html);
        using var me = await _host.GetAsAsync("/test/whoami", session);
        var who = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("acme", who.GetProperty("tenant").GetString());
        Assert.Equal("2001", who.GetProperty("verifiedAgent").GetString());
        Assert.Equal("2001", who.GetProperty("agent").GetString());
        Assert.Equal("agent", who.GetProperty("role").GetString());
    }

    [Fact]
    public async Task AUserGivenAsTheirApiUrlIsFoundToo()
    {
        var token = _host.SignLoad(subject: $"{_host.Zendesk.BaseUrl.GetLeftPart(UriPartial.Authority)}/api/v2/users/2003.json");
        using var response = await _host.LoadAsync(token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKeyIsRefused()
    {
        using var other = RSA.Create(2048);
        var problem = await RefusedAsync(_host.SignLoad(key: other));
        Assert.Contains("signature", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ATokenFromAnotherZendeskIsRefused()
    {
        var problem = await RefusedAsync(_host.SignLoad(issuer: "someone-else.zendesk.com"));
        Assert.Contains("issuer", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnExpiredTokenIsRefused()
    {
        var problem = await RefusedAsync(_host.SignLoad(expires: DateTime.UtcNow.AddMinutes(-10)));
        Assert.Contains("expired", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ATokenWithoutExpiryIsRefused() => await RefusedAsync(_host.SignLoad(withExpiry: false));

    [Fact]
    public async Task ATokenWithoutUserIsRefused()
    {
        var problem = await RefusedAsync(_host.SignLoad(subject: null));
        Assert.Contains("user", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ATokenForAnotherAudienceIsRefused()
    {
        var problem = await RefusedAsync(_host.SignLoad(audience: "https://evil.example/api/v2/apps/installations/42.json"));
        Assert.Contains("audience", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AKeyUrlOnAnotherHostIsNotFollowed()
    {
        var problem = await RefusedAsync(_host.SignLoad(keyUrl: $"https://evil.example/api/v2/apps/{SidebarTestHost.AppId}/public_key.pem"));
        Assert.Contains("public key", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AMissingOrGarbledTokenIsRefused()
    {
        await RefusedAsync("");
        await RefusedAsync("not-a-jwt");
    }

    [Fact]
    public async Task AnEndUserGetsNoSession()
    {
        var problem = await RefusedAsync(_host.SignLoad(subject: SidebarTestHost.Customer.ToString()), HttpStatusCode.Forbidden);
        Assert.Equal("Not an agent", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AnAgentTheHelpdeskNoLongerListsAsActiveGetsNoSession()
    {
        var problem = await RefusedAsync(_host.SignLoad(subject: SidebarTestHost.Former.ToString()), HttpStatusCode.Forbidden);
        Assert.Equal("Not an agent", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ALoadSignedByTheFakeZendeskAsZendeskDoesStartsASession()
    {
        using var response = await _host.LoadAsync(_host.Zendesk.SignLoad(SidebarTestHost.Admin));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var who = await _host.GetAsAsync("/test/whoami", SidebarTestHost.SessionOf(await response.Content.ReadAsStringAsync()));
        Assert.Contains("\"verifiedAgent\":\"2003\"", await who.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheAppsPublicKeyIsFetchedOnceForManyLoads()
    {
        await _host.StartSessionAsync();
        await _host.StartSessionAsync(SidebarTestHost.Admin);
        Assert.Equal(1, _host.Zendesk.App.KeyFetches);
    }

    [Fact]
    public async Task OpeningTheSidebarWithoutASignedLoadIsUnauthorized()
    {
        using var response = await _host.Http.GetAsync("/sidebar/");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.TryGetProperty("traceId", out _));
    }
}
