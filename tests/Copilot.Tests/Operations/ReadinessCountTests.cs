using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Api.Knowledge.Vectors;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Copilot.Tests.Operations;

/// <summary>
/// <c>/health/ready</c> reports each tenant's passages and embedded passages without counting them on every probe:
/// a count is reused for a few seconds, and taken again at once after a sync.
/// </summary>
public sealed class ReadinessCountTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = FakeClock.AtNow();
    private FakeZendesk _zendesk = null!;
    private CopilotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        // A helpdesk with no knowledge: the embedding service's first pass has nothing to read, and the next is half a minute away.
        _zendesk = await FakeZendesk.StartAsync(new FakeZendeskData());
        _host = await CopilotTestHost.StartAsync(_zendesk, configure: b => b.WithClock(_clock));
        await SyncAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await VectorsAsync() is { } vectors && !vectors.TryGetProperty("passages", out _))
        {
            Assert.True(DateTime.UtcNow < deadline, "the built-in embedding model did not load in time: " + vectors);
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _zendesk.DisposeAsync();
    }

    [Fact]
    public async Task AProbeReusesTheCountForAFewSecondsAndCountsAgainAfterASync()
    {
        var counted = await PassagesAsync();

        await AddPassageAsync("probe-1");
        Assert.Equal(counted, await PassagesAsync());

        _clock.Advance(EmbeddingProgress.MaxAge);
        Assert.Equal(counted + 1, await PassagesAsync());

        await AddPassageAsync("probe-2");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(counted + 1, await PassagesAsync());
        await SyncAsync();
        Assert.Equal(counted + 2, await PassagesAsync());
    }

    private async Task SyncAsync()
    {
        using var sync = await _host.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Post, "/api/admin/tenants/acme/sync"));
        sync.EnsureSuccessStatusCode();
    }

    private async Task<long> PassagesAsync() => (await VectorsAsync()).GetProperty("passages").GetInt64();

    private async Task<JsonElement> VectorsAsync()
    {
        using var response = await _host.Client.SendAsync(CopilotTestHost.Admin(HttpMethod.Get, "/health/ready"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("entries").GetProperty("tenants").GetProperty("data").GetProperty(CopilotTestHost.TenantId).GetProperty("vectors");
    }

    /// <summary>A passage written beside the helpdesk's (an imported document), as another instance would write it.</summary>
    private async Task AddPassageAsync(string sourceId)
    {
        await using var connection = new SqliteConnection($"Data Source={_host.DatabasePath}");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO knowledge_passages (tenant, kind, source_id, ordinal, locale, title, text) VALUES ('acme', 'document', $id, 0, 'en', 'Probe', 'A passage.')";
        insert.Parameters.AddWithValue("$id", sourceId);
        await insert.ExecuteNonQueryAsync();
    }
}
