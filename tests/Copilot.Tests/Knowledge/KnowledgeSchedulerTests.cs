using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Connectors.Helpdesk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Knowledge;

public class KnowledgeSchedulerTests
{
    [Fact]
    public async Task TheSchedulerFullySyncsATenantWhoseIndexIsEmptyAndSurvivesAFailingOne()
    {
        var dbPath = Path.Combine(Path.GetTempPath(), $"copilot-knowledge-scheduler-{Guid.NewGuid():N}.db");
        var helpdesk = new FakeHelpdesk();
        helpdesk.Articles.Add(FakeHelpdesk.Article("a1", "Refund policy", "Refunds take five days."));
        var broken = new FakeHelpdesk { FailWith = new HelpdeskException("zendesk", 503, "Service Unavailable") };
        var app = Program.Build([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Copilot:AdminKey"] = "scheduler-admin-key-0123456789",
                ["Copilot:Store:Path"] = dbPath,
                ["Copilot:Knowledge:SchedulerTickSeconds"] = "1",
                ["Copilot:Tenants:acme:BaseUrl"] = "http://127.0.0.1:9",
                ["Copilot:Tenants:acme:Email"] = "agent@example.com",
                ["Copilot:Tenants:acme:ApiToken"] = "token",
                ["Copilot:Tenants:acme:SharedSecret"] = new string('s', 40),
                ["Copilot:Tenants:acme:SyncIntervalMinutes"] = "5",
                ["Copilot:Tenants:broken:BaseUrl"] = "http://127.0.0.1:10",
                ["Copilot:Tenants:broken:Email"] = "agent@example.com",
                ["Copilot:Tenants:broken:ApiToken"] = "token",
                ["Copilot:Tenants:broken:SharedSecret"] = new string('s', 40),
                ["Copilot:Tenants:broken:SyncIntervalMinutes"] = "5",
            });
            b.Services.AddSingleton<IHelpdeskClientFactory>(new ByPort(helpdesk, broken));
        });
        try
        {
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            http.DefaultRequestHeaders.Add("X-Admin-Key", "scheduler-admin-key-0123456789");

            var status = await WaitForAsync(http, "acme", "lastFullSync");
            var brokenStatus = await WaitForAsync(http, "broken", "lastError");

            Assert.True(status.TryGetProperty("lastFullSync", out _));
            Assert.Equal(1, status.GetProperty("sources").GetProperty("article").GetInt32());
            Assert.False(status.TryGetProperty("lastError", out _));
            Assert.Contains("503", brokenStatus.GetProperty("lastError").GetString());
            // Still serving; readiness names the failing tenant's sync (the admin key shows per-tenant details).
            var ready = await http.GetFromJsonAsync<JsonElement>("/health/ready");
            Assert.Equal("Degraded", ready.GetProperty("status").GetString());
            var syncs = ready.GetProperty("entries").GetProperty("tenants").GetProperty("data");
            Assert.Equal("the last sync failed", syncs.GetProperty("broken").GetProperty("sync").GetProperty("problem").GetString());
            Assert.False(syncs.GetProperty("acme").GetProperty("sync").TryGetProperty("problem", out _));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(dbPath + suffix);
            }
        }
    }

    /// <summary>The scheduler runs on its own; wait (bounded) until the status shows <paramref name="property"/>.</summary>
    private static async Task<JsonElement> WaitForAsync(HttpClient http, string tenant, string property)
    {
        JsonElement status = default;
        for (var i = 0; i < 300; i++)
        {
            status = await http.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/{tenant}/knowledge/status");
            if (status.TryGetProperty(property, out _))
            {
                break;
            }
            await Task.Delay(100);
        }
        return status;
    }

    private sealed class ByPort(FakeHelpdesk working, FakeHelpdesk broken) : IHelpdeskClientFactory
    {
        public IHelpdeskClient Create(HelpdeskConnection connection) => connection.BaseUrl.Port == 10 ? broken : working;
    }
}
