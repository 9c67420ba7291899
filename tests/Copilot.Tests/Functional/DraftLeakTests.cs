using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Fakes.Abcd;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Functional;

/// <summary>
/// The 50 ABCD chats served as solved tickets by the fake Zendesk and indexed as past replies by a real sync,
/// then a draft for each chat through the real host: nothing another chat's customer said or was given may
/// reach the draft, nor the colleagues' cases shown beside it.
/// </summary>
public sealed class DraftLeakTests
{
    [AbcdFact]
    public async Task DraftsForTheAbcdChatsHoldNoOtherChatsNamesCredentialsAmountsOrOrderIds()
    {
        var chats = AbcdChats.Load(AbcdData.Folder);
        var leaks = new AbcdLeaks(chats);
        await using var zendesk = await FakeZendesk.StartAsync(chats.ToZendesk());
        await using var host = await CopilotTestHost.StartAsync(zendesk);
        using (var sync = CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true"))
        using (var synced = await host.Client.SendAsync(sync))
        {
            synced.EnsureSuccessStatusCode();
            var result = JsonDocument.Parse(await synced.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(chats.Chats.Count, result.GetProperty("pastReplies").GetInt32());
        }

        var found = new List<string>();
        var colleagueCases = 0;
        for (var i = 0; i < chats.Chats.Count; i++)
        {
            using var request = CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/tickets/{AbcdChats.OpenTicketId(i)}/draft", JsonContent.Create(new { agentName = "Sam Rivera" }));
            using var response = await host.Client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var shown = new List<string> { body.GetProperty("text").GetString()! };
            if (body.TryGetProperty("colleagueCases", out var cases))
            {
                colleagueCases += cases.GetArrayLength();
                shown.AddRange(cases.EnumerateArray().Select(c => c.GetProperty("excerpt").GetString()! + "\n" + c.GetProperty("title").GetString()));
            }
            found.AddRange(leaks.Find(string.Join("\n", shown), i).Select(s => $"chat {chats.Chats[i].ConvoId}: {s}"));
        }

        Assert.True(colleagueCases >= chats.Chats.Count / 2, $"Only {colleagueCases} colleagues' cases were shown: the past replies were not retrieved, so the check proves nothing.");
        Assert.True(found.Count == 0, "Other chats' details reached drafts or colleagues' cases:\n" + string.Join("\n", found));
    }
}
