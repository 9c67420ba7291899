using System.Globalization;
using System.Text.Json.Nodes;
using Copilot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Copilot.Tests.ModelFeatures;

/// <summary>
/// A suggestion's intent is the ticket's intent: a rewrite's action and triage's label are recorded in
/// their own columns, and per-intent analytics count every suggestion of a ticket under the ticket's intent.
/// Its own fixture, so the analytics hold only this ticket's suggestions.
/// </summary>
public sealed class IntentLedgerTests(ModelTenantFixture fixture) : IClassFixture<ModelTenantFixture>
{
    [Fact]
    public async Task ARewriteAndATriageAreCountedUnderTheTicketsIntentNotAsIntentsOfTheirOwn()
    {
        fixture.Reset();
        var ticket = fixture.AddTicket("Charged twice", "I was charged twice for order 4821 this month. Please refund one of the payments.");
        await fixture.ShowAssistAsync(ticket);
        var ticketIntent = (await ColumnsAsync("SELECT intent FROM suggestions WHERE ticket_id = $t AND kind = 'summary'", ticket))[0];
        Assert.NotNull(ticketIntent);
        // The model labels the ticket with another of the tenant's intents than the one the assist found.
        var label = ModelTenantFixture.Intents.First(i => i != ticketIntent);
        fixture.Model.Responder = r => ModelReplies.SchemaName(r) == "ticket_triage"
            ? ModelReplies.Json(new JsonObject
            {
                ["intent"] = ModelReplies.Label(label, 0.9), ["sentiment"] = ModelReplies.Label("neutral", 0.8),
                ["language"] = ModelReplies.Label("en", 0.99), ["priority"] = ModelReplies.Label("normal", 0.7),
            })
            : ModelReplies.Cooperative(r);

        var (_, triage) = await fixture.PostAsync($"/api/tickets/{ticket}/triage");
        var (_, rewrite) = await fixture.PostAsync("/api/rewrite", new { action = "friendlier", text = "Your refund was issued today.", ticketId = ticket });

        Assert.Equal(label, triage["intent"]!["value"]!.GetValue<string>());
        Assert.Equal([ticketIntent, null, label],
            await ColumnsAsync("SELECT intent, rewrite_action, triage_intent FROM suggestions WHERE id = $t", triage["suggestionId"]!.GetValue<string>()));
        Assert.Equal([ticketIntent, "friendlier", null],
            await ColumnsAsync("SELECT intent, rewrite_action, triage_intent FROM suggestions WHERE id = $t", rewrite["suggestionId"]!.GetValue<string>()));

        var byIntent = await SummaryAsync("intent");
        var byKind = await SummaryAsync("kind");
        Assert.Equal([ticketIntent], byIntent["rows"]!.AsArray().Select(r => r!["key"]!.GetValue<string>()));
        Assert.Contains(byKind["rows"]!.AsArray(), r => r!["key"]!.GetValue<string>() == "rewrite");
        Assert.Contains(byKind["rows"]!.AsArray(), r => r!["key"]!.GetValue<string>() == "triage");
        Assert.Equal(byKind["total"]!["shown"]!.GetValue<long>(), byIntent["rows"]![0]!["shown"]!.GetValue<long>());
    }

    private async Task<JsonNode> SummaryAsync(string groupBy)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var request = CopilotTestHost.Admin(HttpMethod.Get,
            $"/api/analytics/summary?tenant={CopilotTestHost.TenantId}&from={Day(-1)}&to={Day(2)}&groupBy={groupBy}");
        using var response = await fixture.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<List<string?>> ColumnsAsync(string sql, object parameter)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Host.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$t", parameter);
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync(), "the suggestion was stored");
        return Enumerable.Range(0, row.FieldCount).Select(i => row.IsDBNull(i) ? null : row.GetString(i)).ToList();
    }
}
