using Copilot.Api.Vocabulary;
using System.Diagnostics;
using System.Globalization;
using Copilot.Api.Analytics;
using Copilot.Api.Store;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Copilot.Benchmarks.Analytics;

/// <summary>
/// Ingest of feedback events with the rollup triggers active (batched, and one event per
/// transaction), the triggers' own cost (same ingest with them dropped), then the 90-day
/// summary's latency from the query service and over HTTP.
/// </summary>
public static class AnalyticsBenchmark
{
    public static readonly DateTime End = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);
    public const int Days = 90;

    public static async Task RunAsync(string[] args)
    {
        var events = Arg(args, "--events", 1_000_000);
        var batch = Arg(args, "--batch", 1_000);
        var single = Arg(args, "--single", 5_000);
        var compare = Arg(args, "--compare", 200_000);
        var queries = Arg(args, "--queries", 200);
        var dir = Path.Combine(Path.GetTempPath(), "copilot-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var report = new List<string>();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.Add(line);
        }
        try
        {
            var start = End.AddDays(-Days);
            Say($"- Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, SQLite {SqliteVersion()}");

            // --store PATH: measure queries on a store an earlier run kept (--keep), skipping ingest.
            var reuse = Text(args, "--store");
            var db = await NewStoreAsync(reuse ?? Path.Combine(dir, "main.db"), triggers: true);
            if (reuse is not null)
            {
                Say($"- Reused store {reuse}: ingest not measured");
            }
            else
            {
                await using var connection = (SqliteConnection)await db.OpenAsync(CancellationToken.None);
                var bulk = Load(connection, EventStream.Generate(events, start, Days, seed: 1), batch, progress: true);
                Say($"- Batched ingest, triggers on: {events:N0} feedback events + {bulk.Suggestions:N0} suggestions over {Days} days, {batch:N0} events per transaction: "
                    + $"{bulk.Seconds:F1} s, **{events / bulk.Seconds:N0} events/s** ({(events + bulk.Suggestions) / bulk.Seconds:N0} rows/s); slowest 100k-event stretch {bulk.SlowestRate:N0} events/s");

                var one = LoadSingly(connection, EventStream.Generate(single, start, Days, seed: 2, idPrefix: "x"));
                Say($"- One event per transaction (autocommit, WAL, synchronous=NORMAL), on top of that data: feedback {one.FeedbackRate:N0} events/s, suggestions {one.SuggestionRate:N0} rows/s ({single:N0} events)");
                Say($"- Rollups current after ingest: {Check(connection)}");
                Say($"- Store file: {new FileInfo(db.FilePath!).Length / 1024.0 / 1024.0:N0} MB (before checkpoint: WAL {WalMb(db.FilePath!):N0} MB)");

                var costOn = await CompareAsync(Path.Combine(dir, "on.db"), true, compare, batch, start);
                var costOff = await CompareAsync(Path.Combine(dir, "off.db"), false, compare, batch, start);
                Say($"- Trigger cost, {compare:N0} events into a fresh store: with triggers {costOn:N0} events/s, without {costOff:N0} events/s ({costOff / costOn:F1}× slower with rollups kept current)");
            }

            var period = new AnalyticsPeriod(DateOnly.FromDateTime(start), DateOnly.FromDateTime(End));
            var defaults = new AnalyticsOptions();
            var assumptions = new TimeSavedAssumptions(
                Wire.All<SuggestionKind>().ToDictionary(k => k, k => defaults.MinutesSavedPerAccepted.GetValueOrDefault(Wire.Name(k))), defaults.EditedSavingsFactor, []);
            var query = new SummaryQuery(db);
            var cold = await TimeAsync(queries, i => new SummaryQuery(db)
                .RunAsync(Ingest.Tenant, period, (SummaryGroupBy)(i % 4), assumptions, CancellationToken.None), warmUp: 0);
            Say($"- Summary, 90 days ({period.FromText} to {period.ToText}), groupBy kind/agent/intent/week in turn, {queries} calls, "
                + $"cold (new SummaryQuery each call: every day and week read from the rollups): p50 {cold.P50:F1} ms, **p95 {cold.P95:F1} ms**, max {cold.Max:F1} ms, CPU {cold.CpuMs:F1} ms/call");
            // Live: events keep arriving on the period's last day, so that day and its week are stale at every call.
            await using (var live = (SqliteConnection)await db.OpenAsync(CancellationToken.None))
            {
                using var ingest = new Ingest(live);
                using var arriving = EventStream.Generate(queries * 40, End.AddDays(-1), 1, seed: 4, idPrefix: "live").GetEnumerator();
                void Arrive()
                {
                    for (var k = 0; k < 10 && arriving.MoveNext(); k++)
                    {
                        ingest.Add(arriving.Current.Suggestion);
                        arriving.Current.Feedback.ToList().ForEach(ingest.Add);
                    }
                }
                var direct = await TimeAsync(queries, i => query.RunAsync(Ingest.Tenant, period, (SummaryGroupBy)(i % 4), assumptions, CancellationToken.None), before: Arrive);
                Say($"- Same, live (10 new suggestions with feedback committed before each call, outside the timing; one SummaryQuery as in the API): p50 {direct.P50:F1} ms, **p95 {direct.P95:F1} ms**, max {direct.Max:F1} ms, CPU {direct.CpuMs:F1} ms/call");
                var http = await SummaryOverHttp.RunAsync(db.FilePath!, period, queries, Arrive);
                Say($"- Same, live, over HTTP (Kestrel on 127.0.0.1, admin key, JSON; the ingest runs outside the timed request): p50 {http.P50:F1} ms, **p95 {http.P95:F1} ms**, max {http.Max:F1} ms");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!args.Contains("--keep"))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        Console.WriteLine();
        Console.WriteLine(string.Join(Environment.NewLine, report));
    }

    private static async Task<Db> NewStoreAsync(string path, bool triggers)
    {
        var db = new Db(path);
        await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        if (!triggers)
        {
            await using var c = await db.OpenAsync(CancellationToken.None);
            await c.ExecuteAsync("DROP TRIGGER analytics_suggestion_shown; DROP TRIGGER analytics_suggestion_cost; DROP TRIGGER analytics_feedback_outcome;");
        }
        return db;
    }

    private static async Task<double> CompareAsync(string path, bool triggers, int events, int batch, DateTime start)
    {
        var db = await NewStoreAsync(path, triggers);
        await using var c = (SqliteConnection)await db.OpenAsync(CancellationToken.None);
        return events / Load(c, EventStream.Generate(events, start, Days, seed: 3), batch, progress: false).Seconds;
    }

    private sealed record LoadResult(double Seconds, long Suggestions, double SlowestRate);

    private static LoadResult Load(SqliteConnection connection, IEnumerable<(SuggestionRow, IReadOnlyList<FeedbackRow>)> stream, int batch, bool progress)
    {
        using var ingest = new Ingest(connection);
        var total = Stopwatch.StartNew();
        var stretch = Stopwatch.StartNew();
        long suggestions = 0, feedback = 0, inBatch = 0;
        double slowest = double.MaxValue;
        var tx = connection.BeginTransaction();
        ingest.Transaction = tx;
        // Changed minds arrive a little later than the first answer, as in real use.
        var later = new List<FeedbackRow>();
        foreach (var (s, events) in stream)
        {
            ingest.Add(s);
            suggestions++;
            ingest.Add(events[0]);
            later.AddRange(events.Skip(1));
            inBatch += events.Count;
            feedback += events.Count;
            if (inBatch >= batch)
            {
                later.ForEach(ingest.Add);
                later.Clear();
                tx.Commit();
                tx.Dispose();
                tx = connection.BeginTransaction();
                ingest.Transaction = tx;
                inBatch = 0;
            }
            if (feedback % 100_000 < events.Count)
            {
                slowest = Math.Min(slowest, 100_000 / stretch.Elapsed.TotalSeconds);
                stretch.Restart();
                if (progress)
                {
                    Console.WriteLine($"  {feedback:N0} events, {feedback / total.Elapsed.TotalSeconds:N0}/s");
                }
            }
        }
        later.ForEach(ingest.Add);
        tx.Commit();
        tx.Dispose();
        return new LoadResult(total.Elapsed.TotalSeconds, suggestions, slowest == double.MaxValue ? feedback / total.Elapsed.TotalSeconds : slowest);
    }

    private static (double FeedbackRate, double SuggestionRate) LoadSingly(SqliteConnection connection, IEnumerable<(SuggestionRow, IReadOnlyList<FeedbackRow>)> stream)
    {
        using var ingest = new Ingest(connection);
        var suggestionTime = new Stopwatch();
        var feedbackTime = new Stopwatch();
        long suggestions = 0, feedback = 0;
        foreach (var (s, events) in stream)
        {
            suggestionTime.Start();
            ingest.Add(s);
            suggestionTime.Stop();
            suggestions++;
            feedbackTime.Start();
            foreach (var e in events)
            {
                ingest.Add(e);
            }
            feedbackTime.Stop();
            feedback += events.Count;
        }
        return (feedback / feedbackTime.Elapsed.TotalSeconds, suggestions / suggestionTime.Elapsed.TotalSeconds);
    }

    /// <summary>Rollups against a scan of the raw events: shown, and each suggestion's latest outcome.</summary>
    internal static string Check(SqliteConnection c)
    {
        var rolled = c.QuerySingle<(long Shown, long Accepted, long Edited, long Rejected)>(
            "SELECT sum(shown), sum(accepted), sum(edited), sum(rejected) FROM analytics_daily");
        var weekly = c.QuerySingle<(long Shown, long Accepted, long Edited, long Rejected)>(
            "SELECT sum(shown), sum(accepted), sum(edited), sum(rejected) FROM analytics_weekly");
        var shown = c.ExecuteScalar<long>("SELECT count(*) FROM suggestions");
        var latest = c.Query<(string Outcome, long Count)>(
            """
            SELECT outcome, count(*) FROM (
                SELECT outcome, row_number() OVER (PARTITION BY suggestion_id ORDER BY created_at DESC, rowid DESC) AS rn FROM feedback)
            WHERE rn = 1 GROUP BY outcome
            """).ToDictionary(r => r.Outcome, r => r.Count);
        var raw = (shown, latest.GetValueOrDefault("accepted"), latest.GetValueOrDefault("edited"), latest.GetValueOrDefault("rejected"));
        return rolled == raw && weekly == raw
            ? $"yes (daily and weekly rollups equal a scan of raw events: shown {shown:N0}, accepted {raw.Item2:N0}, edited {raw.Item3:N0}, rejected {raw.Item4:N0})"
            : $"NO: daily {rolled}, weekly {weekly}, raw {raw}";
    }

    internal sealed record Latency(double P50, double P95, double Max, double CpuMs);

    /// <param name="before">Runs before each call, outside the timing (the live ingest).</param>
    internal static async Task<Latency> TimeAsync(int calls, Func<int, Task> call, int warmUp = 5, Action? before = null)
    {
        for (var i = 0; i < warmUp; i++)
        {
            before?.Invoke();
            await call(i);
        }
        var times = new List<double>(calls);
        var cpu = TimeSpan.Zero;
        for (var i = 0; i < calls; i++)
        {
            before?.Invoke();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            await call(i);
            times.Add(sw.Elapsed.TotalMilliseconds);
            cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        }
        var cpuMs = cpu.TotalMilliseconds / calls;
        times.Sort();
        return new Latency(Percentile(times, 0.50), Percentile(times, 0.95), times[^1], cpuMs);
    }

    internal static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string SqliteVersion()
    {
        using var c = new SqliteConnection("Data Source=:memory:");
        c.Open();
        return c.ExecuteScalar<string>("SELECT sqlite_version()") ?? "?";
    }

    private static double WalMb(string path) => File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length / 1024.0 / 1024.0 : 0;

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    internal sealed class Fixed<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;
        public T Get(string? name) => value;
        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
