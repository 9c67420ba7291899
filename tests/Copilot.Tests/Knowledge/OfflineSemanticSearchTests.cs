using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Connectors.Models.Local;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Knowledge;

/// <summary>An offline tenant (no model provider) searches by meaning with the built-in embedding model.</summary>
public sealed class OfflineSemanticSearchTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    private const string Paraphrase = "My lamps keep going dark and then bright again, like a strobe at a party.";

    private static async Task<JsonElement> TenantStatusAsync(HttpClient client)
    {
        using var response = await client.SendAsync(CopilotTestHost.Admin(HttpMethod.Get, $"/api/admin/tenants/{CopilotTestHost.TenantId}"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task WaitForEmbeddingsAsync() => WaitForEmbeddingsAsync(fixture.Client);

    /// <summary>Waits until every passage of the tenant is read by the model; the tenant's embeddings status then.</summary>
    internal static async Task<JsonElement> WaitForEmbeddingsAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var embeddings = (await TenantStatusAsync(client)).GetProperty("embeddings");
            if (embeddings.GetProperty("passages").GetInt64() > 0
                && embeddings.GetProperty("embedded").GetInt64() == embeddings.GetProperty("passages").GetInt64())
            {
                return embeddings;
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

        var embeddings = (await TenantStatusAsync(fixture.Client)).GetProperty("embeddings");
        Assert.StartsWith("all-minilm-l6-v2-int8", embeddings.GetProperty("model").GetString());
    }

    [Fact]
    public async Task AnArticleThatSharesNoKeywordWithTheTicketIsFoundByMeaning()
    {
        await WaitForEmbeddingsAsync();
        var ticket = AddTicket(9701, "Weird light behaviour", Paraphrase);

        // The admin search runs the assist's search and says what found each source.
        using var adminSearch = CopilotTestHost.Admin(HttpMethod.Get,
            $"/api/admin/tenants/{CopilotTestHost.TenantId}/knowledge/search?kind=article&k=3&q={Uri.EscapeDataString(Paraphrase)}");
        using var searchResponse = await fixture.Client.SendAsync(adminSearch);
        var flickering = (await searchResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hits").EnumerateArray()
            .Single(h => h.GetProperty("title").GetString() == "Fix flickering bulbs");
        using var assist = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, $"/api/tickets/{ticket}/assist"));
        assist.EnsureSuccessStatusCode();
        var articles = (await assist.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("articles").EnumerateArray()
            .Select(a => a.GetProperty("title").GetString()).ToList();

        Assert.True(flickering.GetProperty("relevance").GetDouble() < 0.5, "keywords alone would not show it"); // below the article floor
        Assert.True(flickering.GetProperty("similarity").GetDouble() > 0);
        Assert.Contains("Fix flickering bulbs", articles);
    }
    [Fact]
    public async Task ALongMessageWhoseRequestComesAfterItsContextFindsTheArticlesAboutTheRequest()
    {
        await WaitForEmbeddingsAsync();

        // Ticket 114: what was bought, since when, how the app is used, and only then the refund demand.
        using var assist = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/114/assist"));

        assist.EnsureSuccessStatusCode();
        var articles = (await assist.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("articles").EnumerateArray()
            .Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Contains("Refund policy", articles);
        Assert.DoesNotContain("Add Glow bulbs to the app", articles);
    }

    [Fact]
    public async Task AnArticleTheModelFindsLittleCloserThanAnUnrelatedOneIsNotShownBesideTheAnswers()
    {
        await WaitForEmbeddingsAsync();

        // Ticket 139: a former employee owns the company's Lumora homes. Every article is about Lumora, so the model finds
        // the subscription article about as close as any unrelated one.
        using var assist = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/139/assist"));

        assist.EnsureSuccessStatusCode();
        var articles = (await assist.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("articles").EnumerateArray()
            .Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Contains("Share your home and transfer ownership", articles);
        Assert.DoesNotContain("Manage or cancel your Lumora Plus subscription", articles);
    }
}

/// <summary>A deployment that chooses the other built-in model gets it, with its own floors, on the same HTTP paths.</summary>
public sealed class OfflineModelChoiceTests
{
    [Fact]
    public async Task ArcticEmbedXsConfiguredEmbedsThePassagesAndFindsTheParaphrase()
    {
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        await using var host = await CopilotTestHost.StartAsync(zendesk, new Dictionary<string, string?> { ["Copilot:Knowledge:OfflineModel"] = "arctic-embed-xs" });
        using (var sync = CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true"))
        {
            (await host.Client.SendAsync(sync)).EnsureSuccessStatusCode();
        }
        var embeddings = await OfflineSemanticSearchTests.WaitForEmbeddingsAsync(host.Client);
        var at = DateTimeOffset.Parse("2026-11-20T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        zendesk.Data.AddTicket(new FakeTicket
        {
            Id = 9711, Subject = "Weird light behaviour", Status = "open", RequesterId = 1016, CreatedAt = at, UpdatedAt = at,
            Comments = [new FakeComment { Id = 971101, AuthorId = 1016, CreatedAt = at, HtmlBody = "<p>My lamps keep going dark and then bright again, like a strobe at a party.</p>" }],
        });

        using var assist = await host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/9711/assist"));

        assist.EnsureSuccessStatusCode();
        Assert.StartsWith("arctic-embed-xs-int8", embeddings.GetProperty("model").GetString());
        var articles = (await assist.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("articles").EnumerateArray()
            .Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Contains("Fix flickering bulbs", articles);
    }
}

