using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Copilot.Fakes.OpenAI;
using Copilot.Fakes.Shop;
using Copilot.Tests.Ask;
using Copilot.Tests.Infrastructure;
using Copilot.Tests.ModelFeatures;

namespace Copilot.Tests.Actions;

/// <summary>
/// A model that runs the team's configured lookups while it answers a question (<see cref="LookupModelFixture"/>).
/// A pre-approved read-only lookup is run by the approval gate there and then: the shop is read once, its answer reaches
/// the model fenced, numbered as a source and with personal data redacted by the question's map, and the answer cites
/// it as a lookup. A lookup left to the agent is only proposed; one that times out is said as it is, and nothing else
/// happens.
/// </summary>
public sealed partial class ModelLookupTests(LookupModelFixture fixture) : IClassFixture<LookupModelFixture>
{
    private const string Email = "olivia.bennett@example.com";
    private const string Phone = "+44 20 7946 0958";

    /// <summary>Runs the lookup first; once it has a result, answers with what came back (citing it when it is a source).</summary>
    private static Func<FakeChatRequest, FakeChatReply> RunsLookup(string name) => r =>
    {
        if (ModelReplies.SchemaName(r) is not null || r.Tools.Count == 0)
        {
            return ModelReplies.Cooperative(r);
        }
        if (r.ToolResults.Count == 0)
        {
            return FakeChatReply.CallTools(new FakeToolCall("call_lookup_1", "actions_run_lookup", new JsonObject { ["name"] = name }.ToJsonString()));
        }
        var result = r.ToolResults[0].Content;
        return SourceLabel().Match(result) is { Success: true } source
            ? new FakeChatReply($"It was delivered on 2026-11-19 to the parcel locker; the confirmation went to {Placeholder().Match(result).Value} [{source.Groups["n"].Value}].")
            : new FakeChatReply("I could not check the order: " + result.Split('\n').First(l => l.StartsWith("The lookup", StringComparison.Ordinal)));
    };

    private long OrderTicket(string order)
    {
        fixture.Shop.Orders[order] = $"Order {order} for Olivia Bennett ({Email}, {Phone}): delivered 2026-11-19 to the parcel locker.";
        return fixture.AddTicket("Where is my order?", $"Hi, my order {order} should have arrived by now. Can you check?");
    }

