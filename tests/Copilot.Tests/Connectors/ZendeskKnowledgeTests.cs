using Copilot.Fakes.Zendesk;
using static Copilot.Tests.Connectors.ZendeskTestData;

namespace Copilot.Tests.Connectors;

public sealed class ZendeskKnowledgeTests
{
    private static FakeZendeskData WithArticles()
    {
        var data = Build();
        data.ArticlePageSize = 2;
        data.Articles.AddRange(
        [
            Article(1, "en-us", T0.AddDays(1)),
            Article(2, "en-us", T0.AddDays(2)),
            Article(3, "en-us", T0.AddDays(3), draft: true),
            Article(4, "en-us", T0.AddDays(4)),
            Article(5, "de", T0.AddDays(5), title: "Bridge einrichten"),
        ]);
        return data;
    }

    [Fact]
    public async Task ArticlesComeFromEveryLocaleWithoutDrafts()
    {
        await using var zd = await ZendeskHarness.StartAsync(WithArticles());

        var articles = await zd.Client.GetArticlesAsync(CancellationToken.None);

        Assert.Equal(["1", "2", "4", "5"], articles.Select(a => a.Id).Order());
        var german = articles.Single(a => a.Id == "5");
        Assert.Equal("de", german.Locale);
        Assert.Equal("Bridge einrichten", german.Title);
        Assert.Equal("https://test.zendesk.com/hc/de/articles/5", german.Url);
        Assert.Equal("Article 5\n\nBody of 5.", german.Text);
        Assert.Equal(["setup"], german.Labels);
        Assert.Equal(1, zd.Calls("/api/v2/help_center/locales"));
        Assert.Equal(1, zd.Calls("/api/v2/help_center/de/articles"));
    }

    [Fact]
    public async Task ATranslationIsItsOwnArticleBesideItsOriginal()
    {
        var data = Build();
        data.Articles.AddRange(
        [
            Article(7, "en-us", T0.AddDays(1), title: "Set up the bridge"),
            Article(7, "de", T0.AddDays(2), title: "Bridge einrichten", sourceLocale: "en-us"),
            Article(8, "de", T0.AddDays(3), title: "Nur auf Deutsch"),
        ]);
        await using var zd = await ZendeskHarness.StartAsync(data);

        var articles = await zd.Client.GetArticlesAsync(CancellationToken.None);
        var changes = await zd.Client.GetArticleChangesAsync(T0, CancellationToken.None);

        Assert.Equal(["7", "7-de", "8"], articles.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal("Bridge einrichten", articles.Single(a => a.Id == "7-de").Title);
        Assert.Equal("Set up the bridge", articles.Single(a => a.Id == "7").Title);
        Assert.Equal(["7", "7-de", "8"], changes.Articles.Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ArticleListsFollowNextPage()
    {
        var data = WithArticles();
        data.Articles.AddRange(Enumerable.Range(10, 150).Select(i => Article(i, "en-us", T0)));
        await using var zd = await ZendeskHarness.StartAsync(data);

        var articles = await zd.Client.GetArticlesAsync(CancellationToken.None);

        Assert.Equal(153, articles.Count(a => a.Locale == "en-us"));
        Assert.Equal(2, zd.Calls("/api/v2/help_center/en-us/articles")); // 100 per page
    }

    [Fact]
    public async Task ArticleChangesSinceATimeIncludeDraftsAndTellWhereToStartNext()
    {
        var data = WithArticles();
        await using var zd = await ZendeskHarness.StartAsync(data);

        var changes = await zd.Client.GetArticleChangesAsync(T0.AddDays(2), CancellationToken.None);

        Assert.Equal(["2", "3", "4", "5"], changes.Articles.Select(a => a.Id).Order());
        Assert.True(changes.Articles.Single(a => a.Id == "3").Draft);
        Assert.Equal(T0.AddDays(5), changes.NextStart);
        // Zendesk's incremental export, for every locale at once (two pages of two here).
        var export = zd.Fake.Requests.Where(r => r.Path.EndsWith("/articles", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, export.Count);
        Assert.All(export, r => Assert.Equal("/api/v2/help_center/incremental/articles", r.Path));
        Assert.All(export, r => Assert.Contains($"start_time={T0.AddDays(2).ToUnixTimeSeconds()}", r.Query));
    }

    [Fact]
    public async Task ArticleChangesPickUpAnEditedArticle()
    {
        var data = WithArticles();
        await using var zd = await ZendeskHarness.StartAsync(data);
        var first = await zd.Client.GetArticleChangesAsync(T0, CancellationToken.None);

        var edited = Article(1, "en-us", default, title: "Article 1, revised");
        data.UpsertArticle(edited, T0.AddDays(10));
        var second = await zd.Client.GetArticleChangesAsync(first.NextStart.AddSeconds(1), CancellationToken.None);

        var changed = Assert.Single(second.Articles);
        Assert.Equal("Article 1, revised", changed.Title);
        Assert.Equal(T0.AddDays(10), second.NextStart);
    }

    [Fact]
    public async Task NoArticleChangesKeepTheStartTime()
    {
        await using var zd = await ZendeskHarness.StartAsync(WithArticles());

        var changes = await zd.Client.GetArticleChangesAsync(T0.AddDays(30), CancellationToken.None);

        Assert.Empty(changes.Articles);
        Assert.Equal(T0.AddDays(30), changes.NextStart);
    }

    [Fact]
    public async Task MacrosFollowOffsetPagesAndReadTheirCommentAction()
    {
        var data = Build();
        data.MacroPageSize = 2;
        for (var i = 1; i <= 5; i++)
        {
            data.Macros.Add(new FakeMacro { Id = i, Title = $"Macro {i}", Description = $"Use {i}", Comment = $"Hi {{{{ticket.requester.first_name}}}},\n\nAnswer {i}." });
        }
        data.Macros.Add(new FakeMacro { Id = 6, Title = "HTML macro", Comment = "<p>Hello <strong>there</strong></p><ul><li>one</li></ul>" });
        data.Macros.Add(new FakeMacro { Id = 7, Title = "Retired", Active = false, Comment = "old" });
        await using var zd = await ZendeskHarness.StartAsync(data);

        var macros = await zd.Client.GetMacrosAsync(CancellationToken.None);

        Assert.Equal(["1", "2", "3", "4", "5", "6"], macros.Select(m => m.Id));
        Assert.Equal("Hi {{ticket.requester.first_name}},\n\nAnswer 1.", macros[0].Text);
        Assert.Equal("Use 1", macros[0].Description);
        Assert.Equal("Hello there\n\n- one", macros[5].Text);
        Assert.Equal(3, zd.Calls("/api/v2/macros/active"));
    }

    [Fact]
    public async Task DemoCompanyMacrosReadBackWithTheirTitles()
    {
        var data = FakeZendeskData.LoadDemo();
        await using var zd = await ZendeskHarness.StartAsync(data);

        var macros = await zd.Client.GetMacrosAsync(CancellationToken.None);

        Assert.Equal("Lumora Home", data.Company.Name);
        Assert.Equal(data.Macros.Where(m => m.Active).Select(m => m.Title), macros.Select(m => m.Title));
        Assert.All(macros, m => Assert.False(string.IsNullOrWhiteSpace(m.Text)));
    }
}
