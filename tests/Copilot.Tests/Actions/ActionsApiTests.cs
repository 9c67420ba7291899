using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Copilot.Api.Assist;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Actions;

/// <summary>
/// Suggested actions over the real host and the fake Zendesk: proposals name exactly what they change and record
/// nothing; an approved action changes the fake ticket once, a declined one changes nothing; each display and decision
/// is recorded once, as the ledger counts them.
/// </summary>
public sealed class ActionsApiTests(ActionsFixture fixture) : IClassFixture<ActionsFixture>
{
    [Fact]
    public async Task TheProceduresStepsBecomeActionsThatSayWhatTheyChangeAndNothingIsRecordedOrWritten()
    {
        var ticket = await fixture.DamagedOrderTicketAsync();
        fixture.Zendesk.ClearRequests();

        var actions = await fixture.ActionsAsync(ticket);

        var priority = ActionsFixture.Single(actions, "set-priority", "procedure");
        Assert.Equal("Set priority: normal → urgent", priority["description"]!.GetValue<string>());
        Assert.Equal(("priority", "normal", "urgent"), Change(priority));
        Assert.Equal("Set priority to urgent.", priority["step"]!.GetValue<string>());
        Assert.Equal(1, priority["procedureVersion"]!.GetValue<int>());
        Assert.StartsWith("damaged-", priority["procedureId"]!.GetValue<string>());
        Assert.Equal(("tags", null, "+damaged_item"), Change(ActionsFixture.Single(actions, "add-tags", "procedure")));
        Assert.Equal(("internal_note", null, "Photo requested; replacement pending"), Change(ActionsFixture.Single(actions, "add-note", "procedure")));
        Assert.Equal("Assign to Returns and warranty (group 360003)", ActionsFixture.Single(actions, "assign-group", "procedure")["description"]!.GetValue<string>());
        var lookups = actions.Where(a => a["kind"]!.GetValue<string>() == "lookup").Select(a => a["description"]!.GetValue<string>()).ToList();
        Assert.Contains("Look up order-status (the order's status in the web shop) for order LUM-2026-48213 on 127.0.0.1 (reads only; changes nothing)", lookups);
        var lookup = actions.First(a => a["kind"]!.GetValue<string>() == "lookup" && a["description"]!.GetValue<string>().StartsWith("Look up order-status", StringComparison.Ordinal));
        Assert.Equal("order-status (the order's status in the web shop)", lookup["name"]!.GetValue<string>());
        Assert.Equal("LUM-2026-48213", lookup["lookupParameters"]!["order"]!.GetValue<string>());
        Assert.All(actions, a => Assert.Equal("proposed", a["state"]!.GetValue<string>()));
        Assert.Empty(fixture.Writes());
        Assert.Equal(0, await fixture.Host.ScalarAsync($"SELECT COUNT(*) FROM suggestions WHERE ticket_id = {ticket} AND kind = 'action'"));

        var again = await fixture.ActionsAsync(ticket);
        Assert.Equal(actions.Select(a => a["id"]!.GetValue<string>()), again.Select(a => a["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnApprovedActionChangesTheFakeTicketOnceAndADeclinedOneChangesNothing()
    {
        var ticket = await fixture.DamagedOrderTicketAsync();
        var actions = await fixture.ActionsAsync(ticket);
        var priority = ActionsFixture.Single(actions, "set-priority", "procedure")["id"]!.GetValue<string>();
        var group = ActionsFixture.Single(actions, "assign-group", "procedure")["id"]!.GetValue<string>();
        var (shownStatus, shown) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/shown", new { actionIds = new[] { priority, group } });
        Assert.Equal(HttpStatusCode.OK, shownStatus);
        fixture.Zendesk.ClearRequests();

        var (approved, approval) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{priority}/approve");
        var (declined, decline) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{group}/decline", new { reason = "policy" });
        var (again, repeat) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{priority}/approve");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (approved, declined, again));
        var fake = fixture.Zendesk.Data.FindTicket(ticket)!;
        Assert.Equal("urgent", fake.Priority);
        Assert.Null(fake.GroupId);
        Assert.Single(fixture.Writes());
        Assert.Equal($"PUT /api/v2/tickets/{ticket}", fixture.Writes()[0].Method + " " + fixture.Writes()[0].Path);
        Assert.Equal("approved", approval!["action"]!["state"]!.GetValue<string>());
        Assert.Equal("applied", approval["action"]!["result"]!["status"]!.GetValue<string>());
        Assert.True(repeat!["duplicate"]!.GetValue<bool>());
        Assert.Equal("declined", decline!["action"]!["state"]!.GetValue<string>());
        var prioritySuggestion = shown!["suggestionIds"]![priority]!.GetValue<string>();
        var groupSuggestion = shown["suggestionIds"]![group]!.GetValue<string>();
        Assert.Equal("accepted", await fixture.Host.ScalarTextAsync($"SELECT outcome FROM feedback WHERE suggestion_id = '{prioritySuggestion}'"));
        Assert.Equal("rejected:policy", await fixture.Host.ScalarTextAsync($"SELECT outcome || ':' || reason FROM feedback WHERE suggestion_id = '{groupSuggestion}'"));
        Assert.Equal(2, await fixture.Host.ScalarAsync($"SELECT COUNT(*) FROM feedback WHERE suggestion_id IN ('{prioritySuggestion}', '{groupSuggestion}')"));

        var (conflict, problem) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{group}/approve");
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Assert.Equal("The action was decided otherwise", problem!["title"]!.GetValue<string>());
        Assert.Null(fixture.Zendesk.Data.FindTicket(ticket)!.GroupId);
    }

    [Fact]
    public async Task AnInternalNoteIsAddedAsAPrivateCommentAndTheTagIsAddedToTheTicketsTags()
    {
        var ticket = await fixture.DamagedOrderTicketAsync();
        var actions = await fixture.ActionsAsync(ticket);

        await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{ActionsFixture.Single(actions, "add-note", "procedure")["id"]}/approve");
        await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{ActionsFixture.Single(actions, "add-tags", "procedure")["id"]}/approve");

        var fake = fixture.Zendesk.Data.FindTicket(ticket)!;
        var note = fake.Comments[^1];
        Assert.False(note.Public);
        Assert.Contains("Photo requested; replacement pending", note.HtmlBody);
        Assert.Contains("damaged_item", fake.Tags);
    }

    [Fact]
    public async Task ApprovalsThatArriveWhileTheFirstIsApplyingAnswerWithItsOutcomeAndWriteNothing()
    {
        var ticket = await fixture.DamagedOrderTicketAsync();
        var note = ActionsFixture.Single(await fixture.ActionsAsync(ticket), "add-note", "procedure")["id"]!.GetValue<string>();
        fixture.Zendesk.ClearRequests();
        var path = $"/api/tickets/{ticket}/actions/{note}/approve";
        var hold = fixture.Zendesk.Faults.Hold(); // the note's write waits until released

        var first = fixture.SendAsync(HttpMethod.Post, path);
        while (await fixture.Host.ScalarTextAsync($"SELECT state FROM actions WHERE id = '{note}'") != "applying")
        {
            await Task.Delay(20);
        }
        var clicks = Enumerable.Range(0, 4).Select(_ => fixture.SendAsync(HttpMethod.Post, path)).ToList();
        await Task.Delay(300); // let them find it applying
        hold.Release();
        var (status, approval) = await first;
        var repeats = await Task.WhenAll(clicks);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(approval!["duplicate"]!.GetValue<bool>());
        Assert.All(repeats, r =>
        {
            Assert.Equal(HttpStatusCode.OK, r.Status);
            Assert.True(r.Body!["duplicate"]!.GetValue<bool>());
            Assert.Equal("approved", r.Body["action"]!["state"]!.GetValue<string>());
            Assert.Equal("applied", r.Body["action"]!["result"]!["status"]!.GetValue<string>());
        });
        Assert.Single(fixture.Writes());
    }

    [Fact]
    public async Task DisplayingTheSameActionsAgainRecordsEachOnceAsASuggestionOfKindAction()
    {
        var ticket = await fixture.DamagedOrderTicketAsync();
        var ids = (await fixture.ActionsAsync(ticket)).Select(a => a["id"]!.GetValue<string>()).ToArray();

        var (_, first) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/shown", new { actionIds = ids });
        var (_, second) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/shown", new { actionIds = ids });

        Assert.Equal(first!.ToJsonString(), second!.ToJsonString());
        Assert.Equal(ids.Length, await fixture.Host.ScalarAsync($"SELECT COUNT(*) FROM suggestions WHERE ticket_id = {ticket} AND kind = 'action'"));
        Assert.Equal(1, await fixture.Host.ScalarAsync(
            $"SELECT COUNT(*) FROM suggestions WHERE ticket_id = {ticket} AND kind = 'action' AND sources LIKE '%\"kind\":\"procedure\"%' AND text = 'Set priority: normal → urgent'"));
    }

    [Fact]
    public async Task AnActionShownToTwoAgentsIsRecordedOnceForEachAndItsDeclineIsFeedbackOnTheDecidingAgentsDisplay()
    {
        var ticket = await fixture.DamagedOrderTicketAsync();
        var id = (await fixture.ActionsAsync(ticket)).Select(a => a["id"]!.GetValue<string>()).First();
        // Sessions, as the signed load issues them: the only proof that names the agent.
        async Task<JsonNode> AsAsync(string agent, string path, object body)
        {
            using var response = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, path, JsonContent.Create(body),
                token: CopilotTestHost.Session(fixture.Host.Services, agent)));
            response.EnsureSuccessStatusCode();
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }
        var shown = $"/api/tickets/{ticket}/actions/shown";

        var toFirst = await AsAsync("2001", shown, new { actionIds = new[] { id } });
        var toSecond = await AsAsync("2002", shown, new { actionIds = new[] { id } });
        var toSecondAgain = await AsAsync("2002", shown, new { actionIds = new[] { id } });
        var decline = await AsAsync("2002", $"/api/tickets/{ticket}/actions/{id}/decline", new { reason = "policy" });

        var first = toFirst["suggestionIds"]![id]!.GetValue<string>();
        var second = toSecond["suggestionIds"]![id]!.GetValue<string>();
        Assert.NotEqual(first, second);
        Assert.Equal(second, toSecondAgain["suggestionIds"]![id]!.GetValue<string>());
        Assert.Equal("2001", await fixture.Host.ScalarTextAsync($"SELECT agent_id FROM suggestions WHERE id = '{first}'"));
        Assert.Equal("2002", await fixture.Host.ScalarTextAsync($"SELECT agent_id FROM suggestions WHERE id = '{second}'"));
        Assert.Equal(second, decline["action"]!["suggestionId"]!.GetValue<string>());
        Assert.Equal(0, await fixture.Host.ScalarAsync($"SELECT COUNT(*) FROM feedback WHERE suggestion_id = '{first}'"));
        Assert.Equal("rejected/policy/2002", await fixture.Host.ScalarTextAsync($"SELECT outcome || '/' || reason || '/' || agent_id FROM feedback WHERE suggestion_id = '{second}'"));
    }

    [Fact]
    public async Task TheRequestersOtherOpenTicketWithASimilarSubjectIsALikelyDuplicateWithAScoreAndMergingIsOnlyOffered()
    {
        var earlier = fixture.AddTicket("Lumora Bridge arrived cracked", "The box was crushed.");
        var ticket = fixture.AddTicket("Bridge arrived cracked, need replacement", "Same as before, the Bridge is cracked.");

        var duplicate = ActionsFixture.Single(await fixture.ActionsAsync(ticket), "mark-duplicate");

        Assert.Equal(earlier, duplicate["otherTicketId"]!.GetValue<long>());
        Assert.Equal("Lumora Bridge arrived cracked", duplicate["name"]!.GetValue<string>());
        Assert.InRange(duplicate["score"]!.GetValue<double>(), 0.5, 1);
        Assert.EndsWith($"/agent/tickets/{earlier}", duplicate["otherTicketUrl"]!.GetValue<string>());
        Assert.Equal("duplicate", duplicate["source"]!.GetValue<string>());
        Assert.Equal("open", fixture.Zendesk.Data.FindTicket(earlier)!.Status);
        Assert.DoesNotContain(fixture.Writes(), w => w.Path.Contains(ticket.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/tickets/{t}/actions/ac_000000000000000000000000/approve", HttpStatusCode.NotFound, "Action not found")]
    [InlineData("/api/tickets/{t}/actions/ac_000000000000000000000000/decline", HttpStatusCode.NotFound, "Action not found")]
    [InlineData("/api/tickets/{t}/actions/not-an-id/approve", HttpStatusCode.BadRequest, "Not an action id")]
    [InlineData("/api/tickets/abc/actions/ac_000000000000000000000000/approve", HttpStatusCode.BadRequest, "Not a ticket id")]
    [InlineData("/api/tickets/-4/actions/ac_000000000000000000000000/decline", HttpStatusCode.BadRequest, "Not a ticket id")]
    public async Task UnknownOrMalformedActionsAreProblemDetailsAndChangeNothing(string path, HttpStatusCode expected, string title)
    {
        var ticket = fixture.AddTicket("Bulb flickers", "The bulb flickers.");
        fixture.Zendesk.ClearRequests();

        using var request = CopilotTestHost.Sidebar(HttpMethod.Post, path.Replace("{t}", ticket.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"title\":\"{title}\"", await response.Content.ReadAsStringAsync());
        Assert.Empty(fixture.Writes());
    }

    [Fact]
    public async Task AnotherTenantCannotApproveOrSeeAnAction()
    {
        var ticket = await fixture.DamagedOrderTicketAsync();
        var priority = ActionsFixture.Single(await fixture.ActionsAsync(ticket), "set-priority", "procedure")["id"]!.GetValue<string>();
        fixture.Zendesk.ClearRequests();
        var token = CopilotTestHost.MintToken(issuer: CopilotTestHost.OtherTenantId, secret: CopilotTestHost.OtherSharedSecret);

        using var approve = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{priority}/approve", token: token));
        using var shown = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/tickets/{ticket}/actions/shown",
            System.Net.Http.Json.JsonContent.Create(new { actionIds = new[] { priority } }), token: CopilotTestHost.MintToken(issuer: CopilotTestHost.OtherTenantId, secret: CopilotTestHost.OtherSharedSecret)));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (approve.StatusCode, shown.StatusCode));
        Assert.Empty(fixture.Writes());
        Assert.Equal("normal", fixture.Zendesk.Data.FindTicket(ticket)!.Priority);
    }

    [Fact]
    public async Task AMalformedDisplayReportOrDeclineIsABadRequest()
    {
        var ticket = await fixture.DamagedOrderTicketAsync();
        var id = (await fixture.ActionsAsync(ticket))[0]["id"]!.GetValue<string>();

        var (empty, _) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/shown", new { actionIds = Array.Empty<string>() });
        var (bad, _) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/shown", new { actionIds = new[] { "drop table" } });
        var (reason, problem) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{id}/decline", new { reason = "because" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (empty, bad, reason));
        Assert.Equal("The decline is not valid", problem!["title"]!.GetValue<string>());
        Assert.Equal("proposed", (await fixture.ActionsAsync(ticket)).Single(a => a["id"]!.GetValue<string>() == id)["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task AProcedureStepDoesNotOfferToLowerThePriorityTriageReadsHighButItsOtherStepsCome()
    {
        var ticket = fixture.AddTicket("Chargeback if this is not refunded",
            "You charged me twice for Lumora Plus this month. I've had enough: if this isn't refunded by Friday I'm doing a chargeback with my bank.", priority: "high");
        await fixture.SendAsync(HttpMethod.Get, $"/api/tickets/{ticket}/assist");
        var intent = (await fixture.Host.Services.GetRequiredService<AssistCache>().GetLastAsync(CopilotTestHost.TenantId, ticket))!.Intent;
        var path = $"/api/admin/tenants/{CopilotTestHost.TenantId}/procedures/routine-{intent}";
        using (var put = await fixture.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Put, path,
            JsonContent.Create(new { intent, title = "Routine fee review", steps = "1. Set priority to low.\n2. Add tag fee_review." }))))
        {
            put.EnsureSuccessStatusCode();
        }
        try
        {
            await fixture.SendAsync(HttpMethod.Get, $"/api/tickets/{ticket}/assist?refresh=true");
            var (_, triage) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/triage");

            var actions = await fixture.ActionsAsync(ticket);

            Assert.Equal("high", triage!["priority"]!["value"]!.GetValue<string>());
            Assert.DoesNotContain(actions, a => a["kind"]!.GetValue<string>() == "set-priority");
            Assert.Equal(("tags", null, "+fee_review"), Change(ActionsFixture.Single(actions, "add-tags", "procedure")));

            // The routine case the step was written for keeps it.
            var routine = fixture.AddTicket("Invoice for Lumora Plus", "Could you send me an invoice for my Lumora Plus payment this month?");
            await fixture.SendAsync(HttpMethod.Get, $"/api/tickets/{routine}/assist");
            Assert.Equal(intent, (await fixture.Host.Services.GetRequiredService<AssistCache>().GetLastAsync(CopilotTestHost.TenantId, routine))!.Intent);
            Assert.Equal(("priority", "normal", "low"), Change(ActionsFixture.Single(await fixture.ActionsAsync(routine), "set-priority", "procedure")));
        }
        finally
        {
            using var retire = await fixture.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Delete, path));
        }
    }

    private static (string, string?, string) Change(System.Text.Json.Nodes.JsonNode action)
    {
        var change = Assert.Single(action["changes"]!.AsArray())!;
        return (change["field"]!.GetValue<string>(), change["from"]?.GetValue<string>(), change["to"]!.GetValue<string>());
    }
}
