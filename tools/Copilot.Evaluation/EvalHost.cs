extern alias api;

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Copilot.Fakes.Zendesk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Copilot.Evaluation;

/// <summary>
/// The real Copilot host (offline provider, temporary SQLite file) with one tenant on a fake Zendesk holding the
/// given data, its knowledge synced once and read by the built-in model; drafts are asked for over HTTP as the sidebar
/// asks for them.
/// </summary>
public sealed class EvalHost : IAsyncDisposable
{
    private const string Tenant = "eval";
    private const string Secret = "evaluation-shared-secret-0123456789-abcdefghij-0123456789";
    private readonly FakeZendesk _zendesk;
    private readonly WebApplication _app;
    private readonly string _folder;
    private readonly HttpClient _client;

    private EvalHost(FakeZendesk zendesk, WebApplication app, string folder, Uri baseUrl)
    {
        (_zendesk, _app, _folder) = (zendesk, app, folder);
        _client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
    }

    public JsonElement Sync { get; private set; }

    /// <summary>The host's services, for what no route exposes as such (a matcher asked with a given intent).</summary>
    public IServiceProvider Services => _app.Services;

    public const string TenantId = Tenant;
    private const string AdminKey = "evaluation-admin-key-0123456789";

    /// <summary>PUT to the tenant's admin API (<c>/api/admin/tenants/{tenant}/…</c>); the response as JSON.</summary>
    public async Task<JsonElement> AdminPutAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/tenants/{Tenant}/{path}") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Admin-Key", AdminKey);
        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT {path}: {(int)response.StatusCode} {text}");
        }
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <param name="settings">Configuration beside the evaluation's own (a run of hundreds of drafts lifts the model rate limits).</param>
    public static async Task<EvalHost> StartAsync(FakeZendeskData data, IDictionary<string, string?>? settings = null)
    {
        // Hundreds of tickets read in a minute, faster than any Zendesk plan allows: the evaluation measures the drafts, not the pacing.
        data.RateLimitPerMinute = int.MaxValue;
        var zendesk = await FakeZendesk.StartAsync(data);
        var folder = Directory.CreateTempSubdirectory("copilot-eval-host-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["Copilot:Store:Path"] = Path.Combine(folder, "copilot.db"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Copilot:AdminKey"] = AdminKey,
            ["Copilot:Demo:Enabled"] = "false",
            [$"Copilot:Tenants:{Tenant}:Helpdesk"] = "zendesk",
            [$"Copilot:Tenants:{Tenant}:BaseUrl"] = zendesk.BaseUrl.ToString(),
            [$"Copilot:Tenants:{Tenant}:Email"] = data.Email,
            [$"Copilot:Tenants:{Tenant}:ApiToken"] = data.ApiToken,
            [$"Copilot:Tenants:{Tenant}:SharedSecret"] = Secret,
            [$"Copilot:Tenants:{Tenant}:SyncIntervalMinutes"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }
        var app = api::Program.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(config);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var host = new EvalHost(zendesk, app, folder, new Uri(address));
        using var sync = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/tenants/{Tenant}/sync?full=true");
        sync.Headers.Add("X-Admin-Key", config["Copilot:AdminKey"]);
        using var response = await host._client.SendAsync(sync);
        response.EnsureSuccessStatusCode();
        host.Sync = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        await Indexing.WaitForVectorsAsync(app.Services, Tenant);
        return host;
    }

    /// <summary>The draft response for a ticket, as JSON.</summary>
    public async Task<JsonElement> DraftAsync(long ticket, string agentName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{ticket}/draft") { Content = JsonContent.Create(new { agentName }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        using var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>DELETE on the tenant's admin API (<c>/api/admin/tenants/{tenant}/…</c>).</summary>
    public async Task AdminDeleteAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/tenants/{Tenant}/{path}");
        request.Headers.Add("X-Admin-Key", AdminKey);
        using var response = await _client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"DELETE {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The actions proposed for a ticket (<c>GET /api/tickets/{id}/actions</c>), as JSON.</summary>
    public async Task<JsonElement> ActionsAsync(long ticket)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tickets/{ticket}/actions");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        using var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The assist response for a ticket (summary, sources with their passages), as JSON.</summary>
    public async Task<JsonElement> AssistAsync(long ticket)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tickets/{ticket}/assist");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        using var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static string Token()
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Tenant,
            Claims = new Dictionary<string, object> { ["sub"] = "2001", ["jti"] = Guid.NewGuid().ToString("N") },
            IssuedAt = now, NotBefore = now.AddSeconds(-5), Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)), SecurityAlgorithms.HmacSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _zendesk.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
