using System.Diagnostics;
using System.Text;
using Copilot.Api.Knowledge;
using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.Languages;
using Copilot.Api.ModelTasks;
using Copilot.Api.Store;
using Copilot.Api.Tenants;
using Copilot.Benchmarks.Models;
using Copilot.Connectors.Models;
using Copilot.Connectors.Models.Local;
using Copilot.Connectors.Text;
using Copilot.Fakes.Zendesk;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Copilot.Benchmarks.Knowledge;

/// <summary>
/// The built-in embedding model (docs/benchmarks.md, "Offline embeddings"): query embedding on one core,
/// indexing through <see cref="PassageVectors"/>, hybrid search over 100,000 passages of its width beside
/// keyword search alone, process memory, and cold assists with the model on and off, side by side.
/// </summary>
public static class EmbeddingBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var outPath = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "docs/benchmarks.md";
        var passages = Option(args, "--passages", 100_000);
        var indexed = Option(args, "--index", 1_000);
        var queries = Option(args, "--queries", 300);
        var coldRounds = Option(args, "--cold-rounds", 3);
        var report = new StringBuilder();
        report.AppendLine("## Offline embeddings").AppendLine()
            .AppendLine("```sh").AppendLine("dotnet run -c Release --project benchmarks/Copilot.Benchmarks -- embeddings --out docs/benchmarks.md").AppendLine("```").AppendLine()
            .AppendLine($"Machine: {BenchmarkReport.MachineInfo()}. Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.").AppendLine();

        var rssStart = Rss();
        var load = Stopwatch.StartNew();
        var model = LocalEmbeddingModel.Instance ?? throw new InvalidOperationException(LocalEmbeddingModel.LoadError);
        var loadMs = load.Elapsed.TotalMilliseconds;
        var rssModel = Rss();
        // First, while the process holds nothing else: the model and the vectors of a 100,000-passage index.
        var (rssIndex, managed) = MemoryWithIndex(model, passages);

        var (queryMs, floatMs, otherMs, other, tokens, agreement) = QueryTimes(model, queries);
        var byLength = QueryTimesByLength(model, queries / 3);
        var (rate, indexMs) = await IndexRateAsync(indexed, new KnowledgeOptions());
        var (singleRate, _) = await IndexRateAsync(indexed, new KnowledgeOptions { VectorContextPassages = 0 });
        GC.Collect();
        var rssIndexed = Rss();
        var (bm25, vectors, hybrid) = await HybridBenchmark.RunAsync(passages, LocalEmbeddingModel.Dimensions, queries);
        var cold = await ColdAssist.CompareAsync(coldRounds);

        report.AppendLine("| measure | p50 | p95 | p99 | goal |").AppendLine("|---|---|---|---|---|")
            .AppendLine(Row($"query embedding, one core, demo tickets' subject + first message (mean {tokens.Average():0} tokens, at most {model.Spec.QueryTokens}), {model.Name}", queryMs, "p95 ≤ 10 ms"))
            .AppendLine(Row($"the same with the float model ({model.Spec.Name}), alternating call by call with the row above; cosine between the two models' vectors: min {agreement.Min():0.0000}, mean {agreement.Average():0.0000}", floatMs, ""))
            .AppendLine(Row($"the same with the other built-in model, {other} (its query instruction included), in the same alternation", otherMs, ""))
            .AppendLine(string.Concat(byLength.Select(b => Row($"query embedding by length: {b.Tokens} tokens", b.Ms, "") + "\n")).TrimEnd())
            .AppendLine(Row($"keyword search alone: BM25 top-40 over {passages:N0} passages (ms)", bm25, ""))
            .AppendLine(Row($"vector top-{HybridKnowledgeSearch.Candidates * 2} over {passages:N0} × {LocalEmbeddingModel.Dimensions} (ms)", vectors, ""))
            .AppendLine(Row($"hybrid top-5 (BM25 ∥ vectors, fusion, details) beyond the query embedding (ms)", hybrid, "p95 ≤ 10 ms"))
            .AppendLine(Row("cold assist minus its helpdesk calls, keyword search only (ms)", cold.Keywords, ""))
            .AppendLine(Row("cold assist minus its helpdesk calls, with the built-in model (ms)", cold.Embeddings, "p95 ≤ 25 ms"))
            .AppendLine()
            .AppendLine($"- Indexing through `PassageVectors.EmbedMissingAsync` (SQLite read, embed, write): {indexed:N0} passages of 40-80 words, each read with the next {new KnowledgeOptions().VectorContextPassages} of its source (the default), in {indexMs / 1000:0.0} s, **{rate:0} passages/s** on {Environment.ProcessorCount} cores (goal ≥ 50); one passage per vector: {singleRate:0} passages/s.")
            .AppendLine($"- Model load: {loadMs:0} ms. Resident memory: {rssStart:0} MB at start, {rssModel:0} MB with the model loaded, " +
                        $"**{rssIndex:0} MB** with the model, {passages:N0} passage vectors and {passages / 4:N0} title vectors in memory and one search run ({managed:0} MB managed heap; goal ≤ 350 MB). " +
                        $"The web host and SQLite's page cache come on top of this in the server. After the indexing run below: {rssIndexed:0} MB.")
            .AppendLine($"- Cold assists: {cold.Keywords.Count} per configuration ({coldRounds} rounds over the demo's tickets), the two hosts alternating ticket by ticket; each assist minus the same thread fetched directly just before it. Helpdesk calls per cold assist: {cold.CallsPerAssist:0.00}.")
            .AppendLine($"- Load average at the end: {BenchmarkReport.LoadAverage()} (wall-clock times on a shared 2-core machine).");
        Console.WriteLine(report);
        await BenchmarkReport.WriteSectionAsync(outPath, "embeddings", report.ToString());
        return 0;
    }

    /// <summary>
    /// Query embedding times of the process's (8-bit) model and of the float model, alternating call by
    /// call so both see the same machine, and how close their vectors are.
    /// </summary>
    private static (List<double> Ms, List<double> FloatMs, List<double> OtherMs, string Other, List<int> Tokens, List<float> Agreement) QueryTimes(LocalEmbeddingModel model, int count)
    {
        var demo = FakeZendeskData.LoadDemo();
        var texts = demo.Tickets.Select(t => t.Subject + "\n" + HtmlText.ToText(t.Comments.FirstOrDefault()?.HtmlBody)).ToList();
        using var exact = LocalEmbeddingModel.Load(model.Spec, quantized: false);
        using var other = LocalEmbeddingModel.Load(LocalModelSpec.All.First(m => m != model.Spec), quantized: true);
        var generators = new[] { new LocalEmbeddingGenerator(model), new LocalEmbeddingGenerator(exact), new LocalEmbeddingGenerator(other) };
        var agreement = texts.Select(text => System.Numerics.Tensors.TensorPrimitives.Dot(
            generators[0].GenerateAsync([text], EmbeddingPurpose.Query).GetAwaiter().GetResult()[0].Vector.Span,
            generators[1].GenerateAsync([text], EmbeddingPurpose.Query).GetAwaiter().GetResult()[0].Vector.Span)).ToList();
        var ms = new[] { new List<double>(), new List<double>(), new List<double>() };
        for (var i = 0; i < count * 3; i++)
        {
            var started = Stopwatch.GetTimestamp();
            generators[i % 3].GenerateAsync([texts[i / 3 % texts.Count]], EmbeddingPurpose.Query).GetAwaiter().GetResult();
            ms[i % 3].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var tokens = texts.Select(t => model.Tokenize(model.QueryPrefix + t, model.Spec.QueryTokens).Length).ToList();
        return (ms[0], ms[1], ms[2], other.Name, tokens, agreement);
    }

    /// <summary>Query embedding time against length: the first N tokens of a demo ticket's words (an instruction, if the model has one, included).</summary>
    private static List<(int Tokens, List<double> Ms)> QueryTimesByLength(LocalEmbeddingModel model, int count)
    {
        var words = string.Join(' ', FakeZendeskData.LoadDemo().Tickets.Select(t => HtmlText.ToText(t.Comments.FirstOrDefault()?.HtmlBody)));
        var result = new List<(int, List<double>)>();
        foreach (var tokens in new[] { 16, 32, 48, 64, 96, 128 })
        {
            var ids = model.Tokenize(model.QueryPrefix + words, tokens);
            model.Embed([ids], 1, CancellationToken.None);
            var ms = new List<double>();
            for (var i = 0; i < count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                model.Embed([ids], 1, CancellationToken.None);
                ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            result.Add((ids.Length, ms));
        }
        return result;
    }

    /// <summary>The demo's English articles, each copy made unique so that no vector is reused, indexed then embedded.</summary>
    private static async Task<(double Rate, double Ms)> IndexRateAsync(int count, KnowledgeOptions options)
    {
        var directory = Directory.CreateTempSubdirectory("copilot-bench-").FullName;
        try
        {
            var db = new Db(Path.Combine(directory, "bench.db"));
            await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
            var knowledge = Options.Create(options);
            var index = new KnowledgeIndex(db, knowledge.Value);
            var articles = FakeZendeskData.LoadDemo().Articles.Where(a => a.Locale.StartsWith("en", StringComparison.Ordinal)).ToList();
            var total = 0;
            for (var copy = 0; total < count; copy++)
            {
                var documents = articles.Select(a => new KnowledgeDocument(SourceKind.Article, $"{a.Id}-{copy}", $"{a.Title} ({copy})",
                    HtmlText.ToText(a.Body) + $" Reference {copy}.", null, "en-us", DateTimeOffset.UnixEpoch)).ToList();
                await index.UpsertAsync("bench", documents, CancellationToken.None);
                total = (await index.CountAsync("bench", CancellationToken.None)).Passages;
            }
            var registry = new TenantRegistry(Options.Create(new CopilotOptions()));
            var tenant = registry.Add("bench", new TenantOptions
            {
                BaseUrl = "http://127.0.0.1:9", Email = "bench@example.com", ApiToken = "token", SharedSecret = new string('s', 40),
            });
            var models = new TenantModels(new ModelClientFactory(), knowledge);
            var vectors = new PassageVectors(db, models, new LanguageDetector(), NullLogger<PassageVectors>.Instance);
            var started = Stopwatch.GetTimestamp();
            var done = 0;
            int step;
            do
            {
                step = await vectors.EmbedMissingAsync(tenant, 250, CancellationToken.None);
                done += step;
                Console.WriteLine($"embedded {done} of {total} passages");
            }
            while (step > 0);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return (done / (ms / 1000), ms);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Resident memory with the model loaded and an index of N vectors of its width, after one search.</summary>
    private static (double RssMb, double ManagedMb) MemoryWithIndex(LocalEmbeddingModel model, int passages)
    {
        var random = new Random(11);
        var index = new VectorIndex(LocalEmbeddingModel.Dimensions, passages);
        var vector = new float[LocalEmbeddingModel.Dimensions];
        for (var p = 0; p < passages; p++)
        {
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] = (float)(random.NextDouble() * 2 - 1);
            }
            var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(vector));
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
            index.Add(p, 0, "en-us", vector);
        }
        // A title vector per source of four passages, as hybrid search holds them beside the passage vectors.
        var titles = new TitleVectors();
        for (var s = 0; s < passages / 4; s++)
        {
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] = (float)(random.NextDouble() * 2 - 1);
            }
            titles.Add(SourceKind.Article, s.ToString(System.Globalization.CultureInfo.InvariantCulture), vector);
        }
        var query = model.Embed([model.Tokenize("how do I reset my bridge", 64)], 1, CancellationToken.None)[0];
        index.Search(query, 80);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var result = (Rss(), GC.GetTotalMemory(false) / 1048576.0);
        GC.KeepAlive(index);
        GC.KeepAlive(titles);
        return result;
    }

    private static double Rss()
    {
        Process.GetCurrentProcess().Refresh();
        return Process.GetCurrentProcess().WorkingSet64 / 1048576.0;
    }

    private static string Row(string name, IReadOnlyList<double> ms, string goal) =>
        $"| {name} | {Percentiles.Of(ms, 50):0.00} | {Percentiles.Of(ms, 95):0.00} | {Percentiles.Of(ms, 99):0.00} | {goal} |";

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
