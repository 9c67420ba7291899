using System.Net;
using System.Text.Json;

namespace Copilot.Tests.BothHelpdesks;

/// <summary>
/// The functional suite, one body per behaviour, run for Zendesk and for Freshdesk against the two fakes through
/// one host: everything a Zendesk team gets, a Freshdesk team gets, in the project's own terms.
/// </summary>
public sealed class BothHelpdesksTests(BothHelpdesksFixture fixture) : IClassFixture<BothHelpdesksFixture>
{
    public static TheoryData<string> Helpdesks => BothHelpdesksFixture.Helpdesks;

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task AnAssistSummarisesTheTicketAndSurfacesItsOwnHelpdesksArticles(string helpdesk)
    {
        var c = fixture[helpdesk];

        var (status, assist) = await fixture.SendAsync(c, HttpMethod.Get, $"/api/tickets/{c.BillingDispute}/assist");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(c.BillingDispute, assist.GetProperty("ticketId").GetInt64());
        var wants = assist.GetProperty("summary").GetProperty("customerWants").GetString()!;
        Assert.Contains(c.BillingWords, w => wants.Contains(w, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("en", assist.GetProperty("language").GetProperty("code").GetString());
        var articles = assist.GetProperty("articles").EnumerateArray().ToList();
        Assert.NotEmpty(articles);
        Assert.All(articles, a => Assert.StartsWith(c.ArticlePrefix, a.GetProperty("url").GetString()));
        Assert.NotEmpty(assist.GetProperty("macros").EnumerateArray());
        Assert.True(assist.GetProperty("provider").GetProperty("offline").GetBoolean());
    }

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task TheSameTicketNumberReadsOnlyTheTenantsOwnHelpdesk(string helpdesk)
    {
        var c = fixture[helpdesk];
        var other = fixture.Cases.Values.Single(o => o != c);

        var (_, mine) = await fixture.SendAsync(c, HttpMethod.Get, $"/api/tickets/{c.BillingDispute}/assist");
        var (_, theirs) = await fixture.SendAsync(other, HttpMethod.Get, $"/api/tickets/{c.BillingDispute}/assist");

        Assert.DoesNotContain(theirs.GetProperty("articles").EnumerateArray(), a => a.GetProperty("url").GetString()!.StartsWith(c.ArticlePrefix, StringComparison.Ordinal));
        Assert.All(theirs.GetProperty("articles").EnumerateArray(), a => Assert.StartsWith(other.ArticlePrefix, a.GetProperty("url").GetString()));
        Assert.NotEqual(mine.GetProperty("summary").GetProperty("customerWants").GetString(), theirs.GetProperty("summary").GetProperty("customerWants").GetString());
    }

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task ADraftForAGermanCustomerIsInGermanAndSignedByTheAgent(string helpdesk)
    {
        var c = fixture[helpdesk];

        var (status, draft) = await fixture.SendAsync(c, HttpMethod.Post, $"/api/tickets/{c.German}/draft", new { agentName = c.Agent.Name });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("de", draft.GetProperty("language").GetString());
        var text = draft.GetProperty("text").GetString()!;
        Assert.EndsWith(c.Agent.Name, text);
        Assert.StartsWith("Hallo ", text);
        Assert.False(string.IsNullOrEmpty(draft.GetProperty("suggestionId").GetString()));
    }

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task ADraftIsSignedWithTheNameTheHelpdeskGivesTheAgentNotTheOneThePageSent(string helpdesk)
    {
        var c = fixture[helpdesk];

        var (status, draft) = await fixture.SendAsync(c, HttpMethod.Post, $"/api/tickets/{c.German}/draft", new { agentName = "Someone Else" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.EndsWith(c.Agent.Name, draft.GetProperty("text").GetString());
    }

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task AQuestionIsAnsweredFromThatAccountsOwnKnowledgeAndRecordedOnceForItsTenant(string helpdesk)
    {
        var c = fixture[helpdesk];
        var question = helpdesk == "zendesk" ? "How long do customers have to return hardware they bought in the web shop?" : "What happens when the station is full?";
        var before = await fixture.ScalarAsync($"SELECT COUNT(*) FROM suggestions WHERE kind = 'answer' AND tenant = '{c.TenantId}'");

        var (status, answer) = await fixture.SendAsync(c, HttpMethod.Post, $"/api/tickets/{c.Drafted}/ask", new { question });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("answered", answer.GetProperty("status").GetString());
        var urls = answer.GetProperty("citations").EnumerateArray().Select(x => x.GetProperty("url").GetString()).ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.StartsWith(c.ArticlePrefix, u));
        Assert.Equal(before + 1, await fixture.ScalarAsync($"SELECT COUNT(*) FROM suggestions WHERE kind = 'answer' AND tenant = '{c.TenantId}'"));
    }

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task ARewriteKeepsEveryFactOfTheAgentsText(string helpdesk)
    {
        var c = fixture[helpdesk];
        const string text = "hi,\n\nwe refunded 12,50 EUR on 2026-11-20!! it shows in 5 days. sorry for that.\n\nthanks";

        var (status, body) = await fixture.SendAsync(c, HttpMethod.Post, "/api/rewrite", new { action = "more-formal", text });

        Assert.Equal(HttpStatusCode.OK, status);
        var rewritten = body.GetProperty("text").GetString()!;
        Assert.NotEqual(text, rewritten);
        Assert.All(["12,50 EUR", "2026-11-20", "5 days"], fact => Assert.Contains(fact, rewritten));
    }

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task TriageReadsAnAngryCustomer(string helpdesk)
    {
        var c = fixture[helpdesk];

        var (status, triage) = await fixture.SendAsync(c, HttpMethod.Post, $"/api/tickets/{c.Angry}/triage");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(triage.GetProperty("sentiment").GetProperty("value").GetString(), new[] { "negative", "angry" });
        Assert.Contains(triage.GetProperty("priority").GetProperty("value").GetString(), new[] { "high", "urgent" });
        Assert.Equal("en", triage.GetProperty("language").GetProperty("value").GetString());
        Assert.False(string.IsNullOrEmpty(triage.GetProperty("suggestionId").GetString()));
    }

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task AnAccountLockOutStaysWithAPerson(string helpdesk)
    {
        var c = fixture[helpdesk];

        var (status, draft) = await fixture.SendAsync(c, HttpMethod.Post, $"/api/tickets/{c.LockedOut}/draft", new { agentName = c.Agent.Name });
        var (_, assist) = await fixture.SendAsync(c, HttpMethod.Get, $"/api/tickets/{c.LockedOut}/assist");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("withheld", draft.GetProperty("status").GetString());
        Assert.Contains(draft.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("ruleId").GetString() == "account-access");
        Assert.True(assist.GetProperty("handoff").GetBoolean());
    }

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task AnEditedDraftCountsInItsTenantsAnalyticsAndNoOtherTenants(string helpdesk)
    {
        var c = fixture[helpdesk];
        var other = fixture.Cases.Values.Single(o => o != c);
        var before = await EditedDraftsAsync(c);
        var otherBefore = await EditedDraftsAsync(other);

        var (_, draft) = await fixture.SendAsync(c, HttpMethod.Post, $"/api/tickets/{c.Drafted}/draft", new { agentName = c.Agent.Name });
        var suggestion = draft.GetProperty("suggestionId").GetString()!;
        var (status, feedback) = await fixture.SendAsync(c, HttpMethod.Post, $"/api/suggestions/{suggestion}/feedback", new
        {
            eventId = Guid.NewGuid().ToString("N"), outcome = "edited", finalText = draft.GetProperty("text").GetString() + "\n\nP.S. We are here on weekends too.",
        });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("edited", feedback.GetProperty("outcome").GetString());
        Assert.Equal(c.Agent.Id, await AgentOfAsync(suggestion));
        Assert.Equal(before + 1, await EditedDraftsAsync(c));
        Assert.Equal(otherBefore, await EditedDraftsAsync(other));
    }

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task AnAgentReadsNoAnalyticsButTheTeamLeadDoes(string helpdesk)
    {
        var c = fixture[helpdesk];
        const string path = "/api/analytics/summary?from=2026-01-01&to=2027-01-01";

        var (agentStatus, problem) = await fixture.SendAsync(c, HttpMethod.Get, path);
        var (leadStatus, summary) = await fixture.SendAsync(c, HttpMethod.Get, path, asLead: true);

        Assert.Equal(HttpStatusCode.Forbidden, agentStatus);
        Assert.Equal(HttpStatusCode.OK, leadStatus);
        Assert.Equal(c.TenantId, summary.GetProperty("tenant").GetString());
    }

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task ASolvedTicketIsRecordedOnceHoweverOftenTheHelpdeskSendsIt(string helpdesk)
    {
        var c = fixture[helpdesk];
        var time = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var delivery = c.SolvedDelivery(c.SolvedTicket, time);
            using var response = await fixture.Client.SendAsync(delivery);
            answers.Add(response.StatusCode);
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        Assert.Equal(1, await fixture.ScalarAsync($"SELECT count(*) FROM webhook_events WHERE tenant = '{c.TenantId}' AND ticket_id = {c.SolvedTicket}"));
        Assert.Equal(1, await fixture.ScalarAsync($"SELECT count(*) FROM ticket_outcomes WHERE tenant = '{c.TenantId}' AND ticket_id = {c.SolvedTicket} AND solved_at IS NOT NULL"));
    }

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task ACommentWebhookRefreshesTheCachedAssist(string helpdesk)
    {
        var c = fixture[helpdesk];
        var (_, first) = await fixture.SendAsync(c, HttpMethod.Get, $"/api/tickets/{c.CommentedTicket}/assist");
        var (_, cached) = await fixture.SendAsync(c, HttpMethod.Get, $"/api/tickets/{c.CommentedTicket}/assist");
        Assert.True(cached.GetProperty("cached").GetBoolean());
        Assert.Equal(first.GetProperty("generatedAt").GetDateTimeOffset(), cached.GetProperty("generatedAt").GetDateTimeOffset());

        using var delivery = c.CommentDelivery(c.CommentedTicket);
        using var response = await fixture.Client.SendAsync(delivery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        JsonElement next;
        do
        {
            await Task.Delay(50);
            (_, next) = await fixture.SendAsync(c, HttpMethod.Get, $"/api/tickets/{c.CommentedTicket}/assist");
        }
        while (next.GetProperty("generatedAt").GetDateTimeOffset() == first.GetProperty("generatedAt").GetDateTimeOffset() && DateTime.UtcNow < deadline);
        Assert.True(next.GetProperty("generatedAt").GetDateTimeOffset() > first.GetProperty("generatedAt").GetDateTimeOffset(), "the assist was not refreshed after the comment webhook");
    }

    [Theory]
    [MemberData(nameof(BothHelpdesksFixture.Helpdesks), MemberType = typeof(BothHelpdesksFixture))]
    public async Task AnApprovedActionChangesThatHelpdesksTicketAndADeclinedOneChangesNothing(string helpdesk)
    {
        var c = fixture[helpdesk];
        var (ticket, subject) = helpdesk == "zendesk" ? (150L, "Alexa without the Bridge?") : (122L, "Student pass verification failed");
        var procedure = $"check-{helpdesk}";
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/tenants/{c.TenantId}/procedures/{procedure}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { intent = "zz-actions", title = subject, steps = "1. Set priority to urgent.\n2. Add tag copilot_checked." }),
        })
        {
            put.Headers.Add("X-Admin-Key", BothHelpdesksFixture.AdminKey);
            using var saved = await fixture.Client.SendAsync(put);
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }
        string State() => c.TicketState(ticket) is var (tags, priority) ? $"{priority} [{string.Join(",", tags)}]" : "";
        var before = State();

        var (listed, actions) = await fixture.SendAsync(c, HttpMethod.Get, $"/api/tickets/{ticket}/actions");
        Assert.Equal(HttpStatusCode.OK, listed);
        string Id(string kind) => actions.GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("kind").GetString() == kind && a.GetProperty("source").GetString() == "procedure").GetProperty("id").GetString()!;
        var (priority, tag) = (Id("set-priority"), Id("add-tags"));
        Assert.Equal(before, State());

        var (declined, _) = await fixture.SendAsync(c, HttpMethod.Post, $"/api/tickets/{ticket}/actions/{tag}/decline", new { reason = "policy" });
        Assert.Equal(HttpStatusCode.OK, declined);
        Assert.Equal(before, State());
        var (approved, approval) = await fixture.SendAsync(c, HttpMethod.Post, $"/api/tickets/{ticket}/actions/{priority}/approve");

        Assert.Equal(HttpStatusCode.OK, approved);
        Assert.Equal("applied", approval.GetProperty("action").GetProperty("result").GetProperty("status").GetString());
        var tagsBefore = c.TicketState(ticket).Tags;
        Assert.Equal(before.Replace(before.Split(' ')[0], "urgent", StringComparison.Ordinal), State());
        Assert.DoesNotContain("copilot_checked", tagsBefore);
    }

    private async Task<long> EditedDraftsAsync(HelpdeskCase c)
    {
        var (status, summary) = await fixture.SendAsync(c, HttpMethod.Get, "/api/analytics/summary?from=2026-01-01&to=2027-01-01&groupBy=kind", asLead: true);
        Assert.Equal(HttpStatusCode.OK, status);
        return summary.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("key").GetString() == "draft")
            .Sum(r => r.GetProperty("edited").GetInt64());
    }

    private async Task<string?> AgentOfAsync(string suggestion)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={fixture.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT agent_id FROM suggestions WHERE id = $id";
        command.Parameters.AddWithValue("$id", suggestion);
        return await command.ExecuteScalarAsync() as string;
    }
}
