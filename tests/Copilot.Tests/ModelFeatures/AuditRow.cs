using Microsoft.Data.Sqlite;

namespace Copilot.Tests.ModelFeatures;

/// <summary>A suggestion's model audit as stored.</summary>
public sealed record AuditRow(
    string Id, string Kind, string Provider, string? Model, string PromptVersion,
    long? TokensIn, long? TokensOut, double? Cost, string? Currency, double? FirstTokenMs, double? TotalMs, string? Flags)
{
    private const string Columns = "id, kind, provider, model, prompt_version, tokens_in, tokens_out, cost_usd, cost_currency, first_token_ms, total_ms, flags";

    public static Task<AuditRow> ByIdAsync(string databasePath, string id) =>
        SingleAsync(databasePath, $"SELECT {Columns} FROM suggestions WHERE id = $a", id, null);

    /// <summary>The newest suggestion of that kind for the ticket.</summary>
    public static Task<AuditRow> LatestAsync(string databasePath, long ticketId, string kind) =>
        SingleAsync(databasePath, $"SELECT {Columns} FROM suggestions WHERE ticket_id = $a AND kind = $b ORDER BY created_at DESC, rowid DESC LIMIT 1", ticketId, kind);

    /// <summary>What the fixture's price table (2.5 in, 10 out per million tokens) makes of the stored tokens.</summary>
    public double ExpectedCost => (TokensIn ?? 0) * 2.5 / 1_000_000 + (TokensOut ?? 0) * 10.0 / 1_000_000;

    private static async Task<AuditRow> SingleAsync(string databasePath, string sql, object a, object? b)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$a", a);
        if (b is not null)
        {
            command.Parameters.AddWithValue("$b", b);
        }
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync(), "the suggestion was stored");
        T? Get<T>(int i) => row.IsDBNull(i) ? default : row.GetFieldValue<T>(i);
        return new AuditRow(
            row.GetString(0), row.GetString(1), row.GetString(2), Get<string>(3), row.GetString(4),
            row.IsDBNull(5) ? null : row.GetInt64(5), row.IsDBNull(6) ? null : row.GetInt64(6),
            row.IsDBNull(7) ? null : row.GetDouble(7), Get<string>(8),
            row.IsDBNull(9) ? null : row.GetDouble(9), row.IsDBNull(10) ? null : row.GetDouble(10), Get<string>(11));
    }
}
