using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Api.Auth;
using Copilot.Api.Demo;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Copilot.Tests.Infrastructure;
using Copilot.Tests.Security;

namespace Copilot.Tests.Sidebar;

public sealed class PreviewTests
{
    [Theory]
    [InlineData("/preview")]
    [InlineData("/preview/sidebar?agent=2001")]
    [InlineData("/preview/api/agents")]
    [InlineData("/preview/api/tickets")]
    [InlineData("/preview/api/tickets/1")]
    [InlineData("/preview/dashboard")]
    [InlineData("/preview/api/helpdesks")]
    [InlineData("/preview/sidebar?helpdesk=freshdesk&agent=43000100002")]
    [InlineData("/preview/api/agents?helpdesk=freshdesk")]
    [InlineData("/preview/dashboard?helpdesk=freshdesk")]
    public async Task ThePreviewIsOffWithoutTheDemoTenant(string path)
    {
        await using var host = await SidebarTestHost.StartAsync();
        using var response = await host.Http.GetAsync(path);
        await Problems.AssertAsync(response, HttpStatusCode.NotFound, path);
    }

    /// <summary>
    /// A configured tenant whose id is "demo" is a real helpdesk account: with demo mode off the
    /// preview mints no session for its admin and reads none of its customers' threads.
    /// </summary>
    [Theory]
    [InlineData("/preview")]
    [InlineData("/preview/sidebar")]
    [InlineData("/preview/sidebar?agent=2003")]
    [InlineData("/preview/dashboard")]
    [InlineData("/preview/dashboard?agent=2003")]
    [InlineData("/preview/api/agents")]
    [InlineData("/preview/api/tickets")]
    [InlineData("/preview/api/tickets/1")]
    public async Task AConfiguredTenantCalledDemoGetsNoPreview(string path)
    {
        await using var host = await SidebarTestHost.StartAsync(configuredDemoTenant: true);
        Assert.NotNull(host.Services.GetRequiredService<TenantRegistry>().Find(DemoOptions.TenantId));
        host.Zendesk.ClearRequests();

        using var response = await host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("copilot-session", await response.Content.ReadAsStringAsync());
        // No user looked up, no app key fetched for a load, no thread read (the tenant's own knowledge sync may run).
        Assert.DoesNotContain(host.Zendesk.Requests, r => r.Path.Contains("/users", StringComparison.Ordinal)
            || r.Path.Contains("/apps/", StringComparison.Ordinal) || r.Path.Contains("/tickets", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InDemoModeThePreviewShowsTheSampleHelpdeskAndStartsSessionsBySignedLoad()
    {
        await using var demo = await DemoHost.StartAsync();
        var http = demo.Http;
        var zendesk = demo.Services.GetRequiredService<DemoHelpdesk>().Zendesk!;

        var agents = await http.GetFromJsonAsync<JsonElement>("/preview/api/agents");
        Assert.Contains(agents.EnumerateArray(), a => a.GetProperty("id").GetString() == "2003");
        var tickets = await http.GetFromJsonAsync<JsonElement>("/preview/api/tickets");
        Assert.Equal(Math.Min(50, zendesk.Data.Tickets.Count), tickets.GetArrayLength());
        var first = tickets[0].GetProperty("id").GetInt64();
        var thread = await http.GetFromJsonAsync<JsonElement>($"/preview/api/tickets/{first}");
        Assert.True(thread.GetProperty("comments").GetArrayLength() > 0);

        using var frame = await http.GetAsync("/preview/sidebar?agent=2003");
        Assert.Equal(HttpStatusCode.OK, frame.StatusCode);
        Assert.True(zendesk.App.KeyFetches >= 1, "the session starts from a load verified with the helpdesk's app key");
        Assert.Equal("""{"tenant":"demo","agent":"2003","role":"agent"}""", await demo.WhoAmIAsync(await frame.Content.ReadAsStringAsync()));

        var customer = zendesk.Data.Users.First(u => u.Role == "end-user").Id;
        using var refused = await http.GetAsync($"/preview/sidebar?agent={customer}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task ThePreviewSwitchesToTheFreshdeskDemoAndStartsSessionsForItsAgentsAsItsAgentsApiReportsThem()
    {
        await using var demo = await DemoHost.StartAsync();
        var http = demo.Http;
        var helpdesk = demo.Services.GetRequiredService<DemoHelpdesk>();
        var freshdesk = helpdesk.Freshdesk!;
        var data = freshdesk.Data;

        var helpdesks = await http.GetFromJsonAsync<JsonElement>("/preview/api/helpdesks");
        Assert.Equal("""[{"helpdesk":"zendesk","name":"Zendesk","company":"Lumora Home"},{"helpdesk":"freshdesk","name":"Freshdesk","company":"Spokewise"}]""", helpdesks.GetRawText());
        var agents = await http.GetFromJsonAsync<JsonElement>("/preview/api/agents?helpdesk=freshdesk");
        // Spokewise's agents and admin; its collaborator is not staff.
        Assert.Equal(data.Agents.Where(a => a.Type != "collaborator").Select(a => a.Id.ToString(CultureInfo.InvariantCulture)).Order(),
            agents.EnumerateArray().Select(a => a.GetProperty("id").GetString()).Order());
        Assert.Equal("admin", agents.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Sofia Jansen").GetProperty("role").GetString());
        var tickets = await http.GetFromJsonAsync<JsonElement>("/preview/api/tickets?helpdesk=freshdesk");
        Assert.Equal(data.Tickets.Select(t => t.Id).Order(), tickets.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).Order());
        var thread = await http.GetFromJsonAsync<JsonElement>("/preview/api/tickets/131?helpdesk=freshdesk");
        Assert.Equal("Someone else is using my account", thread.GetProperty("ticket").GetProperty("subject").GetString());
        Assert.Equal(1 + data.FindTicket(131)!.Conversations.Count, thread.GetProperty("comments").GetArrayLength());

        const long ana = 43000100003;
        freshdesk.ClearRequests();
        using var frame = await http.GetAsync($"/preview/sidebar?helpdesk=freshdesk&agent={ana}&ticket=131");
        Assert.Equal(HttpStatusCode.OK, frame.StatusCode);
        Assert.Equal($$"""{"tenant":"demo-freshdesk","agent":"{{ana}}","role":"agent"}""", await demo.WhoAmIAsync(await frame.Content.ReadAsStringAsync()));
        Assert.Contains(freshdesk.Requests, r => r.Path == $"/api/v2/agents/{ana}");
        Assert.Equal(0, helpdesk.Zendesk!.App.KeyFetches);

        // A contact and a collaborator are no agents; a Lumora user id is nobody at Spokewise.
        var contact = data.Contacts[0].Id;
        var collaborator = data.Agents.Single(a => a.Type == "collaborator").Id;
        foreach (var (user, status) in new[] { (contact, HttpStatusCode.Forbidden), (collaborator, HttpStatusCode.Forbidden), (2003L, HttpStatusCode.Forbidden) })
        {
            using var refused = await http.GetAsync($"/preview/sidebar?helpdesk=freshdesk&agent={user}");
            Assert.Equal(status, refused.StatusCode);
            Assert.DoesNotContain("copilot-session", await refused.Content.ReadAsStringAsync());
        }

        using var dashboard = await http.GetAsync("/preview/dashboard?helpdesk=freshdesk");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("""{"tenant":"demo-freshdesk","agent":"43000100001","role":"admin"}""", await demo.WhoAmIAsync(await dashboard.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("/preview?helpdesk=acme")]
    [InlineData("/preview/api/agents?helpdesk=Freshdesk")]
    [InlineData("/preview/sidebar?helpdesk=freshdesk&helpdesk=zendesk&agent=2003")]
    [InlineData("/preview/dashboard?helpdesk=acme")]
    public async Task APreviewOfAHelpdeskNoDemoRunsIsNotFound(string path)
    {
        await using var demo = await DemoHost.StartAsync();

        using var response = await demo.Http.GetAsync(path);

        await Problems.AssertAsync(response, HttpStatusCode.NotFound, path);
    }

    /// <summary>The host in demo mode (no tenant configured, no replayed history), with a built app of its own and a route that says who a session is.</summary>
    private sealed class DemoHost(TestApp app, string dir) : IAsyncDisposable
    {
        public HttpClient Http { get; } = app.CreateClient();
        public IServiceProvider Services => app.Services;

        public static async Task<DemoHost> StartAsync()
        {
            var dir = Directory.CreateTempSubdirectory("copilot-demo-preview-").FullName;
            await File.WriteAllTextAsync(Path.Combine(dir, "sidebar.html"), """<html><head><meta name="copilot-session" content="%COPILOT_SESSION%"></head></html>""");
            await File.WriteAllTextAsync(Path.Combine(dir, "dashboard.html"), """<html><head><meta name="copilot-session" content="%COPILOT_SESSION%"></head></html>""");
            await File.WriteAllTextAsync(Path.Combine(dir, "preview.html"), "<html><body>preview</body></html>");
            var app = await new TestHostBuilder()
                .WithSidebarApp(dir)
                .With("Copilot:Demo:SeedAnalytics", "false")
                .WithRoutes(web => web.MapGet("/test/whoami", (HttpContext http) => new
                {
                    tenant = http.GetTenant().Id,
                    agent = http.GetAgentId(),
                    role = http.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value,
                }).RequireAuthorization(AuthPolicies.Sidebar))
                .StartAsync();
            return new DemoHost(app, dir);
        }

        /// <summary>Who the session in a served page is, as the sidebar policy lets it in.</summary>
        public async Task<string> WhoAmIAsync(string page)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/test/whoami");
            request.Headers.Authorization = new("Bearer", SidebarTestHost.SessionOf(page));
            using var me = await Http.SendAsync(request);
            return await me.Content.ReadAsStringAsync();
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await app.DisposeAsync();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
