using Copilot.Connectors.Helpdesk;
using static Copilot.Tests.Connectors.ZendeskTestData;

namespace Copilot.Tests.Connectors;

public sealed class ZendeskThreadTests
{
    [Fact]
    public async Task TypicalTicketCostsExactlyTwoHelpdeskCalls()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build());

        var thread = await zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None);

        Assert.NotNull(thread);
        Assert.Equal(2, zd.Fake.Requests.Count);
        Assert.Equal("/api/v2/tickets/100", zd.Fake.Requests[0].Path);
        Assert.Contains("include=users", zd.Fake.Requests[0].Query);
        Assert.Equal("/api/v2/tickets/100/comments", zd.Fake.Requests[1].Path);
        Assert.Contains("sort=created_at", zd.Fake.Requests[1].Query);
    }

    [Fact]
    public async Task ThreadCarriesTicketFieldsAndRequesterFromSideloadedUsers()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build());

        var thread = (await zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None))!;

        Assert.Equal("Bridge won't connect", thread.Ticket.Subject);
        Assert.Equal("open", thread.Ticket.Status);
        Assert.Equal("high", thread.Ticket.Priority);
        Assert.Equal(["bridge", "wifi"], thread.Ticket.Tags);
        Assert.Equal(Agent, thread.Ticket.AssigneeId);
        Assert.Equal("Carla Customer", thread.Ticket.Requester.Name);
        Assert.Equal(AuthorRole.Customer, thread.Ticket.Requester.Role);
        Assert.Equal(T0.AddHours(2), thread.Ticket.UpdatedAt);
    }

    [Fact]
    public async Task CommentsTellCustomersAgentsAndInternalNotesApart()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build());

        var comments = (await zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None))!.Comments;

        Assert.Equal([1001L, 1002L, 1003L], comments.Select(c => c.Id));
        Assert.Equal(AuthorRole.Customer, comments[0].Author.Role);
        Assert.True(comments[0].Public);
        Assert.Equal(AuthorRole.Agent, comments[1].Author.Role);
        Assert.Equal("Andy Agent", comments[1].Author.Name);
        Assert.False(comments[1].Public);
        Assert.Equal(AuthorRole.Agent, comments[2].Author.Role); // admins answer as agents
        Assert.True(comments[2].Public);
    }

    [Fact]
    public async Task CommentHtmlBecomesCleanText()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build());

        var comments = (await zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None))!.Comments;

        Assert.Equal("My bridge blinks amber.\n\nHelp!", comments[0].Text);
        Assert.Equal("Please use the 2.4 GHz band:\n\n1. Open settings\n2. Pick the guide (https://test.zendesk.com/hc/en-us/articles/1)", comments[2].Text);
    }

    [Fact]
    public async Task CommentsFromZendeskItselfAreSystemComments()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build());

        var comments = (await zd.Client.GetThreadAsync(SystemTicket, CancellationToken.None))!.Comments;

        Assert.Equal(AuthorRole.Customer, comments[0].Author.Role);
        Assert.Equal(AuthorRole.System, comments[1].Author.Role);
        Assert.Equal(-1, comments[1].Author.Id);
    }

    [Fact]
    public async Task LongThreadsFollowCommentCursorPagesInOrder()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build());

        var thread = (await zd.Client.GetThreadAsync(LongTicket, CancellationToken.None))!;

        Assert.Equal(250, thread.Comments.Count);
        Assert.Equal(Enumerable.Range(0, 250).Select(i => 5000L + i), thread.Comments.Select(c => c.Id));
        Assert.Equal("Message 249", thread.Comments[^1].Text);
        Assert.Equal(5249, thread.LatestCommentId);
        Assert.Equal(3, zd.Calls("/api/v2/tickets/200/comments"));
        Assert.Equal(1, zd.Calls("/api/v2/tickets/200") - zd.Calls("/api/v2/tickets/200/comments"));
        Assert.All(zd.Fake.Requests.Skip(2), r => Assert.Contains("page[after]=", Uri.UnescapeDataString(r.Query)));
    }

    [Fact]
    public async Task UnknownTicketGivesNull()
    {
        await using var zd = await ZendeskHarness.StartAsync(Build());

        var thread = await zd.Client.GetThreadAsync(999_999, CancellationToken.None);

        Assert.Null(thread);
        Assert.Single(zd.Fake.Requests);
    }

    [Fact]
    public async Task NewCommentsShowUpOnTheNextRead()
    {
        var data = Build();
        await using var zd = await ZendeskHarness.StartAsync(data);
        var before = (await zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None))!;

        data.AddComment(TypicalTicket, Customer, "<p>Still blinking.</p>", at: T0.AddHours(3));
        var after = (await zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None))!;

        Assert.Equal(before.Comments.Count + 1, after.Comments.Count);
        Assert.Equal("Still blinking.", after.Comments[^1].Text);
        Assert.True(after.LatestCommentId > before.LatestCommentId);
    }

    [Fact]
    public async Task SolvedTicketsBringPublicAgentRepliesOnlyNewestFirst()
    {
        var data = Build();
        data.UpdateTicketStatus(TypicalTicket, "solved", T0.AddDays(5));
        await using var zd = await ZendeskHarness.StartAsync(data);

        var solved = await zd.Client.GetSolvedTicketsAsync(10, CancellationToken.None);

        Assert.Equal([TypicalTicket, SystemTicket], solved.Select(s => s.Id));
        var typical = solved[0];
        Assert.Equal("Bridge won't connect", typical.Subject);
        Assert.Contains("My bridge blinks amber.", typical.CustomerText);
        var reply = Assert.Single(typical.AgentReplies);
        Assert.StartsWith("Please use the 2.4 GHz band:", reply);
        Assert.DoesNotContain(typical.AgentReplies, r => r.Contains("Probably 5 GHz"));
        Assert.Empty(solved[1].AgentReplies); // the system comment is not an agent reply
        // The people on the ticket, so their names can be removed before the replies are reused, and the ticket's agent link.
        Assert.Equal(["Ada Admin", "Andy Agent", "Carla Customer"], typical.People!.Order());
        Assert.Equal(new Uri(zd.Fake.BaseUrl, $"/agent/tickets/{TypicalTicket}").ToString(), typical.Url);
        var search = zd.Fake.Requests.First(r => r.Path == "/api/v2/search");
        var query = Uri.UnescapeDataString(search.Query);
        Assert.Contains("query=type:ticket status>=solved", query);
        Assert.Contains("sort_by=updated_at", query);
        Assert.Contains("sort_order=desc", query);
    }

    [Fact]
    public async Task ATicketZendeskClosedAfterItWasSolvedIsAPastReplyToo()
    {
        var data = Build();
        data.UpdateTicketStatus(TypicalTicket, "closed", T0.AddDays(9)); // solved, then closed by Zendesk days later
        data.UpdateTicketStatus(LongTicket, "solved", T0.AddDays(4));
        await using var zd = await ZendeskHarness.StartAsync(data);

        var solved = await zd.Client.GetSolvedTicketsAsync(10, CancellationToken.None);

        Assert.Equal([TypicalTicket, LongTicket], solved.Select(s => s.Id).Take(2));
        Assert.StartsWith("Please use the 2.4 GHz band:", Assert.Single(solved[0].AgentReplies));
    }

    [Fact]
    public async Task AnExportFromTheLastMinuteStartsAMinuteBackAndOneFromTheFutureFindsNothing()
    {
        var data = Build();
        data.UpdateTicketStatus(TypicalTicket, "solved", DateTimeOffset.UtcNow.AddMinutes(-3));
        await using var zd = await ZendeskHarness.StartAsync(data);

        // Zendesk answers a start time within the last minute with a 400.
        var recent = await zd.Client.ExportSolvedAsync(DateTimeOffset.UtcNow.AddSeconds(-10), null, CancellationToken.None);
        var future = await zd.Client.ExportSolvedAsync(DateTimeOffset.UtcNow.AddDays(1), null, CancellationToken.None);

        Assert.Null(recent.Next);
        Assert.Empty(future.Tickets);
        Assert.Equal(1, zd.Calls("/api/v2/incremental/tickets/cursor.json"));
    }

    [Fact]
    public async Task SolvedTicketsStopAtTheRequestedCount()
    {
        var data = Build();
        data.SearchPageSize = 1;
        data.UpdateTicketStatus(TypicalTicket, "solved", T0.AddDays(5));
        data.UpdateTicketStatus(LongTicket, "solved", T0.AddDays(4));
        await using var zd = await ZendeskHarness.StartAsync(data);

        var solved = await zd.Client.GetSolvedTicketsAsync(2, CancellationToken.None);

        Assert.Equal([TypicalTicket, LongTicket], solved.Select(s => s.Id));
        Assert.Equal(2, zd.Calls("/api/v2/search"));
        Assert.Equal(0, zd.Calls("/api/v2/tickets/300"));
    }
}
