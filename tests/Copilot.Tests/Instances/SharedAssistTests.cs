using System.Net;
using Copilot.Api.Knowledge;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Instances;

/// <summary>Two instances on one store and one Redis share the assist cache: its entries, its invalidation, its single flight.</summary>
public sealed class SharedAssistTests
{
    [Fact]
    public async Task ACommentWebhookReceivedByOneInstanceReachesTheOthersCachedSummaryWithinASecond()
    {
        await using var two = await TwoInstances.StartAsync();
        // Once through, so that what is measured is the path, not its first run.
        await TwoInstances.CommentReachesOtherAsync(two.Zendesk, two.A.Client, two.B.Client, 122);

        var (elapsed, before, after, comment) = await TwoInstances.CommentReachesOtherAsync(two.Zendesk, two.A.Client, two.B.Client, 149);

        // Instance B, which never heard from Zendesk, no longer serves the summary it held: it shows the new thread.
        Assert.Equal(comment, after.GetProperty("latestCommentId").GetInt64());
        Assert.NotEqual(before.GetProperty("assistId").GetString(), after.GetProperty("assistId").GetString());
        Assert.NotEqual(before.GetProperty("summary").ToString(), after.GetProperty("summary").ToString());
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"B showed the new thread {elapsed.TotalMilliseconds:0} ms after A took the webhook.");
    }

    [Fact]
    public async Task TwentyConcurrentColdOpensOfOneTicketAcrossTwoInstancesMakeTwoHelpdeskCalls()
    {
        await using var two = await TwoInstances.StartAsync();
        var hold = two.Zendesk.Faults.Hold();

        var opens = Enumerable.Range(0, 20).Select(i => TwoInstances.AssistAsync(i % 2 == 0 ? two.A : two.B, 127)).ToList();
        await FakeClock.WaitForAsync(() => two.Calls == 1, "the ticket read");
        // Give the other opens a moment to arrive on both instances while the read is held.
        await Task.Delay(200);
        hold.Release();
        var responses = await Task.WhenAll(opens);

        // One read of the ticket for both instances: the ticket with its users, and one page of comments.
        Assert.Equal(2, two.Calls);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var assists = new HashSet<string>();
        foreach (var response in responses)
        {
            assists.Add((await HelpdeskFaultHostBody(response)).GetProperty("assistId").GetString()!);
            response.Dispose();
        }
        Assert.Single(assists);
        // Either instance reopens it from its cache, and records what the sidebar displayed from either.
        Assert.True((await TwoInstances.AssistBodyAsync(two.B, 127)).GetProperty("cached").GetBoolean());
        Assert.Equal(2, two.Calls);
    }

    [Fact]
    public async Task AnAssistComputedOnOneInstanceIsServedByTheOtherFromRedisAndItsDisplayIsRecordedThere()
    {
        await using var two = await TwoInstances.StartAsync();
        var onA = await TwoInstances.AssistBodyAsync(two.A, 122);
        Assert.Equal(2, two.Calls);

        var onB = await TwoInstances.AssistBodyAsync(two.B, 122);
        var ids = await AssistDisplay.ShowAsync(two.B.Client, onB);

        Assert.True(onB.GetProperty("cached").GetBoolean());
        Assert.Equal(onA.GetProperty("assistId").GetString(), onB.GetProperty("assistId").GetString());
        Assert.Equal(2, two.Calls);
        Assert.False(string.IsNullOrEmpty(ids.GetProperty("summary").GetString()));
        Assert.Equal(1L, await two.A.ScalarAsync("SELECT COUNT(*) FROM suggestions WHERE ticket_id = 122 AND kind = 'summary'"));
    }

    [Fact]
    public async Task AnArticleImportedOnOneInstanceShowsOnTheOthersNextOpenOfATicketItHadCached()
    {
        await using var two = await TwoInstances.StartAsync();
        using (var sync = await two.A.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true")))
        {
            sync.EnsureSuccessStatusCode();
        }
        await TwoInstances.AssistBodyAsync(two.B, 102);
        Assert.True((await TwoInstances.AssistBodyAsync(two.B, 102)).GetProperty("cached").GetBoolean());

        var ticket = two.Zendesk.Data.Tickets.Single(t => t.Id == 102);
        var before = DateTimeOffset.UtcNow;
        using (var import = await two.A.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/import",
            new StringContent(System.Text.Json.JsonSerializer.Serialize(new { id = "bridge-wifi-checklist", title = ticket.Subject, body = ticket.Comments[0].HtmlBody }),
                System.Text.Encoding.UTF8, "application/x-ndjson"))))
        {
            import.EnsureSuccessStatusCode();
        }
        // B shares no store announcements with A (one SQLite file): it hears of the import through Redis.
        var heard = two.B.Services.GetRequiredService<KnowledgeChanges>();
        await FakeClock.WaitForAsync(() => heard.ChangedSince(CopilotTestHost.TenantId, before, heard.Instance), "B hearing of A's import");
        var onB = await TwoInstances.AssistBodyAsync(two.B, 102);

        Assert.False(onB.GetProperty("cached").GetBoolean());
        Assert.Equal("bridge-wifi-checklist", onB.GetProperty("articles")[0].GetProperty("sourceId").GetString());
    }

    private static Task<System.Text.Json.JsonElement> HelpdeskFaultHostBody(HttpResponseMessage response) =>
        Functional.HelpdeskFaultHost.BodyAsync(response);
}
