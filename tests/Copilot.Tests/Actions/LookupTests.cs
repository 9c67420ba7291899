using System.Net;
using System.Text.Json.Nodes;
using Copilot.Fakes.Shop;

namespace Copilot.Tests.Actions;

/// <summary>
/// Configured lookups against a real shop endpoint on 127.0.0.1 (<see cref="FakeShop"/>): run only when the agent
/// approves, with the secret header sent to the shop and nowhere else, never followed off the allowed host, and a
/// time-out said as it is, with nothing changed.
/// </summary>
public sealed class LookupTests(ActionsFixture fixture) : IClassFixture<ActionsFixture>
{
    private async Task<(long Ticket, string Id)> LookupAsync(string name)
    {
        var ticket = await fixture.DamagedOrderTicketAsync();
        var lookup = (await fixture.ActionsAsync(ticket)).Single(a => a["kind"]!.GetValue<string>() == "lookup"
            && a["description"]!.GetValue<string>().StartsWith($"Look up {name} ", StringComparison.Ordinal));
        return (ticket, lookup["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnApprovedLookupReadsTheShopWithItsSecretShowsTheAnswerAndChangesNothingInTheHelpdesk()
    {
        fixture.Shop.ClearRequests();
        var (ticket, id) = await LookupAsync("order-status");
        Assert.Empty(fixture.Shop.Requests);
        fixture.Zendesk.ClearRequests();

        var (status, body) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{id}/approve");

        Assert.Equal(HttpStatusCode.OK, status);
        var result = body!["action"]!["result"]!;
        Assert.Equal("read", result["status"]!.GetValue<string>());
        Assert.Contains("shipped 2026-11-18 with DHL", result["lookupResult"]!.GetValue<string>());
        var call = Assert.Single(fixture.Shop.Requests, r => r.Path == "/api/orders/LUM-2026-48213");
        Assert.Equal(FakeShop.Key, call.Key);
        Assert.Empty(fixture.Writes());
        Assert.DoesNotContain(FakeShop.Key, body.ToJsonString());
        var (_, listed) = await fixture.SendAsync(HttpMethod.Get, $"/api/tickets/{ticket}/actions");
        Assert.DoesNotContain(FakeShop.Key, listed!.ToJsonString());
        var suggestion = body["action"]!["suggestionId"]!.GetValue<string>();
        Assert.Equal("accepted", await fixture.Host.ScalarTextAsync($"SELECT outcome FROM feedback WHERE suggestion_id = '{suggestion}'"));
    }

    [Fact]
    public async Task InsertingAnApprovedLookupsAnswerIsRecordedOnceAsFeedbackOnThatAction()
    {
        var (ticket, id) = await LookupAsync("order-status");
        var (refused, problem) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{id}/inserted");
        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.Equal("Only an approved lookup's answer can be inserted", problem!["title"]!.GetValue<string>());
        var (_, approved) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{id}/approve");
        var suggestion = approved!["action"]!["suggestionId"]!.GetValue<string>();

        var (status, body) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{id}/inserted");
        var (again, repeated) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{id}/inserted");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (status, again));
        Assert.False(body!["duplicate"]!.GetValue<bool>());
        Assert.True(repeated!["duplicate"]!.GetValue<bool>());
        Assert.Equal("approved", body["action"]!["state"]!.GetValue<string>());
        Assert.Equal(2, await fixture.Host.ScalarAsync($"SELECT COUNT(*) FROM feedback WHERE suggestion_id = '{suggestion}'"));
        Assert.Equal(1, await fixture.Host.ScalarAsync($"SELECT COUNT(*) FROM feedback WHERE suggestion_id = '{suggestion}' AND comment = 'inserted lookup result' AND outcome = 'accepted'"));
        // Still one suggestion with one counted outcome: accepted, now by the insert.
        Assert.Equal(1, await fixture.Host.ScalarAsync($"SELECT COUNT(*) FROM analytics_latest WHERE suggestion_id = '{suggestion}' AND accepted = 1"));
    }

    [Fact]
    public async Task ALookupThatTimesOutSaysSoChangesNothingAndStaysProposed()
    {
        var (ticket, id) = await LookupAsync("slow-order");

        var (status, body) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{id}/approve");

        Assert.Equal(HttpStatusCode.OK, status);
        var action = body!["action"]!;
        Assert.Equal("failed", action["result"]!["status"]!.GetValue<string>());
        Assert.Equal("The lookup 'slow-order' did not answer within 1 s; nothing was changed.", action["result"]!["message"]!.GetValue<string>());
        Assert.Equal("proposed", action["state"]!.GetValue<string>());
        Assert.Equal(0, await fixture.Host.ScalarAsync($"SELECT COUNT(*) FROM feedback f JOIN suggestions s ON s.id = f.suggestion_id WHERE s.ticket_id = {ticket}"));
    }

    [Fact]
    public async Task ARedirectIsNeverFollowedOffTheAllowedHost()
    {
        var (ticket, id) = await LookupAsync("moved-order");
        fixture.Shop.ClearRequests();

        var (_, body) = await fixture.SendAsync(HttpMethod.Post, $"/api/tickets/{ticket}/actions/{id}/approve");

        Assert.Equal("failed", body!["action"]!["result"]!["status"]!.GetValue<string>());
        Assert.Contains("redirect", body["action"]!["result"]!["message"]!.GetValue<string>());
        var only = Assert.Single(fixture.Shop.Requests);
        Assert.Equal("/moved/LUM-2026-48213", only.Path);
    }
}
