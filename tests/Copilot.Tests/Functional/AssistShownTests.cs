using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Api.Sidebar;
using Copilot.Api.Tenants;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Functional;

/// <summary>
/// The honest ledger: an assist item counts as shown only when the sidebar reports that it displayed it,
/// once per computed assist, agent and item — never because an assist was computed, cached, refreshed or reopened.
/// </summary>
public class AssistShownTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    private async Task<JsonElement> OpenAsync(long ticket, string query = "")
    {
        using var response = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, $"/api/tickets/{ticket}/assist{query}"));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private Task<long> RowsAsync(long ticket, string where = "1 = 1") =>
        fixture.Host.ScalarAsync($"SELECT COUNT(*) FROM suggestions WHERE tenant = 'acme' AND ticket_id = {ticket} AND {where}");

    [Fact]
    public async Task OpeningAnAssistRecordsNothingAndReportingTheDisplayRecordsEachItemOnce()
    {
        var assist = await OpenAsync(127, "?refresh=true");
        await OpenAsync(127);
        Assert.Equal(0, await RowsAsync(127, $"assist_id = '{assist.GetProperty("assistId").GetString()}'"));

        var kinds = new[] { "summary", "articles", "macros" };
        var (status, ids) = await AssistDisplay.ReportAsync(fixture.Client, 127, assist.GetProperty("assistId").GetString()!, kinds);
        Assert.Equal(HttpStatusCode.OK, status);
        var summaryId = ids.GetProperty("summary").GetString()!;
        Assert.StartsWith("sg_", summaryId);
        Assert.False(ids.TryGetProperty("similarTickets", out var similar) && similar.ValueKind != JsonValueKind.Null); // not reported as displayed
        var recorded = await RowsAsync(127, $"assist_id = '{assist.GetProperty("assistId").GetString()}'");
        var expected = 1 + (assist.GetProperty("articles").GetArrayLength() > 0 ? 1 : 0) + (assist.GetProperty("macros").GetArrayLength() > 0 ? 1 : 0);
        Assert.Equal(expected, recorded);

        // The sidebar reopened on the same assist: the same ids, no new rows.
        var (again, sameIds) = await AssistDisplay.ReportAsync(fixture.Client, 127, assist.GetProperty("assistId").GetString()!, kinds);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(summaryId, sameIds.GetProperty("summary").GetString());
        Assert.Equal(recorded, await RowsAsync(127, $"assist_id = '{assist.GetProperty("assistId").GetString()}'"));

        using var feedback = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/suggestions/{summaryId}/feedback",
            JsonContent.Create(new { eventId = Guid.NewGuid().ToString("N"), outcome = "accepted", comment = "rated helpful" })));
        Assert.Equal(HttpStatusCode.Created, feedback.StatusCode);
    }

    [Fact]
    public async Task SimilarTicketsAreAnItemOfTheirOwn()
    {
        // The first open ticket of the demo helpdesk with similar solved tickets.
        JsonElement assist = default;
        foreach (var ticket in fixture.Zendesk.Data.Tickets.Where(t => t.Status is "open" or "pending" or "new").Select(t => t.Id))
        {
            assist = await OpenAsync(ticket);
            if (assist.GetProperty("similarTickets").GetArrayLength() > 0)
            {
                break;
            }
        }
        Assert.True(assist.GetProperty("similarTickets").GetArrayLength() > 0, "no open demo ticket has similar solved tickets");

        var ids = await AssistDisplay.ShowAsync(fixture.Client, assist);

        var id = ids.GetProperty("similarTickets").GetString()!;
        Assert.Equal("similar-tickets", await fixture.Host.ScalarTextAsync($"SELECT kind FROM suggestions WHERE id = '{id}'"));
    }

    [Fact]
    public async Task AHandoffsWayForwardIsShownWithTheWarningAndRecordedAsAnItemWhenDisplayed()
    {
        var assist = await OpenAsync(130, "?refresh=true");
        var warning = assist.GetProperty("warnings").EnumerateArray().First(w => w.GetProperty("ruleId").GetString() == "billing-dispute");
        var way = warning.GetProperty("wayForward");
        Assert.Equal("billing_dispute", Assert.Single(way.GetProperty("tags").EnumerateArray()).GetString());
        Assert.True(way.GetProperty("internalNote").GetBoolean());

        var (status, ids) = await AssistDisplay.ReportAsync(fixture.Client, 130, assist.GetProperty("assistId").GetString()!, ["summary", "handoff"]);

        Assert.Equal(HttpStatusCode.OK, status);
        var id = ids.GetProperty("handoff").GetString()!;
        Assert.Contains("Billing dispute: tags billing_dispute; internal note", await fixture.Host.ScalarTextAsync($"SELECT text FROM suggestions WHERE id = '{id}' AND kind = 'handoff'"));
    }

    [Theory]
    [InlineData("""{"kinds":[]}""")]
    [InlineData("""{"kinds":["summary","draft"]}""")]
    [InlineData("""{"kinds":null}""")]
    [InlineData("""{}""")]
    public async Task AReportOfItemsAnAssistDoesNotHaveIsAProblemAndRecordsNothing(string body) =>
        await RefusedReportAsync(body);

    [Theory]
    [InlineData("""{"kinds":["summary","bogus"]}""", "$.kinds[1]")]
    [InlineData("""{"kinds":[3]}""", "$.kinds[0]")]
    [InlineData("""{"kinds":[99]}""", "$.kinds[0]")]
    public async Task AKindOutsideTheVocabularyIsAProblemNamingTheKindsAndRecordsNothing(string body, string field)
    {
        var problem = await RefusedReportAsync(body);

        const string words = "not a SuggestionKind; one of: summary, draft, articles, macros, similar-tickets, handoff, rewrite, triage, answer, procedure, action.";
        Assert.Equal($"{field}: {words}", problem.GetProperty("detail").GetString());
        Assert.Equal(words, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    /// <summary>Reports a display of ticket 118's assist with <paramref name="body"/>: a 400 problem, nothing recorded.</summary>
    private async Task<JsonElement> RefusedReportAsync(string body)
    {
        var assist = await OpenAsync(118);
        var before = await RowsAsync(118);

        using var response = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post,
            $"/api/tickets/118/assist/{assist.GetProperty("assistId").GetString()}/shown", new StringContent(body, System.Text.Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await RowsAsync(118));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task AKindOfTheVocabularyThatIsNoItemOfAnAssistIsNamedInTheProblem()
    {
        var assist = await OpenAsync(118);

        var (status, body) = await AssistDisplay.ReportAsync(fixture.Client, 118, assist.GetProperty("assistId").GetString()!, ["summary", "triage"]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("\"triage\" is not an item of an assist; kinds are summary, articles, macros, similar-tickets, handoff, procedure.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task DisplaysOfOneAssistReportedAtOnceLogItsRetrievalOnce()
    {
        // A new comment: an assist of its own, never displayed before.
        var comment = fixture.Zendesk.Data.AddComment(121, fixture.Zendesk.Data.FindTicket(121)!.RequesterId, "<p>Any news on this? The lights are still flickering.</p>");
        var assist = await OpenAsync(121, $"?latestCommentId={comment.Id}");
        var assistId = assist.GetProperty("assistId").GetString()!;
        var logged = () => fixture.Host.ScalarAsync("SELECT COUNT(*) FROM retrieval_events WHERE tenant = 'acme' AND ticket_id = 121");
        var before = await logged();

        // Eight agents see the same assist at the same moment: each display is recorded, the retrieval once.
        var sessions = fixture.Host.Services.GetRequiredService<SessionTokens>();
        var tenant = fixture.Host.Services.GetRequiredService<TenantRegistry>().Find(CopilotTestHost.TenantId)!;
        var reports = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
        {
            var agent = (2010 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var token = sessions.Issue(tenant, agent, "Agent " + agent, AgentRoles.Agent, DateTimeOffset.UtcNow).Token;
            return AssistDisplay.ReportAsync(fixture.Client, 121, assistId, ["summary"], token: token);
        }));

        Assert.All(reports, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(8, reports.Select(r => r.Body.GetProperty("summary").GetString()).Distinct().Count());
        Assert.Equal(before + 1, await logged());
    }

    [Fact]
    public async Task AReportForAnAssistWorkedOutAgainSinceIsAConflict()
    {
        var old = await OpenAsync(153);
        var comment = fixture.Zendesk.Data.AddComment(153, 1050, "<p>One more thing: the app says the Bridge is offline.</p>");
        await OpenAsync(153, $"?latestCommentId={comment.Id}");
        var before = await RowsAsync(153);

        var (status, body) = await AssistDisplay.ReportAsync(fixture.Client, 153, old.GetProperty("assistId").GetString()!, ["summary"]);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("The assist has changed", body.GetProperty("title").GetString());
        Assert.Equal(before, await RowsAsync(153));
    }

    [Fact]
    public async Task AnotherTenantCannotReportADisplayOfThisTenantsAssist()
    {
        var assist = await OpenAsync(101);
        var token = CopilotTestHost.MintToken("3001", issuer: CopilotTestHost.OtherTenantId, secret: CopilotTestHost.OtherSharedSecret);

        var (status, _) = await AssistDisplay.ReportAsync(fixture.Client, 101, assist.GetProperty("assistId").GetString()!, ["summary"], token: token);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(0, await RowsAsync(101, $"assist_id = '{assist.GetProperty("assistId").GetString()}'"));
    }
}
