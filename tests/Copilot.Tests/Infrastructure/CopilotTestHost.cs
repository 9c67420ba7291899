using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Copilot.Api.Auth;
using Copilot.Fakes.Freshdesk;
using Copilot.Fakes.Zendesk;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Copilot.Tests.Infrastructure;

/// <summary>
/// The real Copilot host on Kestrel at 127.0.0.1 with a temporary SQLite file, configured
/// with one tenant ("acme") pointing at the given helpdesk, Zendesk or Freshdesk. Mints the tokens
/// Zendesk's proxy would, and builds the requests Freshworks' proxy sends.
/// </summary>
public sealed class CopilotTestHost : IAsyncDisposable
{
    public const string TenantId = "acme";
    public const string SharedSecret = "acme-shared-secret-0123456789-abcdefghij-0123456789-abcdefghijklmn";
    public const string AdminKey = "test-admin-key-0123456789";
    public const string WebhookSecret = "acme-webhook-signing-secret-for-tests";

    private readonly TestApp _app;

    private CopilotTestHost(TestApp app)
    {
        _app = app;
        Client = app.CreateClient();
    }

    public Uri BaseUrl => _app.BaseUrl;
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;
    public string DatabasePath => _app.DatabasePath;

    /// <summary>One number read from the host's store.</summary>
    public Task<long> ScalarAsync(string sql) => _app.ScalarAsync(sql);

    /// <summary>One text value read from the host's store (null for none).</summary>
    public Task<string?> ScalarTextAsync(string sql) => _app.ScalarTextAsync(sql);

    public const string OtherTenantId = "other";
    public const string OtherSharedSecret = "other-shared-secret-0123456789-abcdefghij";

    public static async Task<CopilotTestHost> StartAsync(FakeZendesk zendesk, IDictionary<string, string?>? settings = null, Action<TestHostBuilder>? configure = null) =>
        await StartAsync(zendesk.BaseUrl, zendesk.Data.Email, zendesk.Data.ApiToken, settings, configure);

    /// <param name="configure">Adds to the host (a clock, a fake, a log provider) before it starts.</param>
    public static async Task<CopilotTestHost> StartAsync(Uri helpdeskBaseUrl, string email, string apiToken, IDictionary<string, string?>? settings = null, Action<TestHostBuilder>? configure = null)
    {
        var host = new TestHostBuilder()
            .WithAdminKey(AdminKey)
            .With("Copilot:Demo:Enabled", "false")
            .With($"Copilot:Tenants:{TenantId}:Helpdesk", "zendesk")
            .WithTenant(TenantId, helpdeskBaseUrl, SharedSecret, email, apiToken, WebhookSecret)
            .WithTenant(OtherTenantId, helpdeskBaseUrl, OtherSharedSecret, email, apiToken)
            .WithSettings(settings);
        configure?.Invoke(host);
        return new CopilotTestHost(await host.StartAsync());
    }

    /// <summary>
    /// The same host on a Freshdesk account: tenants "acme" and "other" (each with its own shared secret) on the fake
    /// Freshdesk's account, called as the Freshworks app calls (<see cref="FreshworksApp"/>). Agents holding the account's
    /// team-lead role (<see cref="FreshdeskPeople.TeamLeadRole"/>, when it has one) are acme's team leads.
    /// </summary>
    /// <param name="configure">Adds to the host (a clock, a fake, a log provider, another tenant) before it starts.</param>
    public static async Task<CopilotTestHost> StartFreshdeskAsync(FakeFreshdesk freshdesk, IDictionary<string, string?>? settings = null, Action<TestHostBuilder>? configure = null)
    {
        var host = new TestHostBuilder()
            .WithAdminKey(AdminKey)
            .With("Copilot:Demo:Enabled", "false")
            .WithFreshdeskTenant(TenantId, freshdesk.BaseUrl, freshdesk.Data.ApiKey, SharedSecret, WebhookSecret)
            .WithFreshdeskTenant(OtherTenantId, freshdesk.BaseUrl, freshdesk.Data.ApiKey, OtherSharedSecret);
        if (FreshdeskPeople.TeamLeadRoleOf(freshdesk.Data) is { } leads)
        {
            host.With($"Sidebar:Tenants:{TenantId}:TeamLeadRoleIds:0", leads.ToString(CultureInfo.InvariantCulture));
        }
        host.WithSettings(settings);
        configure?.Invoke(host);
        return new CopilotTestHost(await host.StartAsync());
    }

