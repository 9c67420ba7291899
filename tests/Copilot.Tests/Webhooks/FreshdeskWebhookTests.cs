using System.Net;
using System.Text.Json;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Webhooks;

[CollectionDefinition(Name)]
public sealed class FreshdeskWebhookCollection : ICollectionFixture<FreshdeskWebhookFixture>
{
    public const string Name = "Freshdesk webhooks";
}

/// <summary>Outcome and comment events from a Freshdesk tenant's automation rules, over HTTP against the fake Freshdesk.</summary>
[Collection(FreshdeskWebhookCollection.Name)]
public sealed class FreshdeskWebhookTests(FreshdeskWebhookFixture fixture)
{
    [Fact]
    public async Task AResolvedTicketIsRecordedAsSolvedOnceHoweverOftenFreshdeskRedeliversIt()
    {
        var body = FreshdeskDelivery.StatusChanged(102, from: 2, to: 4);

        using var first = await fixture.SendAsync(FreshdeskWebhookFixture.Tenant, body);
        using var again = await fixture.SendAsync(FreshdeskWebhookFixture.Tenant, body);
        using var retried = await fixture.SendAsync(FreshdeskWebhookFixture.Tenant, body);

        var receipt = await ReceiptAsync(first);
        Assert.Equal("Solved", receipt.GetProperty("kind").GetString());
        Assert.False(receipt.GetProperty("duplicate").GetBoolean());
        Assert.True((await ReceiptAsync(again)).GetProperty("duplicate").GetBoolean());
        Assert.True((await ReceiptAsync(retried)).GetProperty("duplicate").GetBoolean());
        Assert.Equal(1, await fixture.CountAsync("SELECT count(*) FROM webhook_events WHERE tenant = 'spokes' AND ticket_id = 102"));
        Assert.Equal(1, await fixture.CountAsync("SELECT count(*) FROM ticket_outcomes WHERE tenant = 'spokes' AND ticket_id = 102 AND solved_at IS NOT NULL AND created_at = '2026-11-02T09:15:00Z'"));
    }

    [Fact]
    public async Task AClosedTicketThatIsReopenedCountsAReopenAndIsNoLongerSolved()
    {
        using (var closed = await fixture.SendAsync(FreshdeskWebhookFixture.Tenant, FreshdeskDelivery.StatusChanged(104, from: 3, to: 5, FreshdeskDelivery.Time(TimeSpan.FromSeconds(-20)))))
        {
            Assert.Equal("Solved", (await ReceiptAsync(closed)).GetProperty("kind").GetString());
        }
        using (var reopened = await fixture.SendAsync(FreshdeskWebhookFixture.Tenant, FreshdeskDelivery.StatusChanged(104, from: 5, to: 2)))
        {
            Assert.Equal("Reopened", (await ReceiptAsync(reopened)).GetProperty("kind").GetString());
        }

        Assert.Equal(1, await fixture.CountAsync("SELECT count(*) FROM ticket_outcomes WHERE tenant = 'spokes' AND ticket_id = 104 AND reopened = 1 AND solved_at IS NULL"));
    }

    [Fact]
    public async Task ACommentEventRefreshesTheCachedAssistSoTheNextOpenShowsTheNewConversation()
    {
        var before = await AssistAsync(106);
        var conversation = fixture.Freshdesk.Data.AddConversation(106, 43000200006, "<div>Still charged twice, and the bike never unlocked.</div>", incoming: true);
        // Without the event, the cached assist is what an open gets: Freshdesk's new reply is not in it.
        Assert.Equal(before.GetProperty("assistId").GetString(), (await AssistAsync(106)).GetProperty("assistId").GetString());

        using (var delivered = await fixture.SendAsync(FreshdeskWebhookFixture.Tenant, FreshdeskDelivery.CommentAdded(106)))
        {
            Assert.Equal("CommentAdded", (await ReceiptAsync(delivered)).GetProperty("kind").GetString());
        }

        // The refresh runs in the background; the next open gets the new thread either way.
        var after = before;
        for (var attempt = 0; attempt < 100 && after.GetProperty("latestCommentId").GetInt64() != conversation.Id; attempt++)
        {
            await Task.Delay(100);
            after = await AssistAsync(106);
        }
        Assert.Equal(conversation.Id, after.GetProperty("latestCommentId").GetInt64());
        Assert.NotEqual(before.GetProperty("assistId").GetString(), after.GetProperty("assistId").GetString());
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task AnEventWhoseTimeIsOutsideTheWindowIsRefusedAndStoresNothing(int minutes)
    {
        var body = FreshdeskDelivery.StatusChanged(108, from: 2, to: 4, FreshdeskDelivery.Time(TimeSpan.FromMinutes(minutes)));

        using var response = await fixture.SendAsync(FreshdeskWebhookFixture.Tenant, body);

        await Security.Problems.AssertAsync(response, HttpStatusCode.Unauthorized, "stale time");
        Assert.Equal(0, await fixture.CountAsync("SELECT count(*) FROM webhook_events WHERE tenant = 'spokes' AND ticket_id = 108"));
        Assert.Equal(0, await fixture.CountAsync("SELECT count(*) FROM ticket_outcomes WHERE tenant = 'spokes' AND ticket_id = 108"));
    }

    private async Task<JsonElement> AssistAsync(long ticket)
    {
        // As the Freshworks app calls: the tenant's secret, an active Spokewise agent (Ana Lima).
        using var response = await fixture.Client.SendAsync(CopilotTestHost.FreshworksApp(HttpMethod.Get, $"/api/tickets/{ticket}/assist", 43000100003,
            tenant: FreshdeskWebhookFixture.Tenant, secret: FreshdeskWebhookFixture.SharedSecret));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<JsonElement> ReceiptAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
