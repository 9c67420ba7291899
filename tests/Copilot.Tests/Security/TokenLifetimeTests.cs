using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Tests.Infrastructure;
using Copilot.Tests.Sidebar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Copilot.Tests.Security;

public sealed class TokenLifetimeTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    [Fact]
    public async Task AProxyTokenThatIsNotYetValidIsUnauthorized()
    {
        using var early = CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: CopilotTestHost.MintToken(notBefore: TimeSpan.FromMinutes(5)));
        using var refused = await fixture.Client.SendAsync(early);
        await Problems.AssertAsync(refused, HttpStatusCode.Unauthorized, "nbf 5 minutes ahead");

        // The same token, current: accepted, so the refusal above was the nbf and nothing else.
        using var current = CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: CopilotTestHost.MintToken(notBefore: TimeSpan.FromSeconds(20)));
        using var accepted = await fixture.Client.SendAsync(current);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Theory]
    [InlineData(1_000_000_000_000_000)]
    [InlineData(-1_000_000_000_000_000)]
    [InlineData(253_402_300_800)]
    public async Task AProxyTokenWhoseIssueTimeIsNoTimeIsUnauthorized(long iat)
    {
        using var request = CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist", token: CopilotTestHost.MintToken(iat: iat));
        using var refused = await fixture.Client.SendAsync(request);
        await Problems.AssertAsync(refused, HttpStatusCode.Unauthorized, $"iat {iat}");
    }

    [Fact]
    public async Task ASessionEndsAtItsMaximumLifetimeHoweverOftenItIsRenewed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SidebarTestHost.StartAsync(configure: b => b.WithClock(clock));
        var signedLoadAt = clock.GetUtcNow();
        var session = await host.StartSessionAsync(SidebarTestHost.Agent);

        // Renewed every 20 minutes, as the app does, up to just before the 12-hour limit.
        while (clock.GetUtcNow() < signedLoadAt.AddHours(12).AddMinutes(-20))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            (var status, session, var expiresAt) = await RenewAsync(host, session);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(expiresAt <= signedLoadAt.AddHours(12), $"a renewed session runs to {expiresAt:O}, past the maximum");
        }
        using (var stillIn = await host.GetAsAsync("/test/whoami", session))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }

        clock.SetUtcNow(signedLoadAt.AddHours(12).AddMinutes(1));
        using var after = await host.GetAsAsync("/test/whoami", session);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        var (renewed, _, _) = await RenewAsync(host, session);
        Assert.Equal(HttpStatusCode.Unauthorized, renewed);
    }

    [Fact]
    public async Task ARenewalNearTheMaximumRunsOnlyToTheMaximum()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SidebarTestHost.StartAsync(configure: b => b
            .WithClock(clock)
            .With("Sidebar:MaxSessionHours", "1"));
        var signedLoadAt = clock.GetUtcNow();
        var session = await host.StartSessionAsync(SidebarTestHost.Agent);
        clock.Advance(TimeSpan.FromMinutes(25));
        (_, session, _) = await RenewAsync(host, session);
        clock.Advance(TimeSpan.FromMinutes(25));
        var (status, renewed, expiresAt) = await RenewAsync(host, session);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(Math.Abs((expiresAt - signedLoadAt.AddHours(1)).TotalSeconds) <= 1, $"expires {expiresAt:O}, not at the 1-hour maximum");

        clock.Advance(TimeSpan.FromMinutes(11));
        using var after = await host.GetAsAsync("/test/whoami", renewed);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task RenewalAsksTheHelpdeskAgainAndEndsASuspendedAgentsSession()
    {
        await using var host = await SidebarTestHost.StartAsync();
        var session = await host.StartSessionAsync(SidebarTestHost.Agent);
        host.Zendesk.Data.Users.Single(u => u.Id == SidebarTestHost.Agent).Active = false;
        host.Zendesk.ClearRequests();

        var (status, _, _) = await RenewAsync(host, session);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains(host.Zendesk.Requests, r => r.Path == $"/api/v2/users/{SidebarTestHost.Agent}");
    }

    private static async Task<(HttpStatusCode Status, string Token, DateTimeOffset ExpiresAt)> RenewAsync(SidebarTestHost host, string session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sidebar/session");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session);
        using var response = await host.Http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, "", default);
        }
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.GetProperty("token").GetString()!, body.GetProperty("expiresAt").GetDateTimeOffset());
    }
}
