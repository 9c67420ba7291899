using System.Diagnostics;
using System.Globalization;
using System.Text;
using Copilot.Api.Analytics;
using Copilot.Api.Store;
using Copilot.Api.Vocabulary;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Copilot.Benchmarks.Analytics;

/// <summary>
/// Analytics on PostgreSQL: <c>--events</c> feedback events (default 1,000,000) over 90 days ingested with the rollup
/// triggers on, then the 90-day summary, cold (every day and week read from the rollups), grouped by kind, agent,
/// intent and week in turn. Goal: p95 ≤ 100 ms. Runs in a schema of its own in the database given with
/// <c>--postgres</c> (<see cref="PostgresBench"/>).
/// </summary>
public static class PostgresAnalyticsBenchmark
{
    public const double GoalP95Ms = 100;
    private const int Days = 90;
    private static readonly DateTime End = new(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);

    public static async Task<int> RunAsync(string[] args)
    {
        if (Text(args, "--postgres") is not { } postgres)
        {
            Console.Error.WriteLine("analytics-postgres needs --postgres \"Host=…;Database=…;Username=…\" (a database the user may create schemas in).");
            return 2;
        }
        var quick = args.Contains("--quick");
        var events = Number(args, "--events", quick ? 20_000 : 1_000_000);
        var batch = Number(args, "--batch", 5_000);
        var queries = Number(args, "--queries", quick ? 20 : 200);
        await using var bench = await PostgresBench.CreateAsync(postgres, args.Contains("--keep"));
        await using var db = Db.Postgres(bench.ConnectionString);
        await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        var start = End.AddDays(-Days);

        var wall = Stopwatch.StartNew();
        await using (var connection = await db.OpenAsync(CancellationToken.None))
        await using (var ingest = new StoreIngest(connection, batch))
        {
            foreach (var (suggestion, feedback) in EventStream.Generate(events, start, Days, seed: 1))
            {
                await ingest.AddAsync(suggestion);
                foreach (var f in feedback)
                {
                    await ingest.AddAsync(f);
                }
            }
        }
        var ingestSeconds = wall.Elapsed.TotalSeconds;
        string current;
        await using (var c = await db.OpenAsync(CancellationToken.None))
        {
            var shown = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM suggestions");
            var rolled = await c.ExecuteScalarAsync<long>("SELECT coalesce(sum(shown), 0) FROM analytics_weekly");
            current = shown == rolled ? $"yes (weekly rollups count {shown:N0} suggestions shown, as the rows do)" : $"NO: {rolled:N0} counted, {shown:N0} rows";
            await c.ExecuteAsync("ANALYZE analytics_daily, analytics_weekly, analytics_versions, analytics_latest");
        }

        var period = new AnalyticsPeriod(DateOnly.FromDateTime(start), DateOnly.FromDateTime(End));
        var defaults = new AnalyticsOptions();
        var assumptions = new TimeSavedAssumptions(
            Wire.All<SuggestionKind>().ToDictionary(k => k, k => defaults.MinutesSavedPerAccepted.GetValueOrDefault(Wire.Name(k))), defaults.EditedSavingsFactor, []);
        var cold = await AnalyticsBenchmark.TimeAsync(queries, i => new SummaryQuery(db)
            .RunAsync(Ingest.Tenant, period, (SummaryGroupBy)(i % 4), assumptions, CancellationToken.None), warmUp: 0);

        var report = new StringBuilder()
            .AppendLine("## Analytics on PostgreSQL")
            .AppendLine()
            .AppendLine($"Command: `dotnet run -c Release --project benchmarks/Copilot.Benchmarks -- analytics-postgres --postgres … --events {events}` ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC).")
            .AppendLine($"Machine: {BenchmarkReport.MachineInfo()}; load average at the end {BenchmarkReport.LoadAverage()}.")
            .AppendLine()
            .AppendLine($"- Ingest, triggers on: {events:N0} feedback events over {Days} days, {batch:N0} rows per transaction: {ingestSeconds:F1} s, {events / ingestSeconds:N0} events/s")
            .AppendLine($"- Rollups current after ingest: {current}")
            .AppendLine($"- Summary, {Days} days, groupBy kind/agent/intent/week in turn, {queries} calls, cold: p50 {cold.P50:F1} ms, **p95 {cold.P95:F1} ms**, max {cold.Max:F1} ms (goal p95 ≤ {GoalP95Ms:N0} ms: **{(cold.P95 <= GoalP95Ms ? "met" : "not met")}**)")
            .ToString();
        Console.WriteLine(report);
        if (Text(args, "--out") is { } outPath)
        {
            await BenchmarkReport.WriteSectionAsync(outPath, "analytics-postgres", report);
        }
        return 0;
    }

    private static string? Text(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static int Number(string[] args, string name, int fallback) =>
        Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
