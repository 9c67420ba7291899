using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Functional;

/// <summary>
/// The demo's ticket 126: the customer confirmed the fix ("the bridge connected first go. Thanks!") and the agent answered
/// "Great, thanks for confirming, Kofi! … I'll close this ticket now." Nothing is left to say: the draft only offers more help,
/// never asks whether our last message helped, and the summary says no reply is needed, whether or not the agent has set the
/// ticket to solved yet.
/// </summary>
public sealed class ClosedConversationTests
{
    private const long Ticket = 126;

    [Theory]
    [InlineData("solved", "Nothing to do unless the customer writes again.")]
    [InlineData("open", "No reply needed; solve the ticket.")]
    public async Task OurAnswerToTheCustomersConfirmationClosesTheConversation(string status, string nextStep)
    {
        var data = FakeZendeskData.LoadDemo();
        data.UpdateTicketStatus(Ticket, status);
        await using var zendesk = await FakeZendesk.StartAsync(data);
        await using var host = await CopilotTestHost.StartAsync(zendesk);
        await host.SyncAsync();

        using var assistResponse = await host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, $"/api/tickets/{Ticket}/assist"));
        assistResponse.EnsureSuccessStatusCode();
        var summary = JsonDocument.Parse(await assistResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("summary");
        Assert.Equal(nextStep, summary.GetProperty("nextStep").GetString());

        using var draftResponse = await host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/tickets/{Ticket}/draft", JsonContent.Create(new { agentName = "Julien" })));
        draftResponse.EnsureSuccessStatusCode();
        var draft = JsonDocument.Parse(await draftResponse.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("closed", draft.GetProperty("draftKind").GetString());
        Assert.StartsWith("No reply needed: the conversation is over", draft.GetProperty("label").GetString());
        var text = draft.GetProperty("text").GetString()!;
        Assert.StartsWith("Hi Kofi,\n\nIf anything else comes up, just reply to this message", text);
        Assert.DoesNotContain("did my last message help", text, StringComparison.Ordinal);
        Assert.Empty(draft.GetProperty("citations").EnumerateArray());
    }
}
