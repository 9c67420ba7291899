using System.Net;
using System.Text.Json;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Functional;

public class AssistSummaryTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    [Fact]
    public async Task AssistOnAThankYouSaysNoReplyIsNeeded()
    {
        var ticket = fixture.Zendesk.Data.FindTicket(144)!;
        var comment = fixture.Zendesk.Data.AddComment(144, ticket.RequesterId, "<p>Thank you, that worked! The Bridge is solid green again and all my lights are back.</p>");

        using var response = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, $"/api/tickets/144/assist?latestCommentId={comment.Id}"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = body.GetProperty("summary");
        Assert.Equal("Resolved: the customer says the issue is solved; no reply is needed.", summary.GetProperty("status").GetString());
        Assert.Equal("Nothing to do unless the customer writes again.", summary.GetProperty("nextStep").GetString());
    }
}
