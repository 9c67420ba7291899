using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Api.Sidebar;
using Copilot.Api.Tenants;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Operations;

/// <summary>
/// Draft, rewrite and triage take a permit from the agent's window and from the tenant's. The windows
/// are an hour long here, so no permit comes back while a test runs.
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task AnAgentPastItsLimitGets429WithRetryAfterWhileAColleagueGoesOn()
    {
        await using var host = await StartAsync(perAgent: 2, perTenant: 100);
        var sam = Session(host, "2001");

        Assert.Equal(HttpStatusCode.OK, await RewriteAsync(host, sam));
        Assert.Equal(HttpStatusCode.OK, await RewriteAsync(host, sam));
        using var refused = await host.Client.SendAsync(Rewrite(sam));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, await RewriteAsync(host, Session(host, "2002")));
    }

    [Fact]
    public async Task DraftRewriteAndTriageShareTheAgentsWindowAndAssistIsNotLimited()
    {
        await using var host = await StartAsync(perAgent: 2, perTenant: 100);
        var sam = Session(host, "2001");

        using var triage = await host.Client.SendAsync(Bearer(HttpMethod.Post, "/api/tickets/101/triage", sam));
        Assert.Equal(HttpStatusCode.OK, triage.StatusCode);
        using var draft = await host.Client.SendAsync(Bearer(HttpMethod.Post, "/api/tickets/101/draft", sam, JsonContent.Create(new { })));
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var suggestions = await host.ScalarAsync("SELECT COUNT(*) FROM suggestions");

        using var triageAgain = await host.Client.SendAsync(Bearer(HttpMethod.Post, "/api/tickets/101/triage", sam));
        Assert.Equal(HttpStatusCode.TooManyRequests, triageAgain.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, await RewriteAsync(host, sam));
        Assert.Equal(suggestions, await host.ScalarAsync("SELECT COUNT(*) FROM suggestions"));
        using var assist = await host.Client.SendAsync(Bearer(HttpMethod.Get, "/api/tickets/101/assist", sam));
        Assert.Equal(HttpStatusCode.OK, assist.StatusCode);
    }

    [Fact]
    public async Task ATenantPastItsLimitGets429ForEveryAgentAndProxyCallButOtherTenantsGoOn()
    {
        await using var host = await StartAsync(perAgent: 100, perTenant: 3);

        Assert.Equal(HttpStatusCode.OK, await RewriteAsync(host, Session(host, "2001")));
        Assert.Equal(HttpStatusCode.OK, await RewriteAsync(host, Session(host, "2002")));
        Assert.Equal(HttpStatusCode.OK, await RewriteAsync(host, CopilotTestHost.MintToken()));

        Assert.Equal(HttpStatusCode.TooManyRequests, await RewriteAsync(host, Session(host, "2003")));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RewriteAsync(host, CopilotTestHost.MintToken()));
        var other = CopilotTestHost.MintToken(issuer: CopilotTestHost.OtherTenantId, secret: CopilotTestHost.OtherSharedSecret);
        Assert.Equal(HttpStatusCode.OK, await RewriteAsync(host, other));
    }

    [Fact]
    public async Task LimitsCanBeTurnedOff()
    {
        await using var host = await StartAsync(perAgent: 1, perTenant: 1, enabled: false);
        var sam = Session(host, "2001");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await RewriteAsync(host, sam));
        }
    }

    private static Task<OperationsHost> StartAsync(int perAgent, int perTenant, bool enabled = true) => OperationsHost.StartAsync(new()
    {
        ["Copilot:RateLimits:Enabled"] = enabled ? "true" : "false",
        ["Copilot:RateLimits:PerAgent"] = perAgent.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Copilot:RateLimits:PerTenant"] = perTenant.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Copilot:RateLimits:Window"] = "01:00:00",
    });

    /// <summary>A sidebar session as the signed load issues it: the only way the copilot knows an agent.</summary>
    private static string Session(OperationsHost hosts, string agent)
    {
        var tenant = hosts.Services.GetRequiredService<TenantRegistry>().Find(CopilotTestHost.TenantId)!;
        return hosts.Services.GetRequiredService<SessionTokens>().Issue(tenant, agent, "Agent " + agent, "agent", DateTimeOffset.UtcNow).Token;
    }

    private static HttpRequestMessage Bearer(HttpMethod method, string path, string token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static HttpRequestMessage Rewrite(string token) =>
        Bearer(HttpMethod.Post, "/api/rewrite", token, JsonContent.Create(new { action = "shorten", text = "Thanks so much for your patience while we look into this for you." }));

    private static async Task<HttpStatusCode> RewriteAsync(OperationsHost hosts, string token)
    {
        using var response = await hosts.Client.SendAsync(Rewrite(token));
        return response.StatusCode;
    }
}
