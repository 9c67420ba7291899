using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Dashboard;

/// <summary>
/// The real host on 127.0.0.1 with tenant "acme" on a minimal Zendesk stand-in (its app's
/// public key and its users: an agent, a team lead by custom role, an admin), and a built-app
/// folder holding the dashboard page.
/// </summary>
public sealed partial class DashboardTestHost : IAsyncDisposable
{
    public const long AppId = 360002;
    public const long Agent = 2001, Lead = 2002, Admin = 2003;
    private const long LeadRole = 77;

    private readonly TestApp _app;
    private readonly WebApplication _zendesk;
    private readonly RSA _key;
    private readonly string _dir;

    public HttpClient Http { get; }

    /// <summary>The host's services, for a test that stages data the dashboard reads.</summary>
    public IServiceProvider Services => _app.Services;
    public Uri ZendeskUrl { get; }

    private DashboardTestHost(TestApp app, WebApplication zendesk, RSA key, string dir, HttpClient http, Uri zendeskUrl)
    {
        _app = app; _zendesk = zendesk; _key = key; _dir = dir; Http = http; ZendeskUrl = zendeskUrl;
    }

    public static async Task<DashboardTestHost> StartAsync()
    {
        var key = RSA.Create(2048);
        var zendesk = await StartZendeskAsync(key.ExportSubjectPublicKeyInfoPem());
        var zendeskUrl = new Uri(Address(zendesk));
        var dir = Directory.CreateTempSubdirectory("copilot-dashboard-").FullName;
        var appDir = Directory.CreateDirectory(Path.Combine(dir, "dist")).FullName;
        foreach (var page in new[] { "sidebar.html", "dashboard.html" })
        {
            await File.WriteAllTextAsync(Path.Combine(appDir, page), $"""<html><head><meta name="copilot-session" content="%COPILOT_SESSION%"><meta name="copilot-host" content="%COPILOT_HOST%"></head><body>{page}</body></html>""");
        }
        var app = await new TestHostBuilder()
            .WithTenant("acme", zendeskUrl, "acme-shared-secret-0123456789-abcdefghij")
            .WithSidebarApp(appDir)
            .With("Sidebar:Tenants:acme:AppId", AppId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Sidebar:Tenants:acme:TeamLeadCustomRoleIds:0", LeadRole.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .StartAsync();
        return new DashboardTestHost(app, zendesk, key, dir, app.CreateClient(), zendeskUrl);
    }

    /// <summary>What the dashboard needs from Zendesk: the app's public key and users.</summary>
    private static async Task<WebApplication> StartZendeskAsync(string publicKeyPem)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var zendesk = builder.Build();
        var users = new Dictionary<long, object>
        {
            [Agent] = new { id = Agent, name = "Sam Agent", email = "sam@acme.example", role = "agent", active = true },
            [Lead] = new { id = Lead, name = "Lee Lead", email = "lee@acme.example", role = "agent", custom_role_id = LeadRole, active = true },
            [Admin] = new { id = Admin, name = "Ada Admin", email = "ada@acme.example", role = "admin", active = true },
        };
        zendesk.MapGet($"/api/v2/apps/{AppId}/public_key.pem", () => Results.Text(publicKeyPem, "application/x-pem-file"));
        zendesk.MapGet("/api/v2/users/{id:long}", (long id) => users.TryGetValue(id, out var u) ? Results.Json(new { user = u }) : Results.NotFound());
        zendesk.MapGet("/api/v2/users", () => Results.Json(new { users = users.Values }));
        await zendesk.StartAsync();
        return zendesk;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>Zendesk's signed load of the top-bar app for a user, as a form POST to /dashboard/.</summary>
    public async Task<HttpResponseMessage> LoadDashboardAsync(long user, string accept = "text/html", RSA? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dashboard/")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = SignLoad(user, key) }),
        };
        request.Headers.Accept.ParseAdd(accept);
        return await Http.SendAsync(request);
    }

    /// <summary>A session as the sidebar's signed load starts it (any agent).</summary>
    public async Task<string> SidebarSessionAsync(long user)
    {
        using var response = await Http.PostAsync("/sidebar/", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = SignLoad(user) }));
        response.EnsureSuccessStatusCode();
        return SessionOf(await response.Content.ReadAsStringAsync());
    }

    public async Task<HttpResponseMessage> GetAsAsync(string path, string session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session);
        return await Http.SendAsync(request);
    }

    private string SignLoad(long user, RSA? key = null)
    {
        var origin = ZendeskUrl.GetLeftPart(UriPartial.Authority);
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ZendeskUrl.Authority,
            Audience = $"{origin}/api/v2/apps/installations/42.json",
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = user.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["context"] = new Dictionary<string, object> { ["product"] = "support", ["location"] = "nav_bar" },
            },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? _key), SecurityAlgorithms.RsaSha256),
        });
    }

    public static string SessionOf(string html) => SessionMeta().Match(html) is { Success: true } m ? m.Groups[1].Value : "";

    [GeneratedRegex("name=\"copilot-session\" content=\"([^\"]*)\"")]
    private static partial Regex SessionMeta();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
        await _zendesk.StopAsync();
        await _zendesk.DisposeAsync();
        _key.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
