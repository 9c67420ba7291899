using System.Net;
using System.Text.Json;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Instances;

/// <summary>
/// The proofs of <see cref="SharedAssistTests"/> and <see cref="SharedReplayTests"/> once more with the API as two
/// processes of its own (<c>dotnet Copilot.Api.dll</c>, configured by environment variables), one store file and one
/// real Redis: nothing is shared through the test process.
/// </summary>
public sealed class TwoProcessesTests
{
    [Fact]
    public async Task TwoApiProcessesShareOneReadPerColdTicketTheirTokenIdsAndAWebhooksInvalidation()
    {
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        await using var redis = await RedisServer.StartAsync();
        var directory = Directory.CreateTempSubdirectory("copilot-processes-").FullName;
        try
        {
            var settings = Settings(zendesk, redis, Path.Combine(directory, "copilot.db"));
            await using var a = await ApiProcess.StartAsync(settings);
            await using var b = await ApiProcess.StartAsync(settings);
            await FakeClock.WaitForAsync(() => RedisAnswers(a) && RedisAnswers(b), "both processes connected to Redis");

            // Twenty concurrent cold opens of one ticket, half on each process: one read of it.
            var hold = zendesk.Faults.Hold();
            var opens = Enumerable.Range(0, 20).Select(i => TwoInstances.AssistAsync(i % 2 == 0 ? a.Client : b.Client, 127)).ToList();
            await FakeClock.WaitForAsync(() => zendesk.Requests.Count == 1, "the ticket read");
            await Task.Delay(200);
            hold.Release();
            var responses = await Task.WhenAll(opens);
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var assists = new HashSet<string>();
            foreach (var response in responses)
            {
                assists.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("assistId").GetString()!);
                response.Dispose();
            }
            Assert.Single(assists);
            Assert.Equal(2, zendesk.Requests.Count);

            // A token used on one process is refused by the other.
            var token = CopilotTestHost.MintToken();
            using (var first = await a.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/127/assist", token: token)))
            {
                Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            }
            using (var replayed = await b.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/127/assist", token: token)))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
            }

            // A comment webhook taken by one process reaches the other's cached summary within a second (once through first,
            // so that what is measured is the path, not its first run in each process).
            await TwoInstances.CommentReachesOtherAsync(zendesk, a.Client, b.Client, 122);
            var (elapsed, _, after, comment) = await TwoInstances.CommentReachesOtherAsync(zendesk, a.Client, b.Client, 149);
            Assert.Equal(comment, after.GetProperty("latestCommentId").GetInt64());
            Assert.True(elapsed < TimeSpan.FromSeconds(1), $"B showed the new thread {elapsed.TotalMilliseconds:0} ms after A took the webhook.");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TestApp.DeleteDirectory(directory);
        }
    }

    private static Dictionary<string, string> Settings(FakeZendesk zendesk, RedisServer redis, string store)
    {
        const string tenant = "Copilot:Tenants:" + CopilotTestHost.TenantId + ":";
        return new Dictionary<string, string>
        {
            ["Copilot:Store:Path"] = store,
            ["Copilot:Redis:Configuration"] = redis.Configuration,
            ["Copilot:Demo:Enabled"] = "false",
            ["Copilot:AdminKey"] = CopilotTestHost.AdminKey,
            ["Copilot:Zendesk:BaseDelay"] = "00:00:00",
            [tenant + "Helpdesk"] = "zendesk",
            [tenant + "BaseUrl"] = zendesk.BaseUrl.ToString(),
            [tenant + "Email"] = zendesk.Data.Email,
            [tenant + "ApiToken"] = zendesk.Data.ApiToken,
            [tenant + "SharedSecret"] = CopilotTestHost.SharedSecret,
            [tenant + "WebhookSecret"] = CopilotTestHost.WebhookSecret,
            [tenant + "SyncIntervalMinutes"] = "0",
        };
    }

    private static bool RedisAnswers(ApiProcess api)
    {
        using var response = api.Client.GetAsync("/health/ready").GetAwaiter().GetResult();
        var body = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement;
        return body.GetProperty("entries").GetProperty("redis").GetProperty("status").GetString() == "Healthy";
    }
}
