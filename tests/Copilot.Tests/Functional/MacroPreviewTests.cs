using System.Net;
using System.Text.Json;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Functional;

/// <summary>A macro's effect, shown before the agent applies it: Zendesk's "Show Ticket After Changes", compared with the ticket now.</summary>
public class MacroPreviewTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> PreviewAsync(string query)
    {
        using var response = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, query));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task APreviewShowsTheReplyWithItsPlaceholdersFilledAndTheStatusAndTagsItWouldChange()
    {
        var ticket = fixture.Zendesk.Data.Tickets.Single(t => t.Id == 102);
        var (statusBefore, tagsBefore) = (ticket.Status, ticket.Tags.ToList());
        var macro = fixture.Zendesk.Data.Macros.Single(m => m.Id == 900002);
        var requester = fixture.Zendesk.Data.Users.Single(u => u.Id == ticket.RequesterId).Name.Split(' ')[0];

        var (status, body) = await PreviewAsync("/api/tickets/102/macros/900002/preview?agentName=Tom%C3%A1s%20Ribeiro");

        Assert.Equal(HttpStatusCode.OK, status);
        var comment = body.GetProperty("comment").GetString()!;
        Assert.StartsWith($"Hi {requester},", comment);
        Assert.DoesNotContain("{{", comment);
        Assert.Contains("{{current_user.first_name}}", macro.Comment);
        Assert.Contains("Tomás", comment);
        Assert.True(body.GetProperty("commentPublic").GetBoolean());
        var changes = body.GetProperty("changes").EnumerateArray().ToList();
        Assert.NotEqual(statusBefore, macro.Status);
        var change = Assert.Single(changes, c => c.GetProperty("field").GetString() == "status");
        Assert.Equal(statusBefore, change.GetProperty("from").GetString());
        Assert.Equal(macro.Status, change.GetProperty("to").GetString());
        Assert.Equal(macro.SetTags.Except(tagsBefore).Order(), body.GetProperty("tagsAdded").EnumerateArray().Select(t => t.GetString()!).Order());
        Assert.Equal(tagsBefore.Except(macro.SetTags).Order(), body.GetProperty("tagsRemoved").EnumerateArray().Select(t => t.GetString()!).Order());
        // Only shown: the ticket itself is as it was.
        Assert.Equal(statusBefore, ticket.Status);
        Assert.Equal(tagsBefore, ticket.Tags);
    }

    [Fact]
    public async Task AnUnknownTicketIsNotFound()
    {
        var (status, body) = await PreviewAsync("/api/tickets/999999/macros/900002/preview");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Ticket not found", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AnUnknownMacroIsNotFoundAsProblemDetails()
    {
        var (status, body) = await PreviewAsync("/api/tickets/102/macros/123456/preview");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Macro not found", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AnAgentNameThatIsNotANameIsABadRequest()
    {
        var (status, body) = await PreviewAsync("/api/tickets/102/macros/900002/preview?agentName=" + new string('x', 300));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The macro preview request is not valid", body.GetProperty("title").GetString());
    }
}
