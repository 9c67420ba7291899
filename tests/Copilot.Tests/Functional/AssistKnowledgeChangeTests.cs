using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Functional;

/// <summary>
/// A cached assist is served until the thread changes or its minutes are up — unless the tenant's curated knowledge
/// changed since it was worked out: an imported article or a saved procedure shows on the ticket's next open, without a
/// refresh. Past replies, which every sync adds to, and an import that changes nothing leave the cache alone.
/// </summary>
public sealed class AssistKnowledgeChangeTests
{
    private const long Ticket = 102;

    [Fact]
    public async Task AnArticleOrAProcedureChangedAfterAnAssistShowsOnTheTicketsNextOpenAndAPastReplyOrAnUnchangedImportDoesNotRecompute()
    {
        var time = FakeClock.AtNow();
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        await using var host = await CopilotTestHost.StartAsync(zendesk, configure: b => b.WithClock(time));
        Assert.True((await SyncAsync(host)).GetProperty("indexed").GetInt32() > 0);
        var (_, before) = await AssistAsync(host);
        Assert.True((await AssistAsync(host)).Cached);

        // An article written for exactly this ticket's question.
        var question = zendesk.Data.Tickets.Single(t => t.Id == Ticket);
        var article = JsonSerializer.Serialize(new { id = "bridge-wifi-checklist", title = question.Subject, body = question.Comments[0].HtmlBody });
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await ImportAsync(host, article)).GetProperty("indexed").GetInt32());
        var (afterImport, withArticle) = await AssistAsync(host);
        var (importedAgain, _) = await ImportThenAssistAsync(host, time, article);

        time.Advance(TimeSpan.FromSeconds(1));
        using (var put = await host.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Put, $"/api/admin/tenants/{CopilotTestHost.TenantId}/procedures/bridge-offline",
            JsonContent.Create(new { intent = "zz-bridge", title = question.Subject, steps = "1. Ask which router model they use.\n2. Check the Bridge is on 2.4 GHz." }))))
        {
            put.EnsureSuccessStatusCode();
        }
        var (afterProcedure, withProcedure) = await AssistAsync(host);

        // A newly solved ticket: the sync indexes it as a past reply, which does not make the assist out of date.
        zendesk.Data.AddTicket(new FakeTicket
        {
            Id = 9102, Subject = question.Subject, Status = "solved", RequesterId = question.RequesterId, CreatedAt = question.CreatedAt, UpdatedAt = question.UpdatedAt,
            Comments =
            [
                new FakeComment { Id = 910201, AuthorId = question.Comments[0].AuthorId, CreatedAt = question.CreatedAt, HtmlBody = question.Comments[0].HtmlBody },
                new FakeComment { Id = 910202, AuthorId = AgentOf(zendesk.Data), CreatedAt = question.CreatedAt.AddHours(1), HtmlBody = "<p>Switching the router's 2.4 GHz band back on fixed it.</p>" },
            ],
        });
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await SyncAsync(host)).GetProperty("indexed").GetInt32());
        var (afterPastReply, _) = await AssistAsync(host);

        Assert.DoesNotContain("bridge-wifi-checklist", Ids(before, "articles"));
        Assert.False(afterImport);
        Assert.Equal("bridge-wifi-checklist", Ids(withArticle, "articles").First());
        Assert.True(importedAgain);
        Assert.False(afterProcedure);
        Assert.Equal("bridge-offline", Assert.Single(withProcedure.GetProperty("procedures").EnumerateArray()).GetProperty("id").GetString());
        Assert.True(afterPastReply);
    }

    private static long AgentOf(FakeZendeskData data) => data.Users.First(u => u.Role is "agent" or "admin").Id;

    private static IEnumerable<string> Ids(JsonElement assist, string kind) =>
        assist.GetProperty(kind).EnumerateArray().Select(a => a.GetProperty("sourceId").GetString()!).ToList();

    /// <summary>The same article again: unchanged, so the next open is served from the cache.</summary>
    private static async Task<(bool Cached, JsonElement Body)> ImportThenAssistAsync(CopilotTestHost host, Microsoft.Extensions.Time.Testing.FakeTimeProvider time, string article)
    {
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await ImportAsync(host, article)).GetProperty("unchanged").GetInt32());
        return await AssistAsync(host);
    }

    private static async Task<(bool Cached, JsonElement Body)> AssistAsync(CopilotTestHost host)
    {
        using var response = await host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, $"/api/tickets/{Ticket}/assist"));
        response.EnsureSuccessStatusCode();
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (body.GetProperty("cached").GetBoolean(), body);
    }

    private static async Task<JsonElement> SyncAsync(CopilotTestHost host)
    {
        using var response = await host.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true"));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<JsonElement> ImportAsync(CopilotTestHost host, string line)
    {
        using var response = await host.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/import",
            new StringContent(line, Encoding.UTF8, "application/x-ndjson")));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
