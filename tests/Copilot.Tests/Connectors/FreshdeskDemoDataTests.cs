using System.Text.RegularExpressions;
using Copilot.Fakes.Freshdesk;
using Copilot.Fakes.Zendesk;

namespace Copilot.Tests.Connectors;

/// <summary>The Freshdesk demo company, Spokewise: whole, consistent, and holding the cases the copilot is built for.</summary>
public sealed class FreshdeskDemoDataTests
{
    private readonly FakeFreshdeskData _data = FakeFreshdeskData.LoadDemo();

    [Fact]
    public void DemoDataRefersOnlyToPeopleFoldersRolesAndGroupsThatExist()
    {
        var people = _data.Agents.Select(a => a.Id).Concat(_data.Contacts.Select(c => c.Id)).ToHashSet();
        var folders = _data.Folders.Select(f => f.Id).ToHashSet();

        Assert.All(_data.Tickets, t => Assert.Contains(t.RequesterId, _data.Contacts.Select(c => c.Id)));
        Assert.All(_data.Tickets.SelectMany(t => t.Conversations), c => Assert.Contains(c.UserId, people));
        Assert.All(_data.Tickets, t => Assert.True(t.GroupId is null || _data.Groups.Any(g => g.Id == t.GroupId)));
        Assert.All(_data.Folders, f => Assert.Contains(f.CategoryId, _data.Categories.Select(c => c.Id)));
        Assert.All(_data.Articles, a => Assert.Contains(a.FolderId, folders));
        Assert.All(_data.Agents.SelectMany(a => a.RoleIds), r => Assert.Contains(r, _data.Roles.Select(role => role.Id)));
        Assert.All(_data.CannedResponses, r => Assert.Contains(r.FolderId, _data.CannedFolders.Select(f => f.Id)));
        Assert.Equal(_data.Tickets.SelectMany(t => t.Conversations).Count(), _data.Tickets.SelectMany(t => t.Conversations).Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void TheDemoCompanyHoldsTheCasesTheCopilotIsBuiltFor()
    {
        var visible = _data.Folders.Where(f => f.Visibility != 3).Select(f => f.Id).ToHashSet();
        var published = _data.Articles.Where(a => a.Status == 2 && visible.Contains(a.FolderId)).ToList();
        var shared = _data.CannedResponses.Where(r => !_data.CannedFolders.Single(f => f.Id == r.FolderId).Personal).ToList();
        var tags = _data.Tickets.SelectMany(t => t.Tags).ToHashSet();
        var languages = _data.Tickets.Select(t => _data.Contacts.Single(c => c.Id == t.RequesterId).Language).ToHashSet();

        Assert.Equal("Spokewise", _data.Company.Name);
        Assert.True(published.Count >= 30, $"{published.Count} published articles");
        Assert.True(published.Select(a => a.FolderId).Distinct().Count() >= 5);
        Assert.Superset(new HashSet<string> { "de", "nl", "pt-BR" }, published.SelectMany(a => a.Translations).Select(t => t.Language).ToHashSet());
        Assert.Contains(_data.Articles, a => a.Status == 1);
        Assert.Equal(10, shared.Count);
        Assert.All(shared, r => Assert.Matches(new Regex(@"\{\{ticket\.[a-z_.]+\}\}"), r.ContentHtml));
        Assert.Equal(40, _data.Tickets.Count);
        Assert.Superset(new HashSet<string> { "en", "de", "nl", "pt-BR", "es" }, languages);
        Assert.Superset(new HashSet<string> { "angry", "billing_dispute", "account-access", "thanks", "legal", "chargeback" }, tags);
        Assert.True(_data.Tickets.Count(t => t.Conversations.Any(c => c.Private)) >= 5);
        Assert.Equal([2, 3, 4, 5], _data.Tickets.Select(t => t.Status).Distinct().Order());
        Assert.True(_data.Agents.Count >= 5 && _data.Groups.Count >= 4);
    }

    [Fact]
    public void SpokewiseIsItsOwnCompanyNotACopyOfTheZendeskDemo()
    {
        var lumora = FakeZendeskData.LoadDemo();

        Assert.NotEqual(lumora.Company.Name, _data.Company.Name);
        Assert.Empty(_data.Articles.Select(a => a.Title).Intersect(lumora.Articles.Select(a => a.Title)));
        Assert.Empty(_data.Tickets.Select(t => t.Subject).Intersect(lumora.Tickets.Select(t => t.Subject)));
        Assert.Empty(_data.Contacts.Select(c => c.Name).Concat(_data.Agents.Select(a => a.Name)).Intersect(lumora.Users.Select(u => u.Name)));
    }
}
