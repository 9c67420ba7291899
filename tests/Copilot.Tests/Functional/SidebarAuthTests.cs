using System.Net;
using System.Net.Http.Headers;
using Copilot.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace Copilot.Tests.Functional;

public class SidebarAuthTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    private async Task<HttpStatusCode> AssistWithAsync(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tickets/101/assist");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await fixture.Client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task AValidTokenIsAccepted() =>
        Assert.Equal(HttpStatusCode.OK, await AssistWithAsync(CopilotTestHost.MintToken()));

    [Fact]
    public async Task ARequestWithoutATokenIsUnauthorized() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await AssistWithAsync(null));

    [Fact]
    public async Task ATokenSignedWithAnotherSecretIsUnauthorized() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await AssistWithAsync(CopilotTestHost.MintToken(secret: CopilotTestHost.OtherSharedSecret)));

    [Fact]
    public async Task ATokenNamingAnUnknownTenantIsUnauthorized() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await AssistWithAsync(CopilotTestHost.MintToken(issuer: "nobody")));

    [Fact]
    public async Task ATokenWithoutExpiryIsUnauthorized() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await AssistWithAsync(CopilotTestHost.MintToken(includeExpiry: false)));

    [Fact]
    public async Task AnExpiredTokenIsUnauthorized() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await AssistWithAsync(CopilotTestHost.MintToken(lifetime: TimeSpan.FromMinutes(-5))));

    [Fact]
    public async Task ATokenLivingTooLongIsUnauthorized() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await AssistWithAsync(CopilotTestHost.MintToken(lifetime: TimeSpan.FromDays(1))));

    [Fact]
    public async Task ATokenWithoutJtiIsUnauthorized() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await AssistWithAsync(CopilotTestHost.MintToken(includeJti: false)));

    [Fact]
    public async Task AnotherAlgorithmIsRefusedEvenWithTheRightSecret() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await AssistWithAsync(CopilotTestHost.MintToken(algorithm: SecurityAlgorithms.HmacSha512)));

    [Fact]
    public async Task AnUnsignedTokenIsUnauthorized()
    {
        var parts = CopilotTestHost.MintToken().Split('.');
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        Assert.Equal(HttpStatusCode.Unauthorized, await AssistWithAsync($"{header}.{parts[1]}."));
    }

    [Fact]
    public async Task AReplayedTokenIsUnauthorized()
    {
        var token = CopilotTestHost.MintToken();
        Assert.Equal(HttpStatusCode.OK, await AssistWithAsync(token));
        Assert.Equal(HttpStatusCode.Unauthorized, await AssistWithAsync(token));
    }

    [Fact]
    public async Task ATokenIssuedFurtherAheadThanTheClockSkewIsUnauthorized()
    {
        // No process accepts a token signed more than 30 s ahead of its clock, so no token it accepted can pass, at a
        // later start, for one signed after that start (the replay guard answers for those from memory).
        Assert.Equal(HttpStatusCode.Unauthorized, await AssistWithAsync(CopilotTestHost.MintToken(issuedAt: DateTime.UtcNow.AddMinutes(2))));
        Assert.Equal(HttpStatusCode.OK, await AssistWithAsync(CopilotTestHost.MintToken(issuedAt: DateTime.UtcNow.AddSeconds(10))));
    }

    [Fact]
    public async Task TheTenantComesFromTheTokenNotTheUrl()
    {
        // A valid token for "other" reaches other's data only: its suggestions are its own.
        var token = CopilotTestHost.MintToken(issuer: CopilotTestHost.OtherTenantId, secret: CopilotTestHost.OtherSharedSecret);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tickets/101/assist?tenant=acme");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await fixture.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var admin = CopilotTestHost.Admin(HttpMethod.Get, $"/api/admin/tenants/{CopilotTestHost.OtherTenantId}");
        using var status = await fixture.Client.SendAsync(admin);
        Assert.Contains("\"suggestions\":", await status.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AdminRoutesNeedTheAdminKey()
    {
        using var response = await fixture.Client.GetAsync("/api/admin/tenants");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/admin/tenants");
        wrong.Headers.Add("X-Admin-Key", "not-the-key");
        using var refused = await fixture.Client.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var right = CopilotTestHost.Admin(HttpMethod.Get, "/api/admin/tenants");
        using var ok = await fixture.Client.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task ASidebarTokenDoesNotOpenAdminRoutes()
    {
        using var request = CopilotTestHost.Sidebar(HttpMethod.Get, "/api/admin/tenants");
        using var response = await fixture.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
