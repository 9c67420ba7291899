using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Ask;

/// <summary>
/// The ask's edges on a host of its own: a tenant never reaches another tenant's ticket, asking spends the agent's
/// model window (429 past it), and answers are counted in analytics as their own kind.
/// </summary>
public sealed class AskLimitsTests
{
    private const string BetaTenant = "beta";
    private const string BetaSecret = "beta-shared-secret-0123456789-abcdefghij-0123456789";

    [Fact]
    public async Task ATicketOfAnotherTenantIs404AndItsHelpdeskIsTheOnlyOneAsked()
    {
        await using var lumora = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        await using var beta = await FakeZendesk.StartAsync(new FakeZendeskData());
        await using var host = await CopilotTestHost.StartAsync(lumora, configure: b => b.WithTenant(BetaTenant, beta.BaseUrl, BetaSecret, beta.Data.Email, beta.Data.ApiToken));
        var betaToken = CopilotTestHost.MintToken(issuer: BetaTenant, secret: BetaSecret);
        lumora.ClearRequests();

        var (status, problem) = await AskClient.AskAsync(host.Client, 101, "What is the refund policy?", token: betaToken);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Empty(lumora.Requests);
        Assert.Contains(beta.Requests, r => r.Path.Contains("/tickets/101", StringComparison.Ordinal));
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM suggestions"));
    }

    [Fact]
    public async Task AskingSpendsTheAgentsModelWindowAndPastItIs429()
    {
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        await using var host = await CopilotTestHost.StartAsync(zendesk, new Dictionary<string, string?>
        {
            ["Copilot:RateLimits:PerAgent"] = "2",
            ["Copilot:RateLimits:PerTenant"] = "100",
            ["Copilot:RateLimits:Window"] = "01:00:00",
        });
        var sam = CopilotTestHost.Session(host.Services, "2001");

        Assert.Equal(HttpStatusCode.OK, (await AskClient.AskAsync(host.Client, 101, "What is the refund policy?", token: sam)).Status);
        using var draft = await host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, "/api/tickets/101/draft", JsonContent.Create(new { }), token: sam));
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var suggestions = await host.ScalarAsync("SELECT COUNT(*) FROM suggestions");

        using var refused = await host.Client.SendAsync(AskClient.Request(101, new { question = "What is the refund policy?" }, sam));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Contains("questions", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(suggestions, await host.ScalarAsync("SELECT COUNT(*) FROM suggestions"));
        Assert.Equal(HttpStatusCode.OK, (await AskClient.AskAsync(host.Client, 101, "What is the refund policy?", token: CopilotTestHost.Session(host.Services, "2002"))).Status);
    }

    [Fact]
    public async Task AnalyticsCountAnswersAsTheirOwnKind()
    {
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        await using var host = await CopilotTestHost.StartAsync(zendesk);
        using (var sync = await host.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true")))
        {
            sync.EnsureSuccessStatusCode();
        }
        var sam = CopilotTestHost.Session(host.Services, "2001");
        var (_, used) = await AskClient.AskAsync(host.Client, 101, "How long do customers have to return hardware they bought in the web shop?", token: sam);
        await AskClient.AskAsync(host.Client, 101, "Can a customer use the bulbs without a Bridge?", token: sam);
        await AskClient.AskAsync(host.Client, 101, "What is the airspeed velocity of an unladen swallow?", token: sam);
        using (var feedback = await host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/suggestions/{used.GetProperty("suggestionId").GetString()}/feedback",
            JsonContent.Create(new { eventId = Guid.NewGuid().ToString(), outcome = "accepted" }), token: sam)))
        {
            feedback.EnsureSuccessStatusCode();
        }

        var today = DateTimeOffset.UtcNow;
        using var response = await host.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Get,
            $"/api/analytics/summary?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}&groupBy=kind&tenant={CopilotTestHost.TenantId}"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = body.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "answer");
        Assert.Equal((2, 1, 1), (answer.GetProperty("shown").GetInt64(), answer.GetProperty("used").GetInt64(), answer.GetProperty("ignored").GetInt64()));
        Assert.Equal(2.0, answer.GetProperty("timeSavedMinutes").GetDouble(), 6);
        Assert.DoesNotContain(body.GetProperty("rows").EnumerateArray(), r => r.GetProperty("key").GetString() == "draft");
    }
}
