using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Freshdesk;
using Copilot.Fakes.Zendesk;

namespace Copilot.Tests.Connectors;

/// <summary>The one write an approved action makes, through each connector against its fake: the fields set, tags added, a private note.</summary>
public sealed class TicketUpdateTests
{
    private static readonly TicketChange Change = new()
    {
        Priority = "urgent", AddTags = ["damaged_item"], InternalNote = "Photo requested; replacement pending.",
    };

    [Fact]
    public async Task ZendeskGetsOneUpdateWithAddedTagsAndTheNoteAsAPrivateComment()
    {
        var data = FakeZendeskData.LoadDemo();
        await using var zd = await ZendeskHarness.StartAsync(data);
        var ticket = data.Tickets.First(t => t.Status == "open");
        var (tags, comments) = (ticket.Tags.ToList(), ticket.Comments.Count);

        var updated = await zd.Client.UpdateTicketAsync(ticket.Id, Change with { GroupId = 360003 }, CancellationToken.None);

        Assert.True(updated);
        Assert.Equal(("urgent", (long?)360003), (ticket.Priority, ticket.GroupId));
        Assert.Equal([.. tags, "damaged_item"], ticket.Tags);
        Assert.Equal(comments + 1, ticket.Comments.Count);
        Assert.False(ticket.Comments[^1].Public);
        Assert.Single(zd.Fake.Requests, r => r.Method == "PUT");
        Assert.False(await zd.Client.UpdateTicketAsync(999_999, Change, CancellationToken.None));
    }

    [Fact]
    public async Task FreshdeskKeepsTheTicketsTagsAddsTheNewOneAndAddsThePrivateNote()
    {
        var data = FakeFreshdeskData.LoadDemo();
        await using var fd = await FreshdeskHarness.StartAsync(data);
        var ticket = data.Tickets.First(t => t.Status == 2);
        var (tags, notes) = (ticket.Tags.ToList(), ticket.Conversations.Count);

        var updated = await fd.Client.UpdateTicketAsync(ticket.Id, Change, CancellationToken.None);

        Assert.True(updated);
        Assert.Equal(4, ticket.Priority);
        Assert.Equal([.. tags, "damaged_item"], ticket.Tags);
        Assert.Equal(notes + 1, ticket.Conversations.Count);
        Assert.True(ticket.Conversations[^1].Private);
        Assert.Equal(["PUT", "POST"], fd.Fake.Requests.Where(r => r.Method != "GET").Select(r => r.Method));
        Assert.False(await fd.Client.UpdateTicketAsync(999_999, Change, CancellationToken.None));
    }
}
