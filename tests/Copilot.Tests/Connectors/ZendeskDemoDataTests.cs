using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Zendesk;

namespace Copilot.Tests.Connectors;

/// <summary>The demo company served by the fake reads back cleanly through the real client.</summary>
public sealed class ZendeskDemoDataTests
{
    [Fact]
    public void DemoDataRefersOnlyToUsersAndSectionsThatExist()
    {
        var data = FakeZendeskData.LoadDemo();
        var users = data.Users.Select(u => u.Id).ToHashSet();
        var sections = data.Sections.Select(s => s.Id).ToHashSet();

        Assert.Equal("Lumora Home", data.Company.Name);
        Assert.All(data.Tickets, t => Assert.Contains(t.RequesterId, users));
        Assert.All(data.Tickets.SelectMany(t => t.Comments), c => Assert.True(c.AuthorId == -1 || users.Contains(c.AuthorId), $"comment {c.Id} author {c.AuthorId}"));
        Assert.All(data.Articles, a => Assert.Contains(a.SectionId, sections));
    }

    [Fact]
    public async Task EveryDemoTicketReadsBackWithRolesFromItsUsers()
    {
        var data = FakeZendeskData.LoadDemo();
        await using var zd = await ZendeskHarness.StartAsync(data);
        var roles = data.Users.ToDictionary(u => u.Id, u => u.Role);

        foreach (var ticket in data.Tickets)
        {
            var thread = await zd.Client.GetThreadAsync(ticket.Id, CancellationToken.None);

            Assert.NotNull(thread);
            Assert.Equal(ticket.Comments.Select(c => c.Id), thread.Comments.Select(c => c.Id));
            Assert.Equal(ticket.Comments.Select(c => c.Public), thread.Comments.Select(c => c.Public));
            foreach (var comment in thread.Comments)
            {
                var expected = roles[comment.Author.Id] == "end-user" ? AuthorRole.Customer : AuthorRole.Agent;
                Assert.Equal(expected, comment.Author.Role);
                Assert.DoesNotContain("<p>", comment.Text);
                Assert.DoesNotContain("&nbsp;", comment.Text);
            }
        }
        Assert.Equal(2 * data.Tickets.Count, zd.Fake.Requests.Count);
    }

    [Fact]
    public async Task DemoHelpCenterServesEveryPublishedArticleInEveryLocale()
    {
        var data = FakeZendeskData.LoadDemo();
        await using var zd = await ZendeskHarness.StartAsync(data);

        var articles = await zd.Client.GetArticlesAsync(CancellationToken.None);

        Assert.Equal(data.Articles.Where(a => !a.Draft).Select(a => $"{a.Locale}/{a.Id}").Order(), articles.Select(a => $"{a.Locale}/{a.Id}").Order());
        Assert.All(articles, a => Assert.StartsWith("https://lumora.zendesk.com/hc/", a.Url));
        Assert.All(articles, a => Assert.DoesNotContain("</", a.Text));
    }
}

public sealed class AuthorLineTests
{
    [Theory]
    [InlineData("Bonne soirée avec vos lampes !\n\nJulien", "Julien Moreau", "Bonne soirée avec vos lampes !")]
    [InlineData("Done, refunded.\n— Julien M.", "Julien Moreau", "Done, refunded.")]
    [InlineData("Done, refunded.\nJulien Moreau", "Julien Moreau", "Done, refunded.")]
    [InlineData("Done, refunded.\nPriya", "Julien Moreau", "Done, refunded.\nPriya")]
    [InlineData("Done, refunded.\nJulien will call you tomorrow", "Julien Moreau", "Done, refunded.\nJulien will call you tomorrow")]
    [InlineData("Julien", "Julien Moreau", "Julien")]
    [InlineData("Done.\nJulien", null, "Done.\nJulien")]
    public void OnlyALastLineThatIsTheAuthorsNameIsDropped(string text, string? author, string expected)
    {
        Assert.Equal(expected, Copilot.Connectors.Text.AuthorLine.Remove(text, author));
    }

    [Fact]
    public async Task PastRepliesFromTheHelpdeskDoNotCarryTheirAuthorsSignOffName()
    {
        var data = FakeZendeskData.LoadDemo();
        await using var zd = await ZendeskHarness.StartAsync(data);

        var solved = await zd.Client.GetSolvedTicketsAsync(200, CancellationToken.None);

        var ticket = solved.Single(t => t.Id == 104);
        var last = ticket.AgentReplies[^1].TrimEnd();
        Assert.EndsWith("chevet !", last);
        Assert.DoesNotContain(solved.SelectMany(t => t.AgentReplies), r => r.TrimEnd().EndsWith("\nJulien", StringComparison.Ordinal));
    }
}
