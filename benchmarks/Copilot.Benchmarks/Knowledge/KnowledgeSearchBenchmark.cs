using System.Diagnostics;
using System.Text;
using Copilot.Api.Knowledge;
using Copilot.Api.Store;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Copilot.Benchmarks.Knowledge;

/// <summary>
/// Builds an index of 100,000 synthetic passages through the product's KnowledgeIndex (real
/// migrations, real splitter, one transaction per 1,000 sources), then times 1,000 top-5
/// searches one after another, each on a pooled connection as a request would.
/// </summary>
public static class KnowledgeSearchBenchmark
{
    private const int Seed = 20261123;
    private const int TargetPassages = 100_000;
    private const int QueryCount = 1_000;
    private const int Warmup = 50;
    private const int Batch = 1_000;
    private const string Tenant = "bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var outPath = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
        var path = Path.Combine(Path.GetTempPath(), $"copilot-bench-knowledge-{Guid.NewGuid():N}.db");
        try
        {
            var db = new Db(path);
            await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
            var options = new KnowledgeOptions();
            if (args.SkipWhile(a => a != "--max-postings").Skip(1).FirstOrDefault() is { } budget)
            {
                options.MaxQueryPostings = long.Parse(budget, System.Globalization.CultureInfo.InvariantCulture);
            }
            var index = new KnowledgeIndex(db, options);
            var corpus = new SyntheticCorpus(Seed);

            // Generate first, so the build time is the index's alone.
            var sources = new List<KnowledgeDocument>();
            var passages = 0;
            while (passages < TargetPassages)
            {
                var source = corpus.Source(sources.Count);
                sources.Add(source);
                passages += Math.Max(1, PassageSplitter.Split(source.Text, options.PassageMinWords, options.PassageMaxWords).Count);
            }
            Console.WriteLine($"Indexing {sources.Count:N0} sources, {passages:N0} passages ...");
            var build = Stopwatch.StartNew();
            foreach (var chunk in sources.Chunk(Batch))
            {
                await index.UpsertAsync(Tenant, chunk, CancellationToken.None);
            }
            build.Stop();
            var buildRate = passages / build.Elapsed.TotalSeconds;
            var plainRate = passages / (await PlainBuildAsync(sources, options)).TotalSeconds;

            await using (var connection = await db.OpenAsync(CancellationToken.None))
            {
                await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            var sizeMb = new FileInfo(path).Length / 1024.0 / 1024.0;

            var queries = Enumerable.Range(0, Warmup + QueryCount).Select(_ => corpus.Query()).ToList();
            foreach (var (_, text) in queries.Take(Warmup))
            {
                await index.SearchAsync(Tenant, new KnowledgeQuery(text, 5), CancellationToken.None);
            }
            var timings = new List<(string Kind, double Ms, int Hits)>();
            foreach (var (kind, text) in queries.Skip(Warmup))
            {
                var sw = Stopwatch.StartNew();
                var hits = await index.SearchAsync(Tenant, new KnowledgeQuery(text, 5), CancellationToken.None);
                timings.Add((kind, sw.Elapsed.TotalMilliseconds, hits.Count));
            }

            var load = BenchmarkReport.LoadAverage();
            var report = Report(load, sources.Count, passages, build.Elapsed, buildRate, plainRate, sizeMb, timings, options, SqliteVersion(db));
            Console.WriteLine(report);
            if (outPath is not null)
            {
                await BenchmarkReport.WriteSectionAsync(outPath, "knowledge", report);
            }
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    /// <summary>
    /// The same sources, right after, into a store whose triggers index every passage as written (no past-reply
    /// placeholders left out, <see cref="Copilot.Api.Knowledge.FullText.SearchedText"/>): what that choice costs the writes.
    /// </summary>
    private static async Task<TimeSpan> PlainBuildAsync(List<KnowledgeDocument> sources, KnowledgeOptions options)
    {
        var path = Path.Combine(Path.GetTempPath(), $"copilot-bench-knowledge-plain-{Guid.NewGuid():N}.db");
        try
        {
            var db = new Db(path);
            await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
            await using (var connection = await db.OpenAsync(CancellationToken.None))
            {
                await connection.ExecuteAsync(Copilot.Api.Knowledge.FullText.SearchedText.SqliteTriggers(strip: false));
            }
            var index = new KnowledgeIndex(db, options);
            var build = Stopwatch.StartNew();
            foreach (var chunk in sources.Chunk(Batch))
            {
                await index.UpsertAsync(Tenant, chunk, CancellationToken.None);
            }
            return build.Elapsed;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    private static string SqliteVersion(Db db)
    {
        using var connection = db.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        return connection.ExecuteScalar<string>("SELECT sqlite_version()") ?? "?";
    }

    private static string Report(string load, int sources, int passages, TimeSpan build, double rate, double plainRate, double sizeMb, List<(string Kind, double Ms, int Hits)> timings, KnowledgeOptions options, string sqlite)
    {
        var b = new StringBuilder();
        b.AppendLine("## Knowledge search");
        b.AppendLine();
        b.AppendLine("```sh");
        b.AppendLine("dotnet run -c Release --project benchmarks/Copilot.Benchmarks -- knowledge --out docs/benchmarks.md");
        b.AppendLine("```");
        b.AppendLine();
        b.AppendLine($"Machine: {BenchmarkReport.MachineInfo()}; SQLite {sqlite}. Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average at the end {load} (the machine is shared).");
        b.AppendLine();
        b.AppendLine($"Index: {sources:N0} synthetic sources (seed {Seed}; Zipf-distributed pseudo-words over a 20,000-word vocabulary, " +
                     $"30 % English stop words) cut into **{passages:N0} passages** of {options.PassageMinWords}-{options.PassageMaxWords} words, " +
                     $"written through `KnowledgeIndex.UpsertAsync` in transactions of {Batch:N0} sources.");
        b.AppendLine();
        b.AppendLine($"- Build: {build.TotalSeconds:0.0} s, **{rate:N0} passages/s**; database file {sizeMb:0} MB after checkpoint.");
        b.AppendLine($"- The same sources right after, into a store whose triggers index every passage as written (scrubbing placeholders not left out, " +
                     $"`SearchedText.SqliteTriggers(strip: false)`): {plainRate:N0} passages/s; ours ÷ that = **{rate / plainRate:0.00}×**.");
        b.AppendLine();
        b.AppendLine($"Top-5 search (`KnowledgeIndex.SearchAsync`, one per source, title weight {options.TitleWeight}, at most {options.MaxQueryTerms} terms and {options.MaxQueryPostings:N0} postings), " +
                     $"{timings.Count:N0} queries one after another after {Warmup} warm-up queries:");
        b.AppendLine();
        b.AppendLine("| queries | n | mean ms | p50 ms | p95 ms | p99 ms | max ms | mean hits |");
        b.AppendLine("|---|---|---|---|---|---|---|---|");
        b.AppendLine(Row("all", timings));
        foreach (var kind in new[] { "phrase", "message", "thread" })
        {
            b.AppendLine(Row(kind switch
            {
                "phrase" => "phrase (2-8 words)",
                "message" => "message (20-60 words)",
                _ => "thread (200-400 words)",
            }, timings.Where(t => t.Kind == kind).ToList()));
        }
        var p95 = Percentile(timings.Select(t => t.Ms).ToList(), 0.95);
        b.AppendLine();
        b.AppendLine($"Goal p95 ≤ 10 ms: **{(p95 <= 10 ? "met" : "not met")}** ({p95:0.00} ms).");
        b.AppendLine();
        b.AppendLine("Notes:");
        b.AppendLine("- A search is everything `SearchAsync` does: a pooled connection, the term-frequency lookup (cached between queries, cleared on writes), " +
                     "the ranked FTS5 read with the tenant/kind/locale join, one hit per source, and the passage fetch.");
        b.AppendLine("- The corpus is harsher than a real help centre: its commonest pseudo-words sit in up to 98 % of passages. " +
                     "Scoring cost grows with the passages matched times the terms kept, which is why queries keep their rarest terms " +
                     $"within {options.MaxQueryTerms} terms and {options.MaxQueryPostings:N0} postings; a query whose rarest term alone is over " +
                     "that budget is ranked among the newest matches only (the phrase tail).");
        b.AppendLine("- Wall-clock times on a 2-core machine shared with other builds; the load average above says how busy it was.");
        return b.ToString();
    }

    private static string Row(string name, List<(string Kind, double Ms, int Hits)> t)
    {
        var ms = t.Select(x => x.Ms).ToList();
        return $"| {name} | {t.Count} | {ms.Average():0.00} | {Percentile(ms, 0.50):0.00} | {Percentile(ms, 0.95):0.00} | {Percentile(ms, 0.99):0.00} | {ms.Max():0.00} | {t.Average(x => x.Hits):0.0} |";
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
