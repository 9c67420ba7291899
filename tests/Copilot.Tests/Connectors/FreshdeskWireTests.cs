using System.Text;
using Copilot.Connectors.Helpdesk;
using Copilot.Tests.Infrastructure;
using static Copilot.Tests.Connectors.WireHelpdesk;
using static Copilot.Tests.Connectors.WireFreshdesk;

namespace Copilot.Tests.Connectors;

/// <summary>Freshdesk at the wire level (WireMock): paging by Link, authors and notes, rate-limit headers, faults.</summary>
public sealed class FreshdeskWireTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    private const string RateLimited = """{"message":"You have exceeded the limit of requests per minute"}""";

    [Fact]
    public async Task TheThreadIsTheTicketWithItsRequesterThenEveryConversationPageTheLinkHeaderNames()
    {
        using var fd = Start();
        fd.Server.Given(Get(TicketPath)).RespondWith(Json(TicketJson));
        var second = $"{fd.Server.Url}{ConversationsPath}?page=2&per_page=100";
        fd.Server.Given(Get(ConversationsPath)).AtPriority(10).RespondWith(Json(ConversationsJson).WithHeader("Link", $"<{second}>; rel=\"next\""));
        fd.Server.Given(Get(ConversationsPath).WithParam("page", "2")).AtPriority(1).RespondWith(Json("""
            [{"id": 9100004, "body": "<div>Thanks, it opened!</div>", "incoming": true, "private": false, "user_id": 501,
              "created_at": "2026-03-01T09:40:00Z"}]
            """));

        var thread = await fd.Client.GetThreadAsync(Ticket, CancellationToken.None);

        Assert.Equal([0L, 9100001, 9100002, 9100003, 9100004], thread!.Comments.Select(c => c.Id));
        Assert.Equal(9100004, thread.LatestCommentId);
        var requests = fd.Server.LogEntries.Select(e => e.RequestMessage).ToList();
        Assert.Equal(3, requests.Count);
        Assert.Equal("requester", requests[0].Query!["include"].Single());
        Assert.Equal("100", requests[1].Query!["per_page"].Single());
        Assert.Equal("2", requests[2].Query!["page"].Single());
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ApiKey}:X"));
        Assert.All(requests, r => Assert.Equal(basic, r.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task PrivateNotesAreInternalAndTheRequesterAndAgentsAreToldApart()
    {
        using var fd = Start().WithConversations();
        fd.Server.Given(Get(TicketPath)).RespondWith(Json(TicketJson));

        var thread = await fd.Client.GetThreadAsync(Ticket, CancellationToken.None);

        var ticket = thread!.Ticket;
        Assert.Equal(("Bike 4711 won't unlock", "open", "high", 9001L), (ticket.Subject, ticket.Status, ticket.Priority, ticket.AssigneeId));
        Assert.Equal(new HelpdeskUser(501, "Marta Kowalska", "marta@riders.example", AuthorRole.Customer, null), ticket.Requester);
        var (description, reply, note, customer) = (thread.Comments[0], thread.Comments[1], thread.Comments[2], thread.Comments[3]);
        Assert.Equal((AuthorRole.Customer, true, "The app says unlocked but the lock stays shut."), (description.Author.Role, description.Public, description.Text));
        Assert.Equal((AuthorRole.Agent, true, 9001L), (reply.Author.Role, reply.Public, reply.Author.Id));
        Assert.Equal((AuthorRole.Agent, false, "Fleet says the lock firmware on 4711 is old."), (note.Author.Role, note.Public, note.Text));
        Assert.Equal((AuthorRole.Customer, true, "Marta Kowalska"), (customer.Author.Role, customer.Public, customer.Author.Name));
        // Unknown agents are stand-ins until the account's agents are read.
        Assert.Equal("User 9001", reply.Author.Name);
    }

    [Fact]
    public async Task AgentsAreNamedOnceTheAccountsAgentsAreKnownAndTheirRolesDecideWhoIsStaff()
    {
        using var fd = Start().WithConversations();
        fd.Server.Given(Get(TicketPath)).RespondWith(Json(TicketJson));
        fd.Server.Given(Get("/api/v2/roles")).RespondWith(Json("""
            [{"id": 1, "name": "Account Administrator", "default": true}, {"id": 2, "name": "Agent", "default": true},
             {"id": 30, "name": "Team lead", "default": false}]
            """));
        fd.Server.Given(Get("/api/v2/agents")).RespondWith(Json("""
            [{"id": 9001, "type": "support_agent", "role_ids": [2, 30], "contact": {"name": "Jonas Weber", "email": "jonas@spokewise.example", "language": "de", "active": true}},
             {"id": 9002, "type": "support_agent", "role_ids": [1], "contact": {"name": "Ana Lima", "email": "ana@spokewise.example", "language": "pt-BR", "active": true}},
             {"id": 9003, "type": "collaborator", "role_ids": [2], "contact": {"name": "Fleet Partner", "email": "fleet@partner.example", "active": true}}]
            """));

        var agents = await fd.Directory.ListAgentsAsync(fd.Connection, CancellationToken.None);
        var thread = await fd.Client.GetThreadAsync(Ticket, CancellationToken.None);

        Assert.Equal([(9001L, "agent", (long?)30), (9002L, "admin", null)], agents.Select(a => (a.Id, a.Role, a.CustomRoleId)));
        Assert.Equal([2L, 30], agents[0].RoleIds);
        Assert.Equal(["Jonas Weber", "Ana Lima"], thread!.Comments.Skip(1).Take(2).Select(c => c.Author.Name));
        // The thread itself cost its two calls; the agents and roles were read once for the directory.
        Assert.Equal(2, fd.Calls(TicketPath) + fd.Calls(ConversationsPath));
        Assert.Equal(1, fd.Calls("/api/v2/agents"));
    }

    [Fact]
    public async Task AMissingTicketIsNullAndAContactIsAnEndUserInTheDirectory()
    {
        using var fd = Start();
        fd.Server.Given(Get(TicketPath)).RespondWith(Json("", 404));
        fd.Server.Given(Get("/api/v2/agents/501")).RespondWith(Json("", 404));
        fd.Server.Given(Get("/api/v2/contacts/501")).RespondWith(Json("""{"id": 501, "name": "Marta Kowalska", "email": "marta@riders.example", "language": "pl", "active": true}"""));
        fd.Server.Given(Get("/api/v2/agents/404")).RespondWith(Json("", 404));
        fd.Server.Given(Get("/api/v2/contacts/404")).RespondWith(Json("", 404));

        Assert.Null(await fd.Client.GetThreadAsync(Ticket, CancellationToken.None));
        var contact = await fd.Directory.GetUserAsync(fd.Connection, 501, CancellationToken.None);
        Assert.Equal(new DirectoryUser(501, "Marta Kowalska", "marta@riders.example", "end-user", null, "pl", true), contact);
        Assert.False(contact!.IsStaff);
        Assert.Null(await fd.Directory.GetUserAsync(fd.Connection, 404, CancellationToken.None));
        Assert.Null(await fd.Directory.GetAppPublicKeyAsync(fd.Connection, 1, CancellationToken.None));
        Assert.Equal(0, fd.Calls(ConversationsPath));
    }

    [Fact]
    public async Task WhenRemainingCallsFallToTheReserveNoCallGoesOutUntilTheWindowHasPassed()
    {
        using var fd = Start(o => o.RateLimitShare = 0.5);
        // 100 a minute, half of them ours: the conversations page leaves exactly the other half.
        fd.Server.Given(Get(TicketPath)).RespondWith(Limited(TicketJson, total: 100, remaining: 51, used: 2));
        fd.Server.Given(Get(ConversationsPath)).RespondWith(Limited(ConversationsJson, total: 100, remaining: 50));

        Assert.NotNull(await fd.Client.GetThreadAsync(Ticket, CancellationToken.None));
        fd.Time.Advance(TimeSpan.FromSeconds(20));
        var held = await Assert.ThrowsAsync<HelpdeskException>(() => fd.Client.GetThreadAsync(Ticket, CancellationToken.None));

        Assert.True(held.NotSent);
        Assert.Equal(TimeSpan.FromSeconds(40), held.RetryAfter);
        Assert.Contains("share", held.Message);
        Assert.Equal(2, fd.Calls());
        Assert.Contains(fd.Logs.Entries, e => e.Event.Id == Copilot.Connectors.Helpdesk.HelpdeskLogEvents.BudgetSpent && (int)e.Values["Reserve"]! == 50);

        fd.Time.Advance(TimeSpan.FromSeconds(40));
        fd.Server.Reset();
        fd.Server.Given(Get(TicketPath)).RespondWith(Limited(TicketJson, total: 100, remaining: 98, used: 2));
        fd.Server.Given(Get(ConversationsPath)).RespondWith(Limited(ConversationsJson, total: 100, remaining: 97));
        Assert.NotNull(await fd.Client.GetThreadAsync(Ticket, CancellationToken.None));
    }

    [Fact]
    public async Task ABulkReadWaitsOutTheBudgetInsteadOfFailingOrSpendingTheReserve()
    {
        using var fd = Start(o => o.RateLimitShare = 0.2);
        // Every answer leaves the account at its reserve: each next call must wait for the next window.
        fd.Server.Given(Get("/api/v2/settings/helpdesk")).RespondWith(Limited("""{"primary_language": "en", "supported_languages": []}""", 10, 8));
        fd.Server.Given(Get("/api/v2/solutions/categories")).RespondWith(Limited("""[{"id": 1, "name": "Riding"}]""", 10, 8));
        fd.Server.Given(Get("/api/v2/solutions/categories/1/folders")).RespondWith(Limited("""[{"id": 11, "name": "Unlocking", "visibility": 1}]""", 10, 8));
        fd.Server.Given(Get("/api/v2/solutions/folders/11/articles")).RespondWith(Limited("""
            [{"id": 111, "title": "Unlock a bike", "description": "<p>Scan the QR code.</p>", "status": 2, "updated_at": "2026-02-01T00:00:00Z"}]
            """, 10, 8));

        var read = fd.Client.GetArticlesAsync(CancellationToken.None);
        var waited = await fd.Time.AdvanceUntilAsync(read, Step * 10, Limit);

        Assert.Equal(["Unlock a bike"], (await read).Select(a => a.Title));
        Assert.Equal(4, fd.Calls());
        Assert.InRange(waited, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3) + 40 * Step);
        // Each answer left the account at its reserve, the last one too.
        Assert.Equal(4, fd.Logs.Entries.Count(e => e.Event.Id == Copilot.Connectors.Helpdesk.HelpdeskLogEvents.BudgetSpent));
    }

    [Fact]
    public async Task A429IsWaitedOutForExactlyRetryAfterAndALongOneFailsAtOnceAndHoldsLaterCalls()
    {
        using var fd = Start(o => o.MaxRetryAfter = TimeSpan.FromSeconds(5)).WithConversations();
        fd.Server.Given(Get(TicketPath)).InScenario("rate").WillSetStateTo("short")
            .RespondWith(Json(RateLimited, 429).WithHeader("Retry-After", "2"));
        fd.Server.Given(Get(TicketPath)).InScenario("rate").WhenStateIs("short").WillSetStateTo("long")
            .RespondWith(Json(TicketJson));
        fd.Server.Given(Get(TicketPath)).InScenario("rate").WhenStateIs("long").WillSetStateTo("served")
            .RespondWith(Json(RateLimited, 429).WithHeader("Retry-After", "30"));
        fd.Server.Given(Get(TicketPath)).InScenario("rate").WhenStateIs("served").RespondWith(Json(TicketJson));

        var call = fd.Client.GetThreadAsync(Ticket, CancellationToken.None);
        await FakeClock.WaitForAsync(() => fd.Logs.RetryDelays().Any(), "a retry scheduled");
        await fd.Time.AdvanceUntilAsync(call, TimeSpan.FromMilliseconds(100), Limit);
        Assert.NotNull(await call);
        Assert.Equal([TimeSpan.FromSeconds(2)], fd.Logs.RetryDelays());

        var failed = await Assert.ThrowsAsync<HelpdeskException>(() => fd.Client.GetThreadAsync(Ticket, CancellationToken.None));
        var held = await Assert.ThrowsAsync<HelpdeskException>(() => fd.Directory.ListGroupsAsync(fd.Connection, CancellationToken.None));
        Assert.Equal((429, TimeSpan.FromSeconds(30), "freshdesk"), (failed.StatusCode, failed.RetryAfter, failed.Helpdesk));
        Assert.Contains("You have exceeded the limit", failed.Message);
        Assert.True(held.NotSent);
        Assert.Equal(4, fd.Calls());

        fd.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.NotNull(await fd.Client.GetThreadAsync(Ticket, CancellationToken.None));
    }

    [Fact]
    public async Task AStormOf5xxOpensTheBreakerThenATrialCallClosesIt()
    {
        using var fd = Start(o => o.MaxRetries = 2).WithConversations();
        fd.Server.Given(Get(TicketPath)).RespondWith(Json("""{"code":"internal_error","message":"We are facing some issues"}""", 502));

        for (var i = 0; i < 2; i++)
        {
            var failed = await Assert.ThrowsAsync<HelpdeskException>(() => fd.Client.GetThreadAsync(Ticket, CancellationToken.None));
            Assert.Equal((502, "We are facing some issues"), (failed.StatusCode, failed.Message));
        }
        var paused = await Assert.ThrowsAsync<HelpdeskException>(() => fd.Client.GetMacrosAsync(CancellationToken.None));

        Assert.Equal(6, fd.Calls());
        Assert.Null(paused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), paused.RetryAfter);
        Assert.Contains("Freshdesk failed repeatedly", paused.Message);

        fd.Time.Advance(TimeSpan.FromSeconds(30));
        fd.Server.Reset();
        fd.WithConversations().Server.Given(Get(TicketPath)).RespondWith(Json(TicketJson));
        Assert.NotNull(await fd.Client.GetThreadAsync(Ticket, CancellationToken.None));
        Assert.Contains(fd.Logs.Entries, e => e.Event.Id == Copilot.Connectors.Helpdesk.HelpdeskLogEvents.BreakerClosed);
    }

    [Theory]
    [InlineData(401, """{"code":"invalid_credentials","message":"You have to be logged in to perform this action."}""", "You have to be logged in")]
    [InlineData(400, """{"description":"Validation failed","errors":[{"field":"page","message":"It should be a Positive Integer","code":"invalid_value"}]}""",
        "Validation failed – page: It should be a Positive Integer")]
    [InlineData(200, "<html>Maintenance</html>", "not the expected JSON")]
    public async Task FreshdesksOwnErrorsBecomeHelpdeskExceptionsWithItsMessageAndAreNotRetried(int status, string body, string message)
    {
        using var fd = Start().WithConversations();
        fd.Server.Given(Get(TicketPath)).RespondWith(Json(body, status));

        var error = await Assert.ThrowsAsync<HelpdeskException>(() => fd.Client.GetThreadAsync(Ticket, CancellationToken.None));

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(message, error.Message);
        Assert.Equal(1, fd.Calls());
    }
}
