using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Copilot.Api.Auth;
using Copilot.Api.Sidebar;
using Copilot.Api.Tenants;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Copilot.Tests.Sidebar;

/// <summary>
/// The real host on 127.0.0.1 with tenant "acme" on a fake Zendesk that serves the app's
/// public key and users, a built-app folder of its own, and a route that echoes who the
/// sidebar policy let in.
/// </summary>
public sealed partial class SidebarTestHost : IAsyncDisposable
{
    public const long AppId = 360001;
    public const string SharedSecret = "acme-shared-secret-0123456789-abcdefghij";
    public const long Agent = 2001, Lead = 2002, Admin = 2003, Customer = 3001, Former = 2009;

    private readonly TestApp _app;
    private readonly string _dir;

    public RSA ZendeskKey { get; }
    public FakeZendesk Zendesk { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;

    private SidebarTestHost(TestApp app, string dir, RSA key, FakeZendesk zendesk, HttpClient http)
    {
        _app = app; _dir = dir; ZendeskKey = key; Zendesk = zendesk; Http = http;
    }

    public string Issuer => Zendesk.BaseUrl.Authority;
    public string Installation => $"{Zendesk.BaseUrl.GetLeftPart(UriPartial.Authority)}/api/v2/apps/installations/42.json";
    public string KeyUrl => $"{Zendesk.BaseUrl.GetLeftPart(UriPartial.Authority)}/api/v2/apps/{AppId}/public_key.pem";

    /// <param name="configure">Adds to the host before it starts (e.g. to pin the clock).</param>
    /// <param name="configuredDemoTenant">Also configure a tenant whose id is "demo" on the same helpdesk (demo mode stays off).</param>
    public static async Task<SidebarTestHost> StartAsync(bool configuredDemoTenant = false, Action<TestHostBuilder>? configure = null)
    {
        var zendesk = await FakeZendesk.StartAsync(new FakeZendeskData
        {
            Email = "bot@acme.example",
            ApiToken = "token",
            Users =
            [
                new FakeUser { Id = Agent, Name = "Sam Agent", Email = "sam@acme.example", Role = "agent" },
                new FakeUser { Id = Lead, Name = "Lee Lead", Email = "lee@acme.example", Role = "agent", CustomRoleId = 77 },
                new FakeUser { Id = Admin, Name = "Ada Admin", Email = "ada@acme.example", Role = "admin" },
                new FakeUser { Id = Customer, Name = "Cora Customer", Email = "cora@example.com", Role = "end-user" },
                new FakeUser { Id = Former, Name = "Fred Former", Email = "fred@acme.example", Role = "agent", Active = false },
            ],
        }, new FakeZendeskApp(AppId));
        var key = zendesk.App.Key;
        var dir = Directory.CreateTempSubdirectory("copilot-sidebar-").FullName;
        var appDir = Directory.CreateDirectory(Path.Combine(dir, "dist")).FullName;
        Directory.CreateDirectory(Path.Combine(appDir, "assets"));
        await File.WriteAllTextAsync(Path.Combine(appDir, "sidebar.html"), """<html><head><meta name="copilot-session" content="%COPILOT_SESSION%"><meta name="copilot-host" content="%COPILOT_HOST%"></head><body></body></html>""");
        await File.WriteAllTextAsync(Path.Combine(appDir, "preview.html"), "<html><body>preview</body></html>");
        await File.WriteAllTextAsync(Path.Combine(appDir, "assets", "app-1234.js"), "console.log('app');");
        await File.WriteAllTextAsync(Path.Combine(dir, "secret.txt"), "outside the app folder");

        var host = new TestHostBuilder()
            .WithTenant("acme", zendesk.BaseUrl, SharedSecret)
            .WithSidebarApp(appDir)
            .With("Sidebar:Tenants:acme:TeamLeadCustomRoleIds:0", "77")
            .WithRoutes(web =>
            {
                web.MapGet("/test/whoami", (HttpContext http) => new
                {
                    tenant = http.GetTenant().Id,
                    agent = http.GetAgentId(),
                    verifiedAgent = http.GetAgentId(),
                    role = http.User.FindFirst(ClaimTypes.Role)?.Value,
                }).RequireAuthorization(AuthPolicies.Sidebar);
                web.MapGet("/test/lead", () => "lead").RequireAuthorization(AuthPolicies.TeamLead);
            });
        if (configuredDemoTenant)
        {
            host.WithTenant("demo", zendesk.BaseUrl, SharedSecret + "-demo");
        }
        configure?.Invoke(host);
        var app = await host.StartAsync();
        return new SidebarTestHost(app, dir, key, zendesk, app.CreateClient());
    }

    /// <summary>A token as Zendesk signs a load; every part can be changed or left out.</summary>
    public string SignLoad(
        RSA? key = null, string? issuer = "", string? audience = "", string? subject = "2001",
        DateTime? expires = null, bool withExpiry = true, string? keyUrl = "")
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["context"] = new Dictionary<string, object> { ["product"] = "support", ["location"] = "ticket_sidebar" } };
        if (subject is not null)
        {
            claims["sub"] = subject;
        }
        if (keyUrl is not null)
        {
            claims["cnf"] = new Dictionary<string, object> { ["jku"] = keyUrl == "" ? KeyUrl : keyUrl };
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer == "" ? Issuer : issuer,
            Audience = audience == "" ? Installation : audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = withExpiry ? expires ?? now.AddMinutes(5) : null,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? ZendeskKey), SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>POSTs a signed load as Zendesk does (form field <c>token</c>).</summary>
    public Task<HttpResponseMessage> LoadAsync(string token) =>
        Http.PostAsync("/sidebar/", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }));

    /// <summary>The session written into a served page.</summary>
    public static string SessionOf(string html) => SessionMeta().Match(html) is { Success: true } m ? m.Groups[1].Value : "";

    public async Task<string> StartSessionAsync(long agent = Agent)
    {
        using var response = await LoadAsync(SignLoad(subject: agent.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        response.EnsureSuccessStatusCode();
        return SessionOf(await response.Content.ReadAsStringAsync());
    }

    public async Task<HttpResponseMessage> GetAsAsync(string path, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await Http.SendAsync(request);
    }

    /// <summary>A token as Zendesk's proxy signs it with the shared secret: its claims are whatever the browser asked for.</summary>
    public static string ProxySigned(string issuer, string subject, string? audience = null, string secret = SharedSecret) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["jti"] = Guid.NewGuid().ToString("N"), ["role"] = "admin", ["auth_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
        });

    [GeneratedRegex("name=\"copilot-session\" content=\"([^\"]*)\"")]
    private static partial Regex SessionMeta();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
        await Zendesk.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
