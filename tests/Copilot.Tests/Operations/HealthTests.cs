using System.Net;
using System.Text.Json;
using Copilot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Copilot.Tests.Operations;

/// <summary>
/// <c>/health/live</c> and <c>/health/ready</c> on the real host: tenant "acme" on a fake Zendesk with a
/// model on a fake OpenAI server whose breaker opens after two failures; tenant "other" offline.
/// </summary>
public sealed class HealthTests : IAsyncLifetime
{
    private OperationsHost _host = null!;

    public async Task InitializeAsync() => _host = await OperationsHost.StartAsync(new()
    {
        ["Copilot:Zendesk:MaxRetries"] = "0",
        [$"Copilot:Tenants:{CopilotTestHost.TenantId}:Model:BreakerMinimumThroughput"] = "2",
        [$"Copilot:Tenants:{CopilotTestHost.TenantId}:Model:BreakDurationSeconds"] = "300",
    }, withModel: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task LiveAnswersHealthyAndRunsNoCheck()
    {
        var (status, body) = await GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("entries").EnumerateObject());
        Assert.DoesNotContain("null", body.GetRawText());
    }

    [Fact]
    public async Task ReadyWritesToTheStoreAndShowsTenantsOnlyToOperators()
    {
        var (status, body) = await GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var entries = body.GetProperty("entries");
        Assert.Equal(["store", "tenants", "models", "redis"], entries.EnumerateObject().Select(e => e.Name));
        Assert.All(entries.EnumerateObject(), e => Assert.Equal("Healthy", e.Value.GetProperty("status").GetString()));
        Assert.DoesNotContain("acme", body.GetRawText());
        Assert.Equal(1, await _host.ScalarAsync("SELECT COUNT(*) FROM store_probe"));

        var (_, detailed) = await GetAsync("/health/ready", admin: true);
        var tenants = detailed.GetProperty("entries").GetProperty("tenants").GetProperty("data");
        Assert.Equal("no call yet", tenants.GetProperty("acme").GetProperty("helpdesk").GetProperty("lastResult").GetString());
        Assert.False(string.IsNullOrEmpty(tenants.GetProperty("acme").GetProperty("vectors").GetProperty("model").GetString()));
        Assert.Equal("offline", detailed.GetProperty("entries").GetProperty("models").GetProperty("data").GetProperty("other").GetProperty("provider").GetString());
    }

    [Fact]
    public async Task ThePreviousHealthzAnswersAsReady()
    {
        var (status, body) = await GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["store", "tenants", "models", "redis"], body.GetProperty("entries").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task ReadyIsUnavailableWhenTheStoreRefusesAWrite()
    {
        await using (var connection = new SqliteConnection($"Data Source={_host.Host.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE store_probe";
            await drop.ExecuteNonQueryAsync();
        }

        var (status, body) = await GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("entries").GetProperty("store").GetProperty("status").GetString());
        Assert.DoesNotContain("no such table", body.GetRawText());
    }

    [Fact]
    public async Task AFailingHelpdeskAndSyncMakeReadyDegradedUntilACallSucceeds()
    {
        _host.Zendesk.Faults.Fail(503, times: 50);
        using (var assist = await _host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist")))
        {
            Assert.Equal(HttpStatusCode.BadGateway, assist.StatusCode);
        }
        using (var sync = await _host.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Post, "/api/admin/tenants/acme/sync")))
        {
            Assert.False(sync.IsSuccessStatusCode);
        }

        var (status, body) = await GetAsync("/health/ready", admin: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var acme = body.GetProperty("entries").GetProperty("tenants").GetProperty("data").GetProperty("acme");
        Assert.Equal("http 503", acme.GetProperty("helpdesk").GetProperty("lastResult").GetString());
        Assert.Equal("the last sync failed", acme.GetProperty("sync").GetProperty("problem").GetString());

        _host.Zendesk.Faults.Clear();
        using (var sync = await _host.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Post, "/api/admin/tenants/acme/sync")))
        {
            sync.EnsureSuccessStatusCode();
        }
        var (_, after) = await GetAsync("/health/ready", admin: true);
        Assert.Equal("Healthy", after.GetProperty("status").GetString());
        Assert.Equal("http 200", after.GetProperty("entries").GetProperty("tenants").GetProperty("data").GetProperty("acme")
            .GetProperty("helpdesk").GetProperty("lastResult").GetString());
    }

    [Fact]
    public async Task AnOpenModelBreakerMakesReadyDegraded()
    {
        _host.Model!.Inject(Copilot.Fakes.OpenAI.FakeFault.ServerError(500), 2);
        for (var i = 0; i < 2; i++)
        {
            using var rewrite = await _host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, "/api/rewrite",
                System.Net.Http.Json.JsonContent.Create(new { action = "shorten", text = "Thanks so much for your patience while we look into this." })));
            Assert.Equal(HttpStatusCode.OK, rewrite.StatusCode);
        }

        var (status, body) = await GetAsync("/health/ready", admin: true);

        Assert.Equal(HttpStatusCode.OK, status);
        var models = body.GetProperty("entries").GetProperty("models");
        Assert.Equal("Degraded", models.GetProperty("status").GetString());
        Assert.Equal("open", models.GetProperty("data").GetProperty("acme").GetProperty("breaker").GetString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path, bool admin = false)
    {
        using var request = admin ? CopilotTestHost.Admin(HttpMethod.Get, path) : new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await _host.Client.SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
