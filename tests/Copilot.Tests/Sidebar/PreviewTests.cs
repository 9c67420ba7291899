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
    public async Task ThePreviewIsOffWithoutTheDemoTenant(string path)
    {
        await using var host = await SidebarTestHost.StartAsync();
        using var response = await host.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
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
        var dir = Directory.CreateTempSubdirectory("copilot-demo-preview-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "sidebar.html"), """<html><head><meta name="copilot-session" content="%COPILOT_SESSION%"></head></html>""");
        await File.WriteAllTextAsync(Path.Combine(dir, "preview.html"), "<html><body>preview</body></html>");
        await using var app = await new TestHostBuilder()
            .WithSidebarApp(dir)
            .WithRoutes(web => web.MapGet("/test/whoami", (HttpContext http) => new { tenant = http.GetTenant().Id, agent = http.GetAgentId() })
                .RequireAuthorization(AuthPolicies.Sidebar))
            .StartAsync();
        try
        {
            using var http = app.CreateClient();
            var demo = app.Services.GetRequiredService<DemoHelpdesk>().Zendesk!;

            var agents = await http.GetFromJsonAsync<JsonElement>("/preview/api/agents");
            Assert.Contains(agents.EnumerateArray(), a => a.GetProperty("id").GetString() == "2003");
            var tickets = await http.GetFromJsonAsync<JsonElement>("/preview/api/tickets");
            Assert.Equal(Math.Min(50, demo.Data.Tickets.Count), tickets.GetArrayLength());
            var first = tickets[0].GetProperty("id").GetInt64();
            var thread = await http.GetFromJsonAsync<JsonElement>($"/preview/api/tickets/{first}");
            Assert.True(thread.GetProperty("comments").GetArrayLength() > 0);

            using var frame = await http.GetAsync("/preview/sidebar?agent=2003");
            Assert.Equal(HttpStatusCode.OK, frame.StatusCode);
            Assert.True(demo.App.KeyFetches >= 1, "the session starts from a load verified with the helpdesk's app key");
            using var request = new HttpRequestMessage(HttpMethod.Get, "/test/whoami");
            request.Headers.Authorization = new("Bearer", SidebarTestHost.SessionOf(await frame.Content.ReadAsStringAsync()));
            using var me = await http.SendAsync(request);
            Assert.Equal("""{"tenant":"demo","agent":"2003"}""", await me.Content.ReadAsStringAsync());

            var customer = demo.Data.Users.First(u => u.Role == "end-user").Id;
            using var refused = await http.GetAsync($"/preview/sidebar?agent={customer}");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
