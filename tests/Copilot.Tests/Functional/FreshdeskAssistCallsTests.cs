using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Copilot.Api.Sidebar;
using Copilot.Api.Tenants;
using Copilot.Fakes.Freshdesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Functional;

/// <summary>
/// The figure "cold assist on Freshdesk: at most 2 helpdesk calls per ticket, warm: 0", over HTTP against the real host
/// with a Freshdesk tenant on the fake Freshdesk: the ticket with its requester, then its conversations, 100 a page.
/// </summary>
public sealed class FreshdeskAssistCallsTests : IAsyncLifetime
{
    private const string TenantId = "spokes";
    private const long Agent = 1, Rider = 7;
    private FakeFreshdesk _freshdesk = null!;
    private TestApp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var data = new FakeFreshdeskData();
        data.Agents.Add(new FakeFdAgent { Id = Agent, Name = "Sofia Jansen", Email = "sofia@spokewise.example" });
        data.Contacts.Add(new FakeFdContact { Id = Rider, Name = "Emma Visser", Email = "emma@riders.example" });
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        foreach (var (id, conversations) in new[] { (1L, 0), (2L, 100), (3L, 101) })
        {
            data.AddTicket(new FakeFdTicket
            {
                Id = id, Subject = "The bike won't unlock", RequesterId = Rider, CreatedAt = start, UpdatedAt = start,
                Description = "<p>The bike at Westerpark won't unlock when I scan the code. Can you help?</p>",
            });
            for (var i = 0; i < conversations; i++)
            {
                var rider = i % 2 == 1;
                data.AddConversation(id, rider ? Rider : Agent, rider ? $"<p>Still locked, try {i}.</p>" : $"<p>Please hold the lock button, step {i}.</p>",
                    incoming: rider, at: start.AddMinutes(i + 1));
            }
        }
        _freshdesk = await FakeFreshdesk.StartAsync(data);
        var prefix = $"Copilot:Tenants:{TenantId}:";
        _app = await new TestHostBuilder()
            .With("Copilot:Demo:Enabled", "false")
            .With(prefix + "Helpdesk", "freshdesk")
            .With(prefix + "BaseUrl", _freshdesk.BaseUrl.ToString())
            .With(prefix + "ApiKey", data.ApiKey)
            .With(prefix + "SharedSecret", "spokes-shared-secret-0123456789-abcdefghij")
            .With(prefix + "SyncIntervalMinutes", "0")
            .StartAsync();
        var tenant = _app.Services.GetRequiredService<TenantRegistry>().Find(TenantId)!;
        var (session, _) = _app.Services.GetRequiredService<SessionTokens>().Issue(tenant, Agent.ToString(System.Globalization.CultureInfo.InvariantCulture), "Sofia Jansen", AgentRoles.Agent, DateTimeOffset.UtcNow);
        _http = _app.CreateClient();
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 100)]
    public async Task AColdAssistReadsTheTicketWithItsRequesterAndItsConversationsInTwoCallsAndAWarmOneInNone(long ticket, int conversations)
    {
        _freshdesk.ClearRequests();
        var cold = await AssistAsync($"/api/tickets/{ticket}/assist");

        Assert.False(cold.GetProperty("cached").GetBoolean());
        var expectedLatest = conversations == 0 ? 0 : _freshdesk.Data.FindTicket(ticket)!.Conversations[^1].Id;
        Assert.Equal(expectedLatest, cold.GetProperty("latestCommentId").GetInt64());
        Assert.Collection(_freshdesk.Requests,
            r => Assert.Equal(($"/api/v2/tickets/{ticket}", "?include=requester"), (r.Path, r.Query)),
            r => Assert.Equal(($"/api/v2/tickets/{ticket}/conversations", "?per_page=100"), (r.Path, r.Query)));

        _freshdesk.ClearRequests();
        var warm = await AssistAsync($"/api/tickets/{ticket}/assist?latestCommentId={expectedLatest}");

        Assert.True(warm.GetProperty("cached").GetBoolean());
        Assert.Equal(cold.GetProperty("assistId").GetString(), warm.GetProperty("assistId").GetString());
        Assert.Empty(_freshdesk.Requests);
    }

    /// <summary>Past the figure's bound: each further 100 conversations cost one more call, the page the <c>Link</c> header names.</summary>
    [Fact]
    public async Task AThreadOfMoreThanAHundredConversationsCostsOneMoreCallPerHundred()
    {
        _freshdesk.ClearRequests();
        var cold = await AssistAsync("/api/tickets/3/assist");

        Assert.Equal(_freshdesk.Data.FindTicket(3)!.Conversations[^1].Id, cold.GetProperty("latestCommentId").GetInt64());
        Assert.Equal(3, _freshdesk.Requests.Count);
        Assert.Equal(2, _freshdesk.Requests.Count(r => r.Path == "/api/v2/tickets/3/conversations"));
    }

    private async Task<JsonElement> AssistAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _freshdesk.DisposeAsync();
    }
}
