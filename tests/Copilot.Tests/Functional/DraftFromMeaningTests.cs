using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Functional;

/// <summary>
/// A customer who words the question unlike the help center does: once the built-in model has read the articles, the
/// offline draft answers from the article it finds by meaning, and says so (<c>foundByMeaning</c>), so the agent checks it.
/// </summary>
public sealed class DraftFromMeaningTests
{
    [Fact]
    public async Task AParaphrasedQuestionIsAnsweredFromTheArticleFoundByMeaningAndTheDraftSaysSo()
    {
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        await using var host = await CopilotTestHost.StartAsync(zendesk);
        await host.SyncAsync(embed: true);
        var requester = zendesk.Data.Users.First(u => u.Role == "end-user");
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        zendesk.Data.AddTicket(new FakeTicket
        {
            Id = 9501, Subject = "Blinking bedside light", Status = "open", RequesterId = requester.Id, CreatedAt = at, UpdatedAt = at,
            Comments = [new FakeComment { Id = 950101, AuthorId = requester.Id, CreatedAt = at, HtmlBody = "<p>Hi, the bedside light blinks nonstop every evening. What should I do?</p>" }],
        });

        using var response = await host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, "/api/tickets/9501/draft", JsonContent.Create(new { agentName = "Sam" })));
        response.EnsureSuccessStatusCode();
        var draft = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("answer", draft.GetProperty("draftKind").GetString());
        Assert.True(draft.GetProperty("foundByMeaning").GetBoolean(), draft.GetProperty("text").GetString());
        Assert.Contains("flicker", Assert.Single(draft.GetProperty("citations").EnumerateArray()).GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase);
    }
}