    [Fact]
    public async Task APreApprovedLookupIsReadOnceRedactedAndFencedForTheModelAndCitedInTheAnswerAsALookup()
    {
        var ticket = OrderTicket("LUM-2026-50117");
        fixture.Model.ClearRequests();
        fixture.Shop.ClearRequests();
        fixture.Model.Responder = RunsLookup("order-status");

        var (status, answer) = await AskClient.AskAsync(fixture.Client, ticket, "Has this customer's order been delivered?");

        Assert.Equal(HttpStatusCode.OK, status);
        var call = Assert.Single(fixture.Shop.Requests);
        Assert.Equal(("/api/orders/LUM-2026-50117", FakeShop.Key), (call.Path, call.Key));
        var calls = fixture.AskCalls();
        Assert.Contains("actions_run_lookup", calls[0].Tools);
        var result = Assert.Single(calls[^1].ToolResults).Content;
        Assert.Matches(@"^<source_data label=""\[\d+\] lookup: order-status \(the order's status in the web shop\)"">\n\{""order"":""LUM-2026-50117"",""status"":""Order LUM-2026-50117 for \[NAME_\d+\] \(\[EMAIL_1\], \[PHONE_1\]\): delivered", result);
        var sent = string.Concat(calls.SelectMany(c => c.Messages).Select(m => m.Content));
        Assert.DoesNotContain(Email, sent);
        Assert.DoesNotContain(Phone, sent);
        Assert.DoesNotContain("Olivia", sent); // the requester's name, in the shop's answer too

        Assert.Equal("answered", answer.GetProperty("status").GetString());
        var text = answer.GetProperty("text").GetString()!;
        Assert.Equal($"It was delivered on 2026-11-19 to the parcel locker; the confirmation went to {Email}.", text);
        var cited = Assert.Single(answer.GetProperty("citations").EnumerateArray());
        Assert.Equal("lookup", cited.GetProperty("kind").GetString());
        Assert.StartsWith("order-status:", cited.GetProperty("sourceId").GetString());
        Assert.Equal("order-status (the order's status in the web shop)", cited.GetProperty("title").GetString());
        Assert.False(cited.TryGetProperty("url", out _));
        Assert.Contains(Email, cited.GetProperty("text").GetString());
        Assert.True(cited.GetProperty("ranAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        var flags = answer.TryGetProperty("flagDetails", out var details) ? details.EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList() : [];
        Assert.DoesNotContain("citation-removed", flags);
        Assert.DoesNotContain("no-citation", flags);

        // Run by the admin's pre-approval, not proposed; and never knowledge.
        Assert.Equal(0, await fixture.Host.ScalarAsync($"SELECT COUNT(*) FROM actions WHERE ticket_id = {ticket}"));
        Assert.Equal(0, await fixture.Host.ScalarAsync("SELECT COUNT(*) FROM knowledge_sources WHERE kind = 'lookup'"));
        var sources = await fixture.Host.ScalarTextAsync($"SELECT sources FROM suggestions WHERE id = '{answer.GetProperty("suggestionId").GetString()}'");
        Assert.Contains("\"lookup\"", sources);
        Assert.DoesNotContain("delivered", sources);
        Assert.DoesNotContain(Email, sources);
    }

    [Fact]
    public async Task ALookupTheAdminDidNotPreApproveIsOnlyProposedToTheAgentAndTheShopIsNotCalled()
    {
        var ticket = OrderTicket("LUM-2026-50118");
        fixture.Model.ClearRequests();
        fixture.Shop.ClearRequests();
        fixture.Model.Responder = RunsLookup("order-history");

        var (status, answer) = await AskClient.AskAsync(fixture.Client, ticket, "Has this customer's order been delivered?");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(fixture.Shop.Requests);
        var result = Assert.Single(fixture.AskCalls()[^1].ToolResults).Content;
        Assert.StartsWith("Not done. Proposed to the agent, who decides: Look up order-history", result);
        Assert.Contains("awaits their approval in the Actions panel", result);
        Assert.DoesNotContain(answer.GetProperty("citations").EnumerateArray(), c => c.GetProperty("kind").GetString() == "lookup");

        using var listed = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, $"/api/tickets/{ticket}/actions"));
        var actions = JsonNode.Parse(await listed.Content.ReadAsStringAsync())!["actions"]!.AsArray();
        var proposed = Assert.Single(actions, a => a!["source"]!.GetValue<string>() == "ask");
        Assert.Equal(("lookup", "proposed"), (proposed!["kind"]!.GetValue<string>(), proposed["state"]!.GetValue<string>()));
        Assert.Contains("LUM-2026-50118", proposed["description"]!.GetValue<string>());
        Assert.Empty(fixture.Shop.Requests);
    }

    [Fact]
    public async Task APreApprovedLookupThatTimesOutIsSaidInTheAnswerAndNothingElseChanges()
    {
        var ticket = OrderTicket("LUM-2026-50119");
        fixture.Model.ClearRequests();
        fixture.Shop.ClearRequests();
        fixture.Zendesk.ClearRequests();
        fixture.Model.Responder = RunsLookup("slow-order");

        var (status, answer) = await AskClient.AskAsync(fixture.Client, ticket, "Has this customer's order been delivered?");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("/slow/LUM-2026-50119", Assert.Single(fixture.Shop.Requests).Path);
        var result = Assert.Single(fixture.AskCalls()[^1].ToolResults).Content;
        Assert.StartsWith("Not read: <ticket_data label=\"lookup slow-order\">\nThe lookup 'slow-order' did not answer within 1 s; nothing was changed.", result);
        Assert.DoesNotMatch(@"\[\d+\] lookup", result);
        Assert.Contains("The lookup 'slow-order' did not answer within 1 s", answer.GetProperty("text").GetString());
        Assert.DoesNotContain(answer.GetProperty("citations").EnumerateArray(), c => c.GetProperty("kind").GetString() == "lookup");
        Assert.Equal(0, await fixture.Host.ScalarAsync($"SELECT COUNT(*) FROM actions WHERE ticket_id = {ticket}"));
        Assert.DoesNotContain(fixture.Zendesk.Requests, q => q.Method != "GET");
    }

    [Fact]
    public async Task KnowledgeSearchDoesNotTakeLookupAsAKind()
    {
        using var response = await fixture.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Get, $"/api/admin/tenants/{CopilotTestHost.TenantId}/knowledge/search?q=order&kind=lookup"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("kind must be article, macro, past-reply or document.", problem.GetProperty("errors").GetProperty("kind")[0].GetString());
    }

    [GeneratedRegex(@"label=""\[(?<n>\d+)\] lookup: ")]
    private static partial Regex SourceLabel();

    [GeneratedRegex(@"\[EMAIL_\d+\]")]
    private static partial Regex Placeholder();
}
