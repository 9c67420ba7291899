using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Api.Knowledge;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Functional;

/// <summary>
/// What the sidebar shows of an article reads on its own: the passage that matched is cut from the article by length, but
/// the text shown starts where the article's list does, with the steps in order.
/// </summary>
public sealed class AssistPassageTests
{
    private const long Agent = 2001;
    private const long Customer = 501;
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    // Cut into passages of 40–80 words, the part about a red light is in the third, which opens on step 4's text.
    private const string RemoteArticle = """
        <p>The Dimmer Remote controls one room at a time. It runs on a coin cell that lasts about two years, and it keeps working when your internet is down.</p>
        <h2>Pair the remote</h2>
        <p>To pair the remote with a room:</p>
        <ol>
        <li>Open the Lumora app and go to Settings &gt; Accessories.</li>
        <li>Tap Add accessory and choose Dimmer Remote.</li>
        <li>Pull the battery tab out of the back of the remote.</li>
        <li>Hold the top and bottom buttons together for five seconds.</li>
        <li>When the light on the remote blinks green, choose the room it should control.</li>
        <li>Tap Done. The remote is ready to use.</li>
        </ol>
        <p>If the light blinks red, the remote is too far from the Bridge or a light. Move closer and try again.</p>
        """;

    private static FakeZendeskData Account()
    {
        var data = new FakeZendeskData
        {
            Company = new FakeCompany { Name = "Lumora", Subdomain = "lumora", HelpCenterUrl = "https://help.example.com/hc" },
            Users =
            [
                new FakeUser { Id = Agent, Name = "Sam Rivera", Email = "sam@lumora.example", Role = "agent" },
                new FakeUser { Id = Customer, Name = "Ana Souza", Email = "ana@mail.example" },
            ],
            Sections = [new FakeSection { Id = 1, Name = "Accessories" }],
            Articles =
            [
                new FakeArticle { Id = 301, Title = "Pair a Dimmer Remote", SectionId = 1, Body = RemoteArticle, CreatedAt = At, UpdatedAt = At },
                new FakeArticle { Id = 302, Title = "Shipping times", SectionId = 1, Body = "<p>Orders placed before 14:00 on a business day leave the warehouse the same day.</p>", CreatedAt = At, UpdatedAt = At },
            ],
        };
        data.Tickets.Add(new FakeTicket
        {
            Id = 7001, Subject = "Remote blinks red", Status = "open", RequesterId = Customer, CreatedAt = At, UpdatedAt = At,
            Comments = [new FakeComment { Id = 70011, AuthorId = Customer, Public = true, CreatedAt = At,
                HtmlBody = "<p>I'm pairing my new Dimmer Remote and its light blinks red every time. Is it too far from the Bridge? Should I move closer?</p>" }],
        });
        return data;
    }

    private static async Task WaitForEmbeddingsAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            using var response = await client.SendAsync(CopilotTestHost.Admin(HttpMethod.Get, $"/api/admin/tenants/{CopilotTestHost.TenantId}"));
            var embeddings = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("embeddings");
            if (embeddings.GetProperty("passages").GetInt64() > 0 && embeddings.GetProperty("embedded").GetInt64() == embeddings.GetProperty("passages").GetInt64())
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, "passages were not embedded in time: " + embeddings);
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task AnArticlesPassageThatMatchedDeepInAListIsShownFromTheListsIntroductionWithItsStepsInOrder()
    {
        await using var zendesk = await FakeZendesk.StartAsync(Account());
        await using var host = await CopilotTestHost.StartAsync(zendesk);
        using (var sync = await host.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true")))
        {
            sync.EnsureSuccessStatusCode();
        }
        await WaitForEmbeddingsAsync(host.Client);

        using var response = await host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/7001/assist"));
        response.EnsureSuccessStatusCode();
        var assist = await response.Content.ReadFromJsonAsync<JsonElement>();

        var article = Assert.Single(assist.GetProperty("articles").EnumerateArray(), a => a.GetProperty("sourceId").GetString() == "301");
        var shown = article.GetProperty("passage").GetString()!;
        Assert.StartsWith("To pair the remote with a room:\n1. Open the Lumora app", shown, StringComparison.Ordinal);
        var steps = shown.Split('\n').Select(TextBlocks.Step).Where(s => s is not null).Select(s => s!.Value.Number).ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6], steps);
        Assert.Contains("If the light blinks red, the remote is too far from the Bridge", shown, StringComparison.Ordinal);
        Assert.InRange(PassageSplitter.WordCount(shown), 1, PassageExcerpt.MaxWords);
    }
}
