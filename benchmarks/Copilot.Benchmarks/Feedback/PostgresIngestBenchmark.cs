using System.Globalization;
using System.Text;
using Copilot.Api.Store;
using Copilot.Api.Suggestions;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Benchmarks.Feedback;

/// <summary>
/// Feedback ingest on PostgreSQL: two instances of the real host against one database (a schema of its own in the
/// database given with <c>--postgres</c>), <c>--clients</c> (default 64) HTTP clients spread over both, then the same
/// load on one instance with its SQLite file, in the same run. Acknowledged events/s and latency per instance, and
/// whether every acknowledged event is stored exactly once. Goal: ≥ 5,000 acknowledged events/s across the two.
/// </summary>
public static class PostgresIngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (Text(args, "--postgres") is not { } postgres)
        {
            Console.Error.WriteLine("ingest-postgres needs --postgres \"Host=…;Database=…;Username=…\" (a database the user may create schemas in).");
            return 2;
        }
        var quick = args.Contains("--quick");
        var events = Number(args, "--events", quick ? 2_000 : 20_000);
        var clients = Number(args, "--clients", 64);
        // Per instance, as in the SQLite ingest benchmark: long enough for tiered compilation to settle in each host.
        var warmUp = Number(args, "--warmup", quick ? 200 : 20_000);
        var directory = Directory.CreateTempSubdirectory("copilot-ingest-").FullName;
        var rows = new List<string>();
        var notes = new List<string>();
        try
        {
            await using (var bench = await PostgresBench.CreateAsync(postgres, args.Contains("--keep")))
            await using (var a = await HttpIngest.StartAsync(Path.Combine(directory, "unused.db"), clients, bench.ConnectionString))
            await using (var b = await HttpIngest.StartAsync(Path.Combine(directory, "unused.db"), clients, bench.ConnectionString))
            {
                var (warmA, warmB) = (await PrepareAsync(a, "warm_a", warmUp, 1), await PrepareAsync(a, "warm_b", warmUp, 3));
                await Task.WhenAll(a.PostAsync(warmA, clients / 2), b.PostAsync(warmB, clients - clients / 2));
                var load = await PrepareAsync(a, "pg_", events, 2);
                var half = load.Count / 2;
                var runs = await Task.WhenAll(a.PostAsync(load.Take(half).ToList(), clients / 2), b.PostAsync(load.Skip(half).ToList(), clients - clients / 2));
                var acknowledged = runs.Sum(r => r.Acknowledged);
                var seconds = runs.Max(r => r.Seconds);
                foreach (var (run, name) in runs.Zip(new[] { "A", "B" }))
                {
                    rows.Add(Row($"PostgreSQL, instance {name}", name == "A" ? clients / 2 : clients - clients / 2, run));
                }
                rows.Add($"| PostgreSQL, both instances | {clients} | {load.Count:N0} | **{acknowledged / seconds:N0}** | | | | ≥ {FeedbackIngestBenchmark.Goal:N0}/s |");
                await using var db = Db.Postgres(bench.ConnectionString);
                await using var c = await db.OpenAsync(CancellationToken.None);
                var stored = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM feedback WHERE suggestion_id LIKE 'sg\\_pg\\_%' ESCAPE '\\'");
                var durability = $"fsync {await c.ExecuteScalarAsync<string>("SHOW fsync")}, synchronous_commit {await c.ExecuteScalarAsync<string>("SHOW synchronous_commit")}";
                notes.Add($"PostgreSQL server: {durability}");
                notes.Add($"PostgreSQL: {acknowledged:N0} events acknowledged, {stored:N0} stored ({(stored == acknowledged ? "each once" : "NOT each once")})");
            }

            await using (var sqlite = await HttpIngest.StartAsync(Path.Combine(directory, "copilot.db"), clients))
            {
                await sqlite.PostAsync(await PrepareAsync(sqlite, "warm", warmUp, 1), clients);
                var run = await sqlite.PostAsync(await PrepareAsync(sqlite, "lite_", events, 2), clients);
                rows.Add(Row("SQLite, one instance", clients, run));
                notes.Add($"SQLite: {run.Acknowledged:N0} of {run.Events:N0} events acknowledged");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        var report = new StringBuilder()
            .AppendLine("## Feedback ingest on PostgreSQL, two instances")
            .AppendLine()
            .AppendLine($"Command: `scripts/with-postgres.sh --durable sh -c 'dotnet run -c Release --project benchmarks/Copilot.Benchmarks -- ingest-postgres --postgres \"$COPILOT_POSTGRES\" --events {events} --clients {clients}'` ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC).")
            .AppendLine($"Machine: {BenchmarkReport.MachineInfo()}; load average at the end {BenchmarkReport.LoadAverage()}.")
            .AppendLine("Two hosts in this process against one PostgreSQL database, half the clients on each, then one host on its SQLite file")
            .AppendLine("with all the clients; events as in the SQLite ingest benchmark (a distinct suggestion per event, rollup triggers on).")
            .AppendLine()
            .AppendLine("| path | clients | events | events/s | p50 ms | p95 ms | p99 ms | goal |")
            .AppendLine("|---|---|---|---|---|---|---|---|");
        rows.ForEach(r => report.AppendLine(r));
        report.AppendLine();
        notes.ForEach(n => report.AppendLine($"- {n}"));
        Console.WriteLine(report);
        if (Text(args, "--out") is { } outPath)
        {
            await BenchmarkReport.WriteSectionAsync(outPath, "ingest-postgres", report.ToString());
        }
        return 0;
    }

    private static async Task<IReadOnlyList<IngestEvent>> PrepareAsync(HttpIngest host, string prefix, int count, int seed)
    {
        var suggestions = host.Services.GetRequiredService<SuggestionStore>();
        var shown = IngestEvents.Suggestions(HttpIngest.Tenant, prefix, count, seed);
        foreach (var chunk in shown.Chunk(1_000))
        {
            await suggestions.AddAsync(chunk, CancellationToken.None);
        }
        return IngestEvents.For(shown, seed);
    }

    private static string Row(string path, int clients, HttpIngest.Run run) =>
        $"| {path} | {clients} | {run.Events:N0} | {run.Acknowledged / run.Seconds:N0} | {run.P50Ms:F2} | {run.P95Ms:F2} | {run.P99Ms:F2} | |";

    private static string? Text(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static int Number(string[] args, string name, int fallback) =>
        Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
