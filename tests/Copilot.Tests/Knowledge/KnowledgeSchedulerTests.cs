using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Api.Knowledge;
using Copilot.Api.Store;
using Copilot.Connectors.Helpdesk;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Knowledge;

public class KnowledgeSchedulerTests
{
    [Fact]
    public async Task TheSchedulerFullySyncsATenantWhoseIndexIsEmptyAndSurvivesAFailingOne()
    {
        var helpdesk = new FakeHelpdesk();
        helpdesk.Articles.Add(FakeHelpdesk.Article("a1", "Refund policy", "Refunds take five days."));
        var broken = new FakeHelpdesk { FailWith = new HelpdeskException("zendesk", 503, "Service Unavailable") };
        await using var app = await new TestHostBuilder()
            .WithAdminKey("scheduler-admin-key-0123456789")
            .With("Copilot:Knowledge:SchedulerTickSeconds", "1")
            .WithTenant("acme", new Uri("http://127.0.0.1:9"), new string('s', 40), "agent@example.com", syncIntervalMinutes: 5)
            .WithTenant("broken", new Uri("http://127.0.0.1:10"), new string('s', 40), "agent@example.com", syncIntervalMinutes: 5)
            .WithFake<IHelpdeskClientFactory>(new ByPort(helpdesk, broken))
            .StartAsync();
        using var http = app.CreateClient();
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

    [Fact]
    public async Task PastRepliesScrubbedByEarlierRulesAreScrubbedAgainByTheNextSync()
    {
        var helpdesk = new FakeHelpdesk();
        helpdesk.Articles.Add(FakeHelpdesk.Article("a1", "Shipping", "Parcels take three days."));
        helpdesk.Solved.Add(new SolvedTicket(17, "Where is my parcel", "where is it", ["It left today; your tracking number is 1Z999AA10123456784."], DateTimeOffset.UnixEpoch));
        await using var app = await new TestHostBuilder()
            .WithAdminKey("scheduler-admin-key-0123456789")
            .With("Copilot:Knowledge:SchedulerTickSeconds", "1")
            .WithTenant("acme", new Uri("http://127.0.0.1:9"), new string('s', 40), "agent@example.com", syncIntervalMinutes: 5)
            .WithFake<IHelpdeskClientFactory>(helpdesk)
            .StartAsync();
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Add("X-Admin-Key", "scheduler-admin-key-0123456789");
        await WaitForAsync(http, "acme", "lastFullSync");
        var index = app.Services.GetRequiredService<KnowledgeIndex>();
        Assert.Equal("It left today; your tracking number is [code].", await index.GetTextAsync("acme", SourceKind.PastReply, "17", CancellationToken.None));

        // As a store upgraded from rules that did not know the code: the reply indexed as it was then, the sync due, and
        // the migration of a newer revision applied.
        var db = app.Services.GetRequiredService<Db>();
        await using (var connection = await db.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE knowledge_passages SET text = 'It left today; your tracking number is 1Z999AA10123456784.' WHERE tenant = 'acme' AND kind = 'past-reply'");
            await connection.ExecuteAsync("UPDATE knowledge_sources SET content_hash = 'scrubbed-by-revision-1' WHERE tenant = 'acme' AND kind = 'past-reply'");
            await connection.ExecuteAsync(new PastRepliesScrubbedAgain().Sql(StoreProvider.Sqlite));
            await connection.ExecuteAsync("UPDATE knowledge_sync_state SET last_attempt = '2000-01-01T00:00:00.0000000Z' WHERE tenant = 'acme'");
        }

        var status = await WaitForAsync(http, "acme", "lastFullSync");
        Assert.True(status.TryGetProperty("lastFullSync", out _));
        Assert.Equal("It left today; your tracking number is [code].", await index.GetTextAsync("acme", SourceKind.PastReply, "17", CancellationToken.None));
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
