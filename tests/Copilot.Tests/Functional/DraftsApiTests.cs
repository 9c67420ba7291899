using System.Net;
using System.Text.Json;
using Copilot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Copilot.Tests.Functional;

public class DraftsApiTests(AcmeFixture fixture) : IClassFixture<AcmeFixture>
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> DraftAsync(long ticket)
    {
        using var response = await fixture.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/tickets/{ticket}/draft"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task DraftGreetsTheRequesterAndCitesWhatItUsed()
    {
        var (status, body) = await DraftAsync(132);
        Assert.Equal("billing", await RecordedIntentAsync(body.GetProperty("suggestionId").GetString()!));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("drafted", body.GetProperty("status").GetString());
        var text = body.GetProperty("text").GetString()!;
        Assert.Contains("Olivia", text);
        Assert.True(body.GetProperty("provider").GetProperty("offline").GetBoolean());
        Assert.Contains("offline", body.GetProperty("label").GetString(), StringComparison.OrdinalIgnoreCase);
        var citations = body.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        // Everything cited was retrieved for this ticket and recorded with the suggestion.
        var sources = await RecordedSourcesAsync(body.GetProperty("suggestionId").GetString()!);
        Assert.All(citations, c => Assert.Contains(c.GetProperty("sourceId").GetString(), sources));
    }

    [Fact]
    public async Task TicketsKeptWithHumansGetNoDraftAndAReason()
    {
        var (status, body) = await DraftAsync(130);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("withheld", body.GetProperty("status").GetString());
        Assert.False(body.TryGetProperty("text", out _));
        Assert.False(body.TryGetProperty("suggestionId", out _));
        Assert.Contains("Billing dispute", body.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DraftForAnUnknownTicketIsNotFound()
    {
        var (status, body) = await DraftAsync(424242);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task EveryDraftIsRecordedWithItsProvenance()
    {
        var (_, body) = await DraftAsync(126);
        var id = body.GetProperty("suggestionId").GetString()!;

        await using var connection = new SqliteConnection($"Data Source={fixture.Host.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, ticket_id, agent_id, provider, prompt_version, latency_ms FROM suggestions WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("draft", reader.GetString(0));
        Assert.Equal(126, reader.GetInt64(1));
        // A proxy-signed token proves the tenant only; its "sub" is what the browser wrote, so no agent is recorded.
        Assert.True(reader.IsDBNull(2), "a proxy-signed call must not record the agent its browser claimed");
        Assert.Equal("offline", reader.GetString(3));
        Assert.False(string.IsNullOrEmpty(reader.GetString(4)));
        Assert.True(reader.GetDouble(5) >= 0);
    }

    private async Task<string?> RecordedIntentAsync(string suggestionId)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Host.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT intent FROM suggestions WHERE id = $id";
        command.Parameters.AddWithValue("$id", suggestionId);
        return (string?)await command.ExecuteScalarAsync();
    }

    private async Task<List<string>> RecordedSourcesAsync(string suggestionId)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Host.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sources FROM suggestions WHERE id = $id";
        command.Parameters.AddWithValue("$id", suggestionId);
        var json = (string)(await command.ExecuteScalarAsync())!;
        return JsonDocument.Parse(json).RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
    }
}
