using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Copilot.Tests.Sidebar;

public sealed class PreviewTests
{
    [Theory]
    [InlineData("/preview")]
    [InlineData("/preview/sidebar?agent=2001")]
    [InlineData("/preview/api/agents")]
    [InlineData("/preview/api/tickets")]
    [InlineData("/preview/api/tickets/1")]
    public async Task ThePreviewIsOffWithoutTheDemoTenant(string path)
    {
        await using var host = await SidebarTestHost.StartAsync(demo: false);
        using var response = await host.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WithTheDemoTenantThePreviewMintsASessionForADemoAgent()
    {
        await using var host = await SidebarTestHost.StartAsync(demo: true);
        using var page = await host.Http.GetAsync("/preview");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var agents = await host.Http.GetFromJsonAsync<JsonElement>("/preview/api/agents");
        Assert.Equal(["2001", "2002", "2003"], agents.EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        using var frame = await host.Http.GetAsync("/preview/sidebar?agent=2002");
        var html = await frame.Content.ReadAsStringAsync();
        Assert.Contains("""content="preview" """.TrimEnd(), html);
        using var me = await host.GetAsAsync("/test/whoami", SidebarTestHost.SessionOf(html));
        var who = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("demo", who.GetProperty("tenant").GetString());
        Assert.Equal("2002", who.GetProperty("verifiedAgent").GetString());
    }

    [Fact]
    public async Task ThePreviewMintsNoSessionForACustomer()
    {
        await using var host = await SidebarTestHost.StartAsync(demo: true);
        using var frame = await host.Http.GetAsync($"/preview/sidebar?agent={SidebarTestHost.Customer}");
        Assert.Equal(HttpStatusCode.NotFound, frame.StatusCode);
    }
}
