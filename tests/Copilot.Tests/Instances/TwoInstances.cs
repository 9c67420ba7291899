using System.Text.Json;
using Copilot.Api.Redis;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Instances;

/// <summary>
/// Two instances of the copilot — two real hosts, each with its own Kestrel, services, memory and Redis connection,
/// in this test process — on one store file and one real Redis, in front of one fake Zendesk (the Lumora Home account),
/// as two processes behind a load balancer would be.
/// </summary>
internal sealed class TwoInstances : IAsyncDisposable
{
    private readonly string _storeDirectory;

    private TwoInstances(FakeZendesk zendesk, RedisServer redis, string storeDirectory, CopilotTestHost a, CopilotTestHost b)
    {
        (Zendesk, Redis, _storeDirectory, A, B) = (zendesk, redis, storeDirectory, a, b);
    }

    public FakeZendesk Zendesk { get; }
    public RedisServer Redis { get; }
    public CopilotTestHost A { get; }
    public CopilotTestHost B { get; }

    /// <summary>The store file both instances write.</summary>
    public string StorePath => Path.Combine(_storeDirectory, "copilot.db");

    /// <summary>Calls the fake Zendesk has had from both, in all.</summary>
    public int Calls => Zendesk.Requests.Count;

    public static async Task<TwoInstances> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        var redis = await RedisServer.StartAsync();
        var storeDirectory = Directory.CreateTempSubdirectory("copilot-shared-store-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["Copilot:Redis:Configuration"] = redis.Configuration,
            ["Copilot:Zendesk:BaseDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }
        var store = Path.Combine(storeDirectory, "copilot.db");
        // One after the other, as a rolling start would: the second finds the store migrated.
        var a = await CopilotTestHost.StartAsync(zendesk, config, h => h.WithStore(store));
        var b = await CopilotTestHost.StartAsync(zendesk, config, h => h.WithStore(store));
        var instances = new TwoInstances(zendesk, redis, storeDirectory, a, b);
        await instances.WaitForRedisAsync(available: true);
        return instances;
    }

    public async Task WaitForRedisAsync(bool available)
    {
        await FakeClock.WaitForAsync(() => Connection(A).Available == available && Connection(B).Available == available,
            available ? "both instances connected to Redis" : "both instances lost Redis");
    }

    public static SharedRedis Connection(CopilotTestHost host) => host.Services.GetRequiredService<SharedRedis>();

    public static Task<HttpResponseMessage> AssistAsync(CopilotTestHost host, long ticket) => AssistAsync(host.Client, ticket);

    public static Task<HttpResponseMessage> AssistAsync(HttpClient instance, long ticket) =>
        instance.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, $"/api/tickets/{ticket}/assist"));

    public static Task<JsonElement> AssistBodyAsync(CopilotTestHost host, long ticket) => AssistBodyAsync(host.Client, ticket);

    public static async Task<JsonElement> AssistBodyAsync(HttpClient instance, long ticket)
    {
        using var response = await AssistAsync(instance, ticket);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> CommentWebhookAsync(CopilotTestHost host, long ticket) => CommentWebhookAsync(host.Client, ticket);

    /// <summary>
    /// A comment added to <paramref name="ticket"/> at the fake Zendesk and its webhook delivered to <paramref name="receiver"/>;
    /// returns how long <paramref name="other"/>, which held the ticket's assist, took to show the new thread, and what it showed.
    /// </summary>
    public static async Task<(TimeSpan Elapsed, JsonElement Before, JsonElement After, long CommentId)> CommentReachesOtherAsync(
        FakeZendesk zendesk, HttpClient receiver, HttpClient other, long ticket)
    {
        var before = await AssistBodyAsync(other, ticket);
        Assert.True((await AssistBodyAsync(other, ticket)).GetProperty("cached").GetBoolean());
        var comment = zendesk.Data.AddComment(ticket, 1016, "<p>It dropped out again last night, even after moving the Bridge closer.</p>");
        using (var delivered = await CommentWebhookAsync(receiver, ticket))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, delivered.StatusCode);
        }
        var since = System.Diagnostics.Stopwatch.StartNew();
        var after = before;
        while (after.GetProperty("latestCommentId").GetInt64() != comment.Id && since.Elapsed < TimeSpan.FromSeconds(20))
        {
            after = await AssistBodyAsync(other, ticket);
        }
        return (since.Elapsed, before, after, comment.Id);
    }

    /// <summary>Zendesk's comment webhook for <paramref name="ticket"/>, signed, delivered to <paramref name="instance"/>.</summary>
    public static Task<HttpResponseMessage> CommentWebhookAsync(HttpClient instance, long ticket) => CommentWebhook.SendAsync(instance, ticket);

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Redis.DisposeAsync();
        await Zendesk.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestApp.DeleteDirectory(_storeDirectory);
    }
}
