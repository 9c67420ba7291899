using Copilot.Api.Analytics.Rollups;
using Copilot.Api.Vocabulary;
using Dapper;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Copilot.Tests.Analytics;

/// <summary>
/// Counts per suggestion kind and rollup column (<c>draft/accepted</c>, <c>summary/rej_policy</c>, …), read
/// from a rollup table or worked out from the raw rows (each suggestion's latest feedback event counts),
/// so a test can ask whether the rollups are current. Zero counts are left out.
/// </summary>
internal static class RollupScan
{
    public static async Task<SortedDictionary<string, long>> FromRawRowsAsync(DbConnection c)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        void Add(string kind, string column) => counts[$"{kind}/{column}"] = counts.GetValueOrDefault($"{kind}/{column}") + 1;
        foreach (var kind in await c.QueryAsync<string>("SELECT kind FROM suggestions"))
        {
            Add(kind, RollupColumns.Shown);
        }
        // Of events at the same time the one written last counts (SQLite's rowid; PostgreSQL's tests give each its own time).
        var latest = await c.QueryAsync<(string Kind, string Outcome, string? Reason, double? Ratio)>(
            $"""
            SELECT s.kind, f.outcome, f.reason, f.edit_ratio FROM suggestions AS s JOIN (
                SELECT suggestion_id, outcome, reason, edit_ratio,
                       row_number() OVER (PARTITION BY suggestion_id ORDER BY created_at DESC{(c is SqliteConnection ? ", rowid DESC" : "")}) AS rn
                FROM feedback) AS f ON f.suggestion_id = s.id
            WHERE f.rn = 1
            """);
        foreach (var (kind, text, reason, ratio) in latest)
        {
            var outcome = Wire.Parse<FeedbackOutcome>(text);
            Add(kind, RollupColumns.Of(outcome));
            if (outcome == FeedbackOutcome.Rejected)
            {
                Add(kind, RollupColumns.Of(Wire.TryParse<RejectionReason>(reason, out var r) ? r : RejectionReason.Other));
            }
            if (outcome == FeedbackOutcome.Edited && ratio is { } measured)
            {
                Add(kind, RollupColumns.Of(EditBuckets.Of(measured)));
            }
        }
        return counts;
    }

    public static async Task<SortedDictionary<string, long>> FromRollupsAsync(DbConnection c, string table)
    {
        string[] columns = [RollupColumns.Shown, .. RollupColumns.Counted];
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await c.ExecuteReaderAsync(
            $"SELECT kind, {string.Join(", ", columns.Select(x => $"sum({x})"))} FROM {table} GROUP BY kind");
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < columns.Length; i++)
            {
                if (reader.GetInt64(i + 1) is var n and not 0)
                {
                    counts[$"{reader.GetString(0)}/{columns[i]}"] = n;
                }
            }
        }
        return counts;
    }
}
