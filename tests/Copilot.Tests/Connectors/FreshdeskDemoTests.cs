using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Freshdesk;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Connectors;

/// <summary>The Freshdesk demo company, served by the fake Freshdesk, read back whole through the real connector.</summary>
public sealed class FreshdeskDemoTests
{
    [Fact]
    public async Task EveryDemoTicketReadsWholeInTwoCallsWithNotesAndAuthorsToldApart()
    {
        var data = FakeFreshdeskData.LoadDemo();
        await using var fd = await FreshdeskHarness.StartAsync(data);
        var agents = data.Agents.Select(a => a.Id).ToHashSet();

        foreach (var ticket in data.Tickets)
        {
            var thread = await fd.Client.GetThreadAsync(ticket.Id, CancellationToken.None);

            Assert.NotNull(thread);
            Assert.Equal(ticket.Conversations.Select(c => c.Id).Prepend(0), thread.Comments.Select(c => c.Id));
            Assert.Equal(ticket.Conversations.Select(c => !c.Private).Prepend(true), thread.Comments.Select(c => c.Public));
            var descriptionBy = ticket.Source == 10 ? AuthorRole.Agent : AuthorRole.Customer;
            var roles = ticket.Conversations.Select(c => agents.Contains(c.UserId) ? AuthorRole.Agent : AuthorRole.Customer).Prepend(descriptionBy);
            Assert.Equal(roles, thread.Comments.Select(c => c.Author.Role));
            Assert.Equal(data.Contacts.Single(c => c.Id == ticket.RequesterId).Name, thread.Ticket.Requester.Name);
            Assert.All(thread.Comments, c => Assert.DoesNotContain("<p>", c.Text));
        }
        Assert.Equal(2 * data.Tickets.Count, fd.Fake.Requests.Count);
    }