    /// <summary>
    /// A request as Freshworks' proxy sends one of the app's request templates (<c>sidebar-app/freshworks/config/requests.json</c>):
    /// <c>Authorization: CopilotApp {secret}</c>, the tenant, the signed-in agent's Freshdesk id, JSON asked for.
    /// </summary>
    public static HttpRequestMessage FreshworksApp(HttpMethod method, string path, long agent, HttpContent? content = null, string tenant = TenantId, string secret = SharedSecret)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue(FreshworksAppCredentials.Scheme, secret);
        request.Headers.Add(FreshworksAppCredentials.TenantHeader, tenant);
        request.Headers.Add(FreshworksAppCredentials.AgentHeader, agent.ToString(CultureInfo.InvariantCulture));
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    /// <summary>A token as Zendesk's app proxy signs it: HS256 with the tenant's shared secret.</summary>
    /// <param name="notBefore">Its <c>nbf</c>, from now (default 5 s ago).</param>
    public static string MintToken(
        string? agent = "2001",
        string issuer = TenantId,
        string secret = SharedSecret,
        TimeSpan? lifetime = null,
        string? jti = null,
        bool includeJti = true,
        bool includeExpiry = true,
        string algorithm = SecurityAlgorithms.HmacSha256,
        TimeSpan? notBefore = null,
        DateTime? issuedAt = null,
        long? iat = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>();
        if (agent is not null)
        {
            claims["sub"] = agent;
        }
        if (includeJti)
        {
            claims["jti"] = jti ?? Guid.NewGuid().ToString("N");
        }
        if (iat is { } raw)
        {
            claims["iat"] = raw; // as the browser wrote it, a time or not
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Claims = claims,
            IssuedAt = iat is null ? issuedAt ?? now : null,
            NotBefore = now.Add(notBefore ?? TimeSpan.FromSeconds(-5)),
            Expires = includeExpiry ? now.Add(lifetime ?? TimeSpan.FromMinutes(5)) : null,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), algorithm),
        };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = includeExpiry };
        return handler.CreateToken(descriptor);
    }

    /// <summary>A request as the sidebar sends it, with a fresh token.</summary>
    public static HttpRequestMessage Sidebar(HttpMethod method, string path, HttpContent? content = null, string? agent = "2001", string? token = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? MintToken(agent));
        return request;
    }

    /// <summary>A sidebar session for the agent, as the signed load issues it: the only proof that names an agent.</summary>
    public static string Session(IServiceProvider services, string agent, string tenant = TenantId)
    {
        var t = services.GetRequiredService<Copilot.Api.Tenants.TenantRegistry>().Find(tenant)!;
        return services.GetRequiredService<Copilot.Api.Sidebar.SessionTokens>().Issue(t, agent, "Agent " + agent, "agent", DateTimeOffset.UtcNow).Token;
    }

    public static HttpRequestMessage Admin(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Admin-Key", AdminKey);
        return request;
    }

    /// <summary>
    /// A full knowledge sync of the test tenant through the admin API; with <paramref name="embed"/>, the built-in model
    /// then reads every passage, so searches fuse meaning with keywords from the first assist.
    /// </summary>
    public async Task SyncAsync(bool embed = false)
    {
        using (var sync = await Client.SendAsync(Admin(HttpMethod.Post, $"/api/admin/tenants/{TenantId}/sync?full=true")))
        {
            sync.EnsureSuccessStatusCode();
        }
        if (embed)
        {
            var tenant = Services.GetRequiredService<Copilot.Api.Tenants.TenantRegistry>().Find(TenantId)!;
            await Services.GetRequiredService<Copilot.Api.Knowledge.Vectors.PassageVectors>().EmbedMissingAsync(tenant, int.MaxValue, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
