using System.Net;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Instances;

public sealed partial class PostgresRedisProcessesTests
{
    /// <summary>
    /// Redis stops under two instances on PostgreSQL: every request still succeeds, readiness reports Redis degraded, a
    /// token id is still accepted once across both (the store answers), and once Redis is back they share again.
    /// </summary>
    [Fact]
    public async Task WithRedisStoppedBothInstancesServeFromTheStoreReportItAndShareAgainWhenItReturns()
    {
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        var database = await PostgresRedisProcesses.DatabaseAsync();
        var (a, b) = await PostgresRedisProcesses.StartTwoAsync(shared.Settings(zendesk, database));
        await using var _ = a;
        await using var __ = b;
        await TwoInstances.AssistBodyAsync(a.Client, 102);
        Assert.True((await TwoInstances.AssistBodyAsync(b.Client, 102)).GetProperty("cached").GetBoolean());

        await shared.Redis.KillAsync();
        try
        {
            await PostgresRedisProcesses.WaitForRedisAsync("Degraded", a, b);

            foreach (var (instance, i) in new[] { (a, 0), (b, 1) })
            {
                Assert.True((await TwoInstances.AssistBodyAsync(instance.Client, 102)).GetProperty("cached").GetBoolean());
                Assert.False((await TwoInstances.AssistBodyAsync(instance.Client, 104 + i)).GetProperty("cached").GetBoolean());
                var draft = await PostgresRedisProcesses.DraftAsync(instance.Client, PostgresRedisProcesses.Drafted[i]) ?? throw new InvalidOperationException("No draft.");
                Assert.Equal(HttpStatusCode.Created, await PostgresRedisProcesses.FeedbackAsync(instance.Client, draft, $"outage-{i}"));
                var (status, ready) = await PostgresRedisProcesses.ReadyAsync(instance);
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Equal("Degraded", ready.GetProperty("status").GetString());
                Assert.Equal("Healthy", ready.GetProperty("entries").GetProperty("store").GetProperty("status").GetString());
                Assert.Contains("Redis cannot be reached", ready.GetProperty("entries").GetProperty("redis").GetProperty("description").GetString());
            }
            // Without Redis a token id is checked against the store, which both instances share.
            var token = CopilotTestHost.MintToken();
            using (var first = await b.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/102/assist", token: token)))
            {
                Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            }
            using (var replayed = await a.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/102/assist", token: token)))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
            }
        }
        finally
        {
            await shared.Redis.RestartAsync();
        }

        await PostgresRedisProcesses.WaitForRedisAsync("Healthy", a, b);
        var (recovered, body) = await PostgresRedisProcesses.ReadyAsync(a);
        Assert.Equal(HttpStatusCode.OK, recovered);
        Assert.Equal("Healthy", body.GetProperty("entries").GetProperty("redis").GetProperty("status").GetString());
        // Shared again: an assist worked out on A is served by B without reading the helpdesk.
        await TwoInstances.AssistBodyAsync(a.Client, 108);
        var calls = zendesk.Requests.Count;
        Assert.True((await TwoInstances.AssistBodyAsync(b.Client, 108)).GetProperty("cached").GetBoolean());
        Assert.Equal(calls, zendesk.Requests.Count);
        Assert.Equal(2, (await PostgresRedisProcesses.StoredEventsAsync(database)).Count);
    }
}