    [Theory]
    [InlineData(100, 2)]
    [InlineData(101, 3)]
    public async Task AThreadCostsTwoCallsUpToAHundredConversationsAfterItsDescription(int conversations, int calls)
    {
        var data = FakeFreshdeskData.LoadDemo();
        var ticket = data.Tickets.Single(t => t.Id == 140);
        var start = ticket.CreatedAt;
        for (var i = ticket.Conversations.Count; i < conversations; i++)
        {
            data.AddConversation(ticket.Id, i % 2 == 0 ? ticket.RequesterId : data.Agents[0].Id, $"<p>Message {i}</p>", incoming: i % 2 == 0, at: start.AddMinutes(i + 1));
        }
        await using var fd = await FreshdeskHarness.StartAsync(data);

        var thread = await fd.Client.GetThreadAsync(ticket.Id, CancellationToken.None);

        Assert.Equal(conversations + 1, thread!.Comments.Count);
        Assert.Equal(calls, fd.Fake.Requests.Count);
        Assert.Equal(thread.Comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => c.Id), thread.Comments.Select(c => c.Id));
    }

    [Fact]
    public async Task TheDemoSolutionsArePublishedArticlesPerLanguageWithoutDraftsOrAgentOnlyFolders()
    {
        var data = FakeFreshdeskData.LoadDemo();
        await using var fd = await FreshdeskHarness.StartAsync(data);
        var internalFolders = data.Folders.Where(f => f.Visibility == 3).Select(f => f.Id).ToHashSet();
        var visible = data.Articles.Where(a => !internalFolders.Contains(a.FolderId)).ToList();

        var articles = await fd.Client.GetArticlesAsync(CancellationToken.None);

        var expected = visible.Where(a => a.Status == 2).Select(a => a.Id.ToString())
            .Concat(visible.SelectMany(a => a.Translations.Where(t => t.Status == 2).Select(t => $"{a.Id}-{t.Language.ToLowerInvariant()}")));
        Assert.Equal(expected.Order(), articles.Select(a => a.Id).Order());
        Assert.True(articles.Count(a => a.Locale == "en") >= 30);
        Assert.Equal(["de", "en", "nl", "pt-br"], articles.Select(a => a.Locale).Distinct().Order());
        Assert.DoesNotContain(articles, a => a.Draft || a.Title.Contains("coming soon") || a.Title == "Refund approval limits");
        Assert.Contains(articles, a => a.Title == "Lisbon: riding the hills");
        var german = articles.Single(a => a.Title == "Ein Rad entsperren");
        Assert.Equal(($"{fd.Fake.BaseUrl}de/support/solutions/articles/{german.Id[..^3]}", "de"), (german.Url, german.Locale));
        Assert.All(articles, a => Assert.DoesNotContain("</", a.Text));
        Assert.Equal(0, fd.Fake.Requests.Count(r => r.Path.Contains(internalFolders.Single().ToString())));
        // Settings, categories, 5 lists of folders, 1 of subfolders, 9 folders in 4 languages.
        Assert.Equal(44, fd.Fake.Requests.Count);
    }

    [Fact]
    public async Task AnIncrementalReadWalksTheSolutionsOnceAndReportsWhatChangedDraftsIncluded()
    {
        var data = FakeFreshdeskData.LoadDemo();
        var since = data.Articles.Max(a => a.Translations.Select(t => t.UpdatedAt).Append(a.UpdatedAt).Max()).AddSeconds(1);
        var edited = data.Articles.First(a => a.Title == "Out-of-zone fee");
        edited.Title = "Out-of-zone fee (€15)";
        data.UpsertArticle(edited, since.AddHours(1));
        var withdrawn = data.Articles.First(a => a.Title == "Promo codes");
        withdrawn.Status = 1;
        data.UpsertArticle(withdrawn, since.AddHours(2));
        await using var fd = await FreshdeskHarness.StartAsync(data);

        var first = await fd.Client.GetArticleChangesAsync(since, CancellationToken.None);
        var walked = fd.Fake.Requests.Count;
        var next = await fd.Client.GetArticleChangesAsync(first.NextStart, CancellationToken.None);

        Assert.Equal([("Out-of-zone fee (€15)", false), ("Promo codes", true)], first.Articles.Select(a => (a.Title, a.Draft)));
        Assert.Equal(since.AddHours(2), first.NextStart);
        Assert.Equal(["Promo codes"], next.Articles.Select(a => a.Title));
        Assert.Equal(walked, fd.Fake.Requests.Count);
    }

    [Fact]
    public async Task CannedResponsesAreMacrosWithThePlaceholdersTheCopilotFillsAndPersonalFoldersLeftOut()
    {
        var data = FakeFreshdeskData.LoadDemo();
        await using var fd = await FreshdeskHarness.StartAsync(data);

        var macros = await fd.Client.GetMacrosAsync(CancellationToken.None);
        var preview = await fd.Client.PreviewMacroAsync(112, long.Parse(macros.Single(m => m.Title == "Ask for the ride receipt").Id), CancellationToken.None);

        Assert.Equal(10, macros.Count);
        Assert.DoesNotContain(macros, m => m.Title == "My own sign-off");
        Assert.All(macros, m => Assert.DoesNotContain("{{ticket.requester.firstname}}", m.Text));
        Assert.All(macros, m => Assert.DoesNotContain("{{ticket.agent.name}}", m.Text));
        Assert.Contains("{{current_user.name}}", macros[0].Text);
        Assert.StartsWith("Hi {{ticket.requester.first_name}},", preview!.Comment);
        Assert.Contains("ticket #{{ticket.id}}", preview.Comment);
        Assert.Equal((true, null, null), (preview.CommentPublic, preview.Status, preview.Tags));
        Assert.Contains(macros, m => m.Text.Contains("{{ticket.cf_bike_number}}"));
        Assert.Null(await fd.Client.PreviewMacroAsync(112, 999, CancellationToken.None));
    }

    [Fact]
    public async Task SolvedTicketsCarryTheirPublicAgentRepliesWithoutSignOffsAndThePeopleToScrub()
    {
        var data = FakeFreshdeskData.LoadDemo();
        await using var fd = await FreshdeskHarness.StartAsync(data);

        var solved = await fd.Client.GetSolvedTicketsAsync(50, CancellationToken.None);

        var expected = data.Tickets.Where(t => t.Status is 4 or 5).OrderByDescending(t => t.UpdatedAt).ThenBy(t => t.Id).Select(t => t.Id);
        Assert.Equal(expected, solved.Select(s => s.Id));
        var refund = solved.Single(s => s.Id == 120);
        Assert.Equal(["Hi Noah,\n\nI've checked the ride log and you're right: I've ended your ride at the time you locked the bike and refunded €11.75. You'll find the updated receipt under Profile > Rides."],
            refund.AgentReplies.Select(r => r.Replace("\r", "")));
        Assert.Contains("Noah Peters", refund.People!);
        Assert.Contains("Pieter de Vries", refund.People!);
        Assert.Equal($"{fd.Fake.BaseUrl}a/tickets/120", refund.Url);
        Assert.Equal(["refund", "end-ride"], refund.Tags);
        // Private notes never become past replies.
        Assert.DoesNotContain(solved.SelectMany(s => s.AgentReplies), r => r.Contains("Ride log shows", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDirectoryKnowsAgentsRolesGroupsAndTheNewestTickets()
    {
        var data = FakeFreshdeskData.LoadDemo();
        await using var fd = await FreshdeskHarness.StartAsync(data);

        var agents = await fd.Directory.ListAgentsAsync(fd.Connection, CancellationToken.None);
        var lead = await fd.Directory.GetUserAsync(fd.Connection, 43000100002, CancellationToken.None);
        var groups = await fd.Directory.ListGroupsAsync(fd.Connection, CancellationToken.None);
        var tickets = await fd.Directory.ListTicketsAsync(fd.Connection, 5, CancellationToken.None);

        Assert.Equal(data.Agents.Where(a => a.Type != "collaborator").Select(a => a.Id).Order(), agents.Select(a => a.Id).Order());
        Assert.Equal("admin", agents.Single(a => a.Name == "Sofia Jansen").Role);
        Assert.Equal(("agent", (long?)43000000110), (lead!.Role, lead.CustomRoleId));
        Assert.Equal(["Account Security", "Billing & Payments", "Fleet & Repairs", "Rider Support"], groups.Select(g => g.Name).Order());
        Assert.Equal(data.Tickets.OrderByDescending(t => t.UpdatedAt).Take(5).Select(t => t.Id), tickets.Select(t => t.Id));
        Assert.Equal(1, fd.Calls("/api/v2/roles"));
    }

    [Fact]
    public async Task TheFakeRefusesAWrongKeyAndServesQueuedFaultsInFreshdesksWords()
    {
        var data = FakeFreshdeskData.LoadDemo();
        await using var fd = await FreshdeskHarness.StartAsync(data, o => o.MaxRetries = 1);
        var stranger = fd.Services.GetRequiredService<Copilot.Connectors.Freshdesk.FreshdeskClientFactory>()
            .For(new HelpdeskConnection("freshdesk", fd.Fake.BaseUrl, ApiKey: "not-the-key"));

        var refused = await Assert.ThrowsAsync<HelpdeskException>(() => stranger.GetThreadAsync(101, CancellationToken.None));
        fd.Fake.Faults.Fail(503, times: 2);
        var unavailable = await Assert.ThrowsAsync<HelpdeskException>(() => fd.Client.GetThreadAsync(101, CancellationToken.None));
        fd.Fake.Faults.Fail(500);
        var recovered = await fd.Client.GetThreadAsync(101, CancellationToken.None);

        Assert.Equal((401, "You have to be logged in to perform this action."), (refused.StatusCode, refused.Message));
        Assert.Equal((503, "Freshdesk is temporarily unavailable"), (unavailable.StatusCode, unavailable.Message));
        Assert.NotNull(recovered);
        Assert.Equal(0, fd.Fake.Faults.Pending);
        Assert.All(fd.Fake.Requests.Skip(1), r => Assert.StartsWith("Basic ", r.Authorization));
    }
}
