using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Knowledge;

/// <summary>An offline tenant (no model provider) searches by meaning with the built-in embedding model.</summary>
public sealed class OfflineSemanticSearchTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    private const string Paraphrase = "My lamps keep going dark and then bright again, like a strobe at a party.";

    private async Task<JsonElement> TenantStatusAsync()
    {
        using var response = await fixture.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Get, $"/api/admin/tenants/{CopilotTestHost.TenantId}"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task WaitForEmbeddingsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var embeddings = (await TenantStatusAsync()).GetProperty("embeddings");
            if (embeddings.GetProperty("passages").GetInt64() > 0
                && embeddings.GetProperty("embedded").GetInt64() == embeddings.GetProperty("passages").GetInt64())
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, "passages were not embedded in time: " + embeddings);
            await Task.Delay(250);
        }
    }

    private long AddTicket(long id, string subject, string body)
    {
        var at = DateTimeOffset.Parse("2026-11-20T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        fixture.Zendesk.Data.AddTicket(new FakeTicket
        {
            Id = id, Subject = subject, Status = "open", RequesterId = 1016, CreatedAt = at, UpdatedAt = at,
            Comments = [new FakeComment { Id = id * 100 + 1, AuthorId = 1016, CreatedAt = at, HtmlBody = "<p>" + System.Net.WebUtility.HtmlEncode(body) + "</p>" }],
        });
        return id;
    }

    [Fact]
    public async Task TheOfflineTenantReportsTheBuiltInModelAndEmbedsItsPassages()
    {
        await WaitForEmbeddingsAsync();

        var embeddings = (await TenantStatusAsync()).GetProperty("embeddings");
        Assert.StartsWith("arctic-embed-xs", embeddings.GetProperty("model").GetString());
    }

    [Fact]
    public async Task AnArticleThatSharesNoKeywordWithTheTicketIsFoundByMeaning()
    {
        await WaitForEmbeddingsAsync();
        var ticket = AddTicket(9701, "Weird light behaviour", Paraphrase);

        using var keywordSearch = CopilotTestHost.Admin(HttpMethod.Get,
            $"/api/admin/tenants/{CopilotTestHost.TenantId}/knowledge/search?kind=article&k=3&q={Uri.EscapeDataString(Paraphrase)}");
        using var keywordResponse = await fixture.Client.SendAsync(keywordSearch);
        var keywordTitles = (await keywordResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("title").GetString()).ToList();
        using var assist = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, $"/api/tickets/{ticket}/assist"));
        assist.EnsureSuccessStatusCode();
        var articles = (await assist.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("articles").EnumerateArray()
            .Select(a => a.GetProperty("title").GetString()).ToList();

        Assert.DoesNotContain("Fix flickering bulbs", keywordTitles);
        Assert.Contains("Fix flickering bulbs", articles);
    }
}
