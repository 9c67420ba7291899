using System.Diagnostics;
using Copilot.Api.Knowledge;
using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.Languages;
using Copilot.Api.ModelTasks;
using Copilot.Api.Store;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Copilot.Benchmarks.Models;

/// <summary>
/// Hybrid search over N passages: BM25 candidates from SQLite FTS5, exact cosine top-k over N
/// 1,536-dimension vectors, score fusion and the passage details of the winners. The
/// query embedding (a model call) is not part of it.
/// </summary>
internal static class HybridBenchmark
{
    private const string Tenant = "bench";

    /// <returns>Per query: the BM25 candidates, the vector candidates, and the fused top 5 with details (ms).</returns>
    public static async Task<(List<double> Bm25, List<double> Vectors, List<double> Hybrid)> RunAsync(int passages, int dimensions, int queries)
    {
        var directory = Directory.CreateTempSubdirectory("copilot-bench-").FullName;
        try
        {
            var db = new Db(Path.Combine(directory, "bench.db"));
            await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
            var words = Vocabulary(3000);
            var started = Stopwatch.GetTimestamp();
            await FillAsync(db, passages, words);
            Console.WriteLine($"hybrid: {passages:N0} passages written to SQLite/FTS5 in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");

            var (index, _) = VectorBenchmark.Run(passages, dimensions, queries);
            // A title vector per source (four passages each), as the fusion reads them.
            var titles = new TitleVectors();
            var titleRandom = new Random(5);
            var title = new float[dimensions];
            for (var source = 0; source < passages / 4; source++)
            {
                for (var d = 0; d < dimensions; d++)
                {
                    title[d] = (float)(titleRandom.NextDouble() * 2 - 1);
                }
                titles.Add(SourceKind.Article, source.ToString(System.Globalization.CultureInfo.InvariantCulture), title);
            }

            var keywords = new KnowledgeIndex(db, new KnowledgeOptions());
            var models = new TenantModels(new ModelClientFactory(), Options.Create(new KnowledgeOptions()));
            var languages = new LanguageDetector();
            var vectors = new PassageVectors(db, models, languages, NullLogger<PassageVectors>.Instance);
            var hybrid = new HybridKnowledgeSearch(keywords, vectors, new QueryVectors(), models,
                new TenantRegistry(Options.Create(new CopilotOptions())), languages, new EmbeddingProgress(vectors, TimeProvider.System, keywords),
                NullLogger<HybridKnowledgeSearch>.Instance);
            var random = new Random(7);
            var bm25 = new List<double>();
            var candidates = new List<double>();
            var total = new List<double>();
            var vector = new float[dimensions];
            for (var q = 0; q < queries + 5; q++)
            {
                var text = string.Join(' ', Enumerable.Range(0, 6).Select(_ => words[random.Next(words.Length)]));
                for (var d = 0; d < dimensions; d++)
                {
                    vector[d] = (float)(random.NextDouble() * 2 - 1);
                }
                var query = new KnowledgeQuery(text, 5);
                var t0 = Stopwatch.GetTimestamp();
                await keywords.SearchAsync(Tenant, query with { Limit = HybridKnowledgeSearch.Candidates }, CancellationToken.None);
                var t1 = Stopwatch.GetTimestamp();
                index.Search(vector, HybridKnowledgeSearch.Candidates * 2);
                var tc = Stopwatch.GetTimestamp();
                // Random vectors sit far below any real similarity floor: let every neighbour count, so fusion does its full work.
                var hits = await hybrid.FuseAsync(Tenant, query, vector, index, titles, double.NegativeInfinity, 1.0, 1.0, CancellationToken.None);
                var t2 = Stopwatch.GetTimestamp();
                if (hits.Count != 5)
                {
                    throw new InvalidOperationException($"Hybrid search returned {hits.Count} hits.");
                }
                if (q >= 5)
                {
                    bm25.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                    candidates.Add(Stopwatch.GetElapsedTime(t1, tc).TotalMilliseconds);
                    total.Add(Stopwatch.GetElapsedTime(tc, t2).TotalMilliseconds);
                }
            }
            Console.WriteLine(Percentiles.Line("BM25 top-40 candidates (FTS5)", bm25));
            Console.WriteLine(Percentiles.Line($"vector top-{HybridKnowledgeSearch.Candidates * 2} candidates (exact cosine)", candidates));
            Console.WriteLine(Percentiles.Line("hybrid top-5 (BM25 + vectors + score fusion + details)", total));
            GC.KeepAlive(index);
            return (bm25, candidates, total);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string[] Vocabulary(int size)
    {
        var random = new Random(1);
        const string letters = "abcdefghiklmnoprstuvwy";
        return Enumerable.Range(0, size)
            .Select(_ => new string(Enumerable.Range(0, random.Next(4, 10)).Select(_ => letters[random.Next(letters.Length)]).ToArray()))
            .Distinct()
            .ToArray();
    }

    /// <summary>N passages of 60 words, four per source, words drawn with a skew so some are common.</summary>
    private static async Task FillAsync(Db db, int passages, string[] words)
    {
        var random = new Random(3);
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var tx = await connection.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow.ToString("O");
        for (var p = 0; p < passages; p++)
        {
            var source = (p / 4).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (p % 4 == 0)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO knowledge_sources (tenant, kind, source_id, title, url, locale, updated_at, content_hash, passages) VALUES (@Tenant, 'article', @source, @title, @url, 'en-us', @now, 'x', 4)",
                    new { Tenant, source, title = $"Article {source} {words[random.Next(words.Length)]}", url = $"https://help.example/{source}", now }, tx);
            }
            var text = string.Join(' ', Enumerable.Range(0, 60).Select(_ => words[(int)(Math.Pow(random.NextDouble(), 2) * words.Length)]));
            await connection.ExecuteAsync(
                "INSERT INTO knowledge_passages (tenant, kind, source_id, ordinal, locale, title, text) VALUES (@Tenant, 'article', @source, @ordinal, 'en-us', @title, @text)",
                new { Tenant, source, ordinal = p % 4, title = $"Article {source}", text }, tx);
        }
        await tx.CommitAsync();
    }
}
