using System.Diagnostics;
using Copilot.Api.Feedback;
using Copilot.Api.Store;
using Microsoft.Data.Sqlite;

namespace Copilot.Benchmarks.Feedback;

/// <summary>
/// The same events written straight to the store with the feedback store's own INSERT (the rollup triggers run
/// in each), no HTTP, no queue: the ceiling the HTTP figures are read against.
/// </summary>
public static class RawInserts
{
    public sealed record Rate(double EventsPerSecond, double? P50Ms, double? P95Ms);

    /// <param name="perTransaction">1: each event in its own transaction (autocommit).</param>
    /// <param name="prepared">false: a new command per event, compiled each time (as the store wrote before group commit).</param>
    public static async Task<Rate> RunAsync(Db db, string tenant, IReadOnlyList<IngestEvent> events, int perTransaction, bool prepared)
    {
        await using var connection = (SqliteConnection)await db.OpenAsync(CancellationToken.None);
        SqliteCommand? command = prepared ? Command(connection) : null;
        var latencies = new List<double>(events.Count);
        var wall = Stopwatch.StartNew();
        for (var start = 0; start < events.Count; start += perTransaction)
        {
            var began = Stopwatch.GetTimestamp();
            using var tx = perTransaction > 1 ? connection.BeginTransaction() : null;
            foreach (var e in events.Skip(start).Take(perTransaction))
            {
                var insert = command ?? Command(connection);
                insert.Transaction = tx;
                Bind(insert, tenant, e);
                insert.ExecuteNonQuery();
                if (command is null)
                {
                    insert.Dispose();
                }
            }
            tx?.Commit();
            latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }
        var seconds = wall.Elapsed.TotalSeconds;
        command?.Dispose();
        if (perTransaction > 1)
        {
            return new Rate(events.Count / seconds, null, null);
        }
        latencies.Sort();
        return new Rate(events.Count / seconds, Analytics.AnalyticsBenchmark.Percentile(latencies, 0.50), Analytics.AnalyticsBenchmark.Percentile(latencies, 0.95));
    }

    private static SqliteCommand Command(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = FeedbackStore.Insert;
        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand insert, string tenant, IngestEvent e)
    {
        insert.Set("@tenant", tenant);
        insert.Set("@event_id", e.EventId);
        insert.Set("@suggestion_id", e.SuggestionId);
        insert.Set("@agent_id", "agent-raw");
        insert.Set("@outcome", e.Outcome);
        insert.Set("@final_text", e.FinalText);
        insert.Set("@edit_distance", e.Edit?.Distance);
        insert.Set("@edit_ratio", e.Edit?.Ratio);
        insert.Set("@reason", e.Reason);
        insert.Set("@comment", (string?)null);
        insert.Set("@created_at", DateTime.UtcNow.ToString("O"));
    }
}
