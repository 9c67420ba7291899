using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Copilot.Api.Sidebar;

namespace Copilot.Tests.Sidebar;

public sealed class SessionTests : IAsyncLifetime
{
    private SidebarTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SidebarTestHost.StartAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<JsonElement> WhoAmIAsync(string bearer)
    {
        using var response = await _host.GetAsAsync("/test/whoami", bearer);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task TheSessionIsAcceptedOnSidebarRoutesAndNamesTheVerifiedAgent()
    {
        var who = await WhoAmIAsync(await _host.StartSessionAsync(SidebarTestHost.Lead));
        Assert.Equal("2002", who.GetProperty("verifiedAgent").GetString());
        Assert.Equal("lead", who.GetProperty("role").GetString());
    }

    [Fact]
    public async Task TheSessionCanBeUsedForManyCalls()
    {
        var session = await _host.StartSessionAsync();
        await WhoAmIAsync(session);
        await WhoAmIAsync(session);
    }

    [Fact]
    public async Task AProxySignedTokenProvesTheTenantButNoAgent()
    {
        var who = await WhoAmIAsync(SidebarTestHost.ProxySigned("acme", "9999"));
        Assert.Equal("acme", who.GetProperty("tenant").GetString());
        // The proxy signs whatever "sub" the browser wrote: no agent at all, verified or not.
        Assert.False(who.TryGetProperty("agent", out var agent) && agent.ValueKind != JsonValueKind.Null, "a proxy-signed token must not name an agent");
        Assert.False(who.TryGetProperty("verifiedAgent", out var verified) && verified.ValueKind != JsonValueKind.Null, "a proxy-signed token must not count as a verified agent");
    }

    [Fact]
    public async Task ASessionForgedThroughTheProxyWithTheSharedSecretIsRefused()
    {
        // The proxy signs whatever claims the browser asks for: a "session" for another agent.
        var forged = SidebarTestHost.ProxySigned(SessionTokens.Issuer, "2003", audience: "acme");
        using var response = await _host.GetAsAsync("/test/whoami", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnAgentCannotActAsAnotherByEditingTheSession()
    {
        var session = await _host.StartSessionAsync(SidebarTestHost.Agent);
        var parts = session.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlDecode(parts[1])).Replace("\"2001\"", "\"2003\"", StringComparison.Ordinal);
        var edited = $"{parts[0]}.{Base64UrlEncode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
        using var response = await _host.GetAsAsync("/test/whoami", edited);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TeamLeadRoutesTakeLeadsAndAdminsOnly()
    {
        using var agent = await _host.GetAsAsync("/test/lead", await _host.StartSessionAsync(SidebarTestHost.Agent));
        using var lead = await _host.GetAsAsync("/test/lead", await _host.StartSessionAsync(SidebarTestHost.Lead));
        using var admin = await _host.GetAsAsync("/test/lead", await _host.StartSessionAsync(SidebarTestHost.Admin));
        using var proxy = await _host.GetAsAsync("/test/lead", SidebarTestHost.ProxySigned("acme", "2003"));
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, proxy.StatusCode);
    }

    [Fact]
    public async Task ASessionIsRenewedForTheSameAgent()
    {
        var session = await _host.StartSessionAsync(SidebarTestHost.Admin);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sidebar/session");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session);
        using var response = await _host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var who = await WhoAmIAsync(body.GetProperty("token").GetString()!);
        Assert.Equal("2003", who.GetProperty("verifiedAgent").GetString());
        Assert.Equal("admin", who.GetProperty("role").GetString());
    }

    [Fact]
    public async Task AProxySignedTokenCannotBeRenewedIntoASession()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sidebar/session");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SidebarTestHost.ProxySigned("acme", "2003"));
        using var response = await _host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TheAppsAssetsAreServedButNothingOutsideTheirFolder()
    {
        using var asset = await _host.Http.GetAsync("/app/assets/app-1234.js");
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString());
        using var outside = await _host.Http.GetAsync("/app/..%2Fsecret.txt");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        using var page = await _host.Http.GetAsync("/app/sidebar.html");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    private static byte[] Base64UrlDecode(string s) => Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/').PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    private static string Base64UrlEncode(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
