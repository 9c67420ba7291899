using System.Net;
using System.Text.Json;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Functional;

public class AssistRefreshTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    private async Task<JsonElement> AssistAsync(long ticket)
    {
        using var response = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, $"/api/tickets/{ticket}/assist"));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task AWebhookThatChangesNothingShownKeepsTheAssistSoReopeningRecordsNothing()
    {
        var before = await AssistAsync(122);
        var ids = await AssistDisplay.ShowAsync(fixture.Client, before);
        var shown = () => fixture.Host.ScalarAsync("SELECT COUNT(*) FROM suggestions WHERE tenant = 'acme' AND ticket_id = 122");
        var shownBefore = await shown();

        // A delivery for the ticket whose thread the helpdesk still shows unchanged (a redelivery, a change the sidebar does not show).
        using (var delivered = await SendCommentWebhookAsync(122))
        {
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }
        using (var refreshed = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/122/assist?refresh=true")))
        {
            refreshed.EnsureSuccessStatusCode();
        }
        var after = await AssistAsync(122);
        var again = await AssistDisplay.ShowAsync(fixture.Client, after);

        Assert.Equal(before.GetProperty("assistId").GetString(), after.GetProperty("assistId").GetString());
        Assert.Equal(ids.GetProperty("summary").GetString(), again.GetProperty("summary").GetString());
        Assert.Equal(shownBefore, await shown());
    }

    [Fact]
    public async Task ACommentWebhookRefreshesTheCachedAssistBeforeTheNextOpen()
    {
        var before = await AssistAsync(149);
        await AssistDisplay.ShowAsync(fixture.Client, before);
        var shownBefore = await fixture.Host.ScalarAsync("SELECT COUNT(*) FROM suggestions WHERE tenant = 'acme' AND ticket_id = 149");
        var comment = fixture.Zendesk.Data.AddComment(149, 1016, "<p>It dropped out again last night, even after moving the Bridge closer.</p>");

        using var delivered = await SendCommentWebhookAsync(149);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);

        // The refresh runs in the background; the sidebar (which does not say what it saw) gets the new thread.
        JsonElement after = default;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            after = await AssistAsync(149);
            if (after.GetProperty("latestCommentId").GetInt64() == comment.Id)
            {
                break;
            }
            await Task.Delay(100);
        }
        Assert.Equal(comment.Id, after.GetProperty("latestCommentId").GetInt64());
        Assert.NotEqual(before.GetProperty("assistId").GetString(), after.GetProperty("assistId").GetString());
        // Refreshing and reopening recorded nothing: only the sidebar's report of a display does.
        Assert.Equal(shownBefore, await fixture.Host.ScalarAsync("SELECT COUNT(*) FROM suggestions WHERE tenant = 'acme' AND ticket_id = 149"));
    }

    private Task<HttpResponseMessage> SendCommentWebhookAsync(long ticket) => CommentWebhook.SendAsync(fixture.Client, ticket);
}
