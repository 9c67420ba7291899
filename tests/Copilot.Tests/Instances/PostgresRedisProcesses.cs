using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Npgsql;

namespace Copilot.Tests.Instances;

/// <summary>
/// One real PostgreSQL (the test run's, a database per test) and one real <c>redis-server</c> (this class's own, as tests
/// stop it) for API processes of their own (<see cref="ApiProcess"/>), configured as an operator deploys several instances.
/// </summary>
public sealed class PostgresRedisProcesses : IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;

    public async Task InitializeAsync() => Redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Redis.DisposeAsync();

    /// <summary>A new, empty database on the shared PostgreSQL server.</summary>
    public static async Task<string> DatabaseAsync() => await (await PostgresServer.Shared).CreateDatabaseAsync();

    /// <summary>The environment of one instance: the store on <paramref name="database"/>, this Redis, the Lumora tenant on <paramref name="zendesk"/>.</summary>
    public Dictionary<string, string> Settings(FakeZendesk zendesk, string database, int syncIntervalMinutes = 0)
    {
        const string tenant = "Copilot:Tenants:" + CopilotTestHost.TenantId + ":";
        return new Dictionary<string, string>
        {
            ["Copilot:Store:Provider"] = "postgres",
            ["Copilot:Store:ConnectionString"] = database,
            ["Copilot:Redis:Configuration"] = Redis.Configuration,
            ["Copilot:Demo:Enabled"] = "false",
            ["Copilot:AdminKey"] = CopilotTestHost.AdminKey,
            ["Copilot:Zendesk:BaseDelay"] = "00:00:00",
            // The load below is many agents' worth; the built-in embedder would only compete with it for the cores.
            ["Copilot:RateLimits:PerAgent"] = "100000",
            ["Copilot:RateLimits:PerTenant"] = "1000000",
            ["Copilot:Knowledge:OfflineEmbeddings"] = "false",
            ["Copilot:Knowledge:SchedulerTickSeconds"] = "1",
            [tenant + "Helpdesk"] = "zendesk",
            [tenant + "BaseUrl"] = zendesk.BaseUrl.ToString(),
            [tenant + "Email"] = zendesk.Data.Email,
            [tenant + "ApiToken"] = zendesk.Data.ApiToken,
            [tenant + "SharedSecret"] = CopilotTestHost.SharedSecret,
            [tenant + "WebhookSecret"] = CopilotTestHost.WebhookSecret,
            [tenant + "SyncIntervalMinutes"] = syncIntervalMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Two instances started at once, as a deployment starts them (migrations applied once, under the lock).</summary>
    public static async Task<(ApiProcess A, ApiProcess B)> StartTwoAsync(Dictionary<string, string> settings)
    {
        var a = ApiProcess.StartAsync(settings);
        var b = ApiProcess.StartAsync(settings);
        try
        {
            await Task.WhenAll(a, b);
        }
        catch
        {
            foreach (var started in new[] { a, b }.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }
            throw;
        }
        await WaitForRedisAsync("Healthy", a.Result, b.Result);
        return (a.Result, b.Result);
    }

    /// <summary>Waits until each instance's <c>/health/ready</c> reports Redis as <paramref name="status"/>.</summary>
    public static Task WaitForRedisAsync(string status, params ApiProcess[] instances) =>
        FakeClock.WaitForAsync(() => instances.All(i => RedisStatus(i) == status), $"Redis {status} on every instance");

    public static string? RedisStatus(ApiProcess api) =>
        ReadyAsync(api).GetAwaiter().GetResult().Body.GetProperty("entries").GetProperty("redis").GetProperty("status").GetString();

    public static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(ApiProcess api)
    {
        using var response = await api.Client.GetAsync("/health/ready");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>Tickets of the Lumora Home account that get a draft (others are kept with a person: no suggestion).</summary>
    public static readonly long[] Drafted = [118, 126, 132, 135];

    /// <summary>A draft of <paramref name="ticket"/> as the sidebar asks for it; its suggestion id (null: withheld).</summary>
    public static async Task<string?> DraftAsync(HttpClient instance, long ticket, string agent = "2001")
    {
        using var response = await instance.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/tickets/{ticket}/draft", agent: agent));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"draft of {ticket}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.TryGetProperty("suggestionId", out var id) ? id.GetString() : null;
    }

    /// <summary>One feedback event as the sidebar posts it; the answer's status (a transport failure throws).</summary>
    public static async Task<HttpStatusCode> FeedbackAsync(HttpClient instance, string suggestion, string eventId, int variant = 0)
    {
        object payload = (variant % 3) switch
        {
            0 => new { eventId, outcome = "accepted" },
            1 => new { eventId, outcome = "edited", finalText = "Thanks for your patience: the refund is on its way, and you will see it within five days." },
            _ => new { eventId, outcome = "rejected", reason = "wrong-facts" },
        };
        using var response = await instance.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/suggestions/{suggestion}/feedback", JsonContent.Create(payload)));
        return response.StatusCode;
    }

    /// <summary>How many rows the store holds for each event id of the tenant's feedback.</summary>
    public static async Task<Dictionary<string, long>> StoredEventsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT event_id, count(*) FROM feedback WHERE tenant = 'acme' GROUP BY event_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }
}
