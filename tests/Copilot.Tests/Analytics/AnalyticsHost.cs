using Copilot.Api.Auth;
using Copilot.Tests.Infrastructure;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Copilot.Api.Analytics;
using Copilot.Api.Sidebar;
using Copilot.Api.Store;
using Copilot.Api.Tenants;
using Copilot.Api.Webhooks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Copilot.Tests.Analytics;

/// <summary>
/// The real host on 127.0.0.1:0 with a fresh SQLite file and two tenants (acme, other). Team-lead
/// sessions are real sessions, issued by the sidebar's <see cref="SessionTokens"/> as a signed load would.
/// </summary>
public sealed class AnalyticsHost : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key-0123456789";
    public const string SharedSecret = "acme-shared-secret-0123456789-abcdef";
    public const string WebhookSecret = "acme-webhook-signing-secret";
    public const string OtherWebhookSecret = "other-webhook-signing-secret";

    private readonly TestApp _app;

    private AnalyticsHost(TestApp app)
    {
        _app = app;
        Client = app.CreateClient();
    }

    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;
    public Db Db => _app.Services.GetRequiredService<Db>();

    public static async Task<AnalyticsHost> StartAsync(Action<IServiceCollection>? services = null, Dictionary<string, string?>? settings = null)
    {
        var host = new TestHostBuilder()
            .WithAdminKey(AdminKey)
            .With("Copilot:Analytics:MinutesSavedPerAccepted:draft", "10");
        foreach (var (id, secret) in new[] { ("acme", WebhookSecret), ("other", OtherWebhookSecret) })
        {
            host.WithTenant(id, new Uri("http://127.0.0.1:9"), SharedSecret + id, "agent@example.com", webhookSecret: secret);
        }
        host.WithSettings(settings);
        if (services is not null)
        {
            host.WithServices(services);
        }
        return new AnalyticsHost(await host.StartAsync());
    }

    public HttpRequestMessage AsAdmin(string url) => With(url, r => r.Headers.Add(AdminKeyHandler.Header, AdminKey));

    /// <summary>A session of the tenant's agent 7 with the given role, as the sidebar's signed load starts it.</summary>
    public HttpRequestMessage AsSession(string url, string tenant, string role) => With(url, r =>
    {
        var sessions = Services.GetRequiredService<SessionTokens>();
        var (token, _) = sessions.Issue(Services.GetRequiredService<TenantRegistry>().Find(tenant)!, "7", "Agent Seven", role, Services.GetRequiredService<TimeProvider>().GetUtcNow());
        r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    });

    /// <summary>A real sidebar token: an agent, who has no analytics role.</summary>
    public HttpRequestMessage AsAgent(string url, string tenant = "acme") => With(url, r =>
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = tenant,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["jti"] = Guid.NewGuid().ToString("N"), ["sub"] = "agent-7" },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SharedSecret + tenant)), SecurityAlgorithms.HmacSha256),
        });
        r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    });

    private static HttpRequestMessage With(string url, Action<HttpRequestMessage> configure)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure(request);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
