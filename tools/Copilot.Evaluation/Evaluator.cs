using System.Diagnostics;
using Copilot.Api.Knowledge;
using Copilot.Api.Store;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Copilot.Evaluation;

/// <summary>Scores retrieval settings on a dataset, each in its own temporary SQLite file (or PostgreSQL schema).</summary>
public static class Evaluator
{
    public const int TopK = 10;

    /// <summary>Our retrieval: the product's KnowledgeIndex with the given options, over the schema the migrations create.</summary>
    /// <param name="tokenizer">null keeps the migration's tokenizer; otherwise the FTS table is rebuilt with this one.</param>
    /// <param name="postgres">The index in PostgreSQL (its full text) instead of SQLite's FTS5.</param>
    public static async Task<Metrics> OursAsync(string name, Dataset dataset, KnowledgeOptions options, string? tokenizer = null, bool postgres = false)
    {
        await using var temp = await TempIndex.CreateAsync(dataset.Docs, SourceKind.Article, options, tokenizer, postgres: postgres);
        var ranks = new List<int?>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var query in dataset.Queries)
        {
            // In the documents' language, as the assist asks in the ticket's (FTS5 only filters by it; PostgreSQL stems by it).
            var hits = await temp.Index.SearchAsync(TempIndex.Tenant, new KnowledgeQuery(query.Text, TopK, Locale: "en"), CancellationToken.None);
            ranks.Add(Rank(hits.Select(h => h.SourceId), query));
        }
        return Metrics.From(name, ranks, stopwatch.Elapsed.TotalMilliseconds / dataset.Queries.Count);
    }

    /// <summary>
    /// The baseline: one FTS5 row per document (title and body, equal weight), plain unicode61
    /// tokens, every query word OR-ed (quoted so the query is valid), no stop words, no passages.
    /// </summary>
    /// <param name="tokenizer">FTS5 tokenizer of the baseline table ("porter unicode61 …" adds English stemming).</param>
    public static async Task<Metrics> BaselineAsync(string name, Dataset dataset, string tokenizer = "unicode61 remove_diacritics 2")
    {
        var path = TempPath();
        try
        {
            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            await connection.ExecuteAsync($"CREATE VIRTUAL TABLE docs USING fts5(doc_id UNINDEXED, title, body, tokenize = '{tokenizer}')");
            await using (var tx = await connection.BeginTransactionAsync())
            {
                foreach (var d in dataset.Docs)
                {
                    await connection.ExecuteAsync("INSERT INTO docs (doc_id, title, body) VALUES (@Id, @Title, @Text)", d, tx);
                }
                await tx.CommitAsync();
            }
            var ranks = new List<int?>();
            var stopwatch = Stopwatch.StartNew();
            foreach (var query in dataset.Queries)
            {
                var words = System.Text.RegularExpressions.Regex.Matches(query.Text.ToLowerInvariant(), @"[\p{L}\p{N}]+").Select(m => m.Value).Distinct().ToList();
                if (words.Count == 0)
                {
                    ranks.Add(null);
                    continue;
                }
                var match = string.Join(" OR ", words.Select(w => "\"" + w + "\""));
                var ids = await connection.QueryAsync<string>(
                    "SELECT doc_id FROM docs WHERE docs MATCH @match ORDER BY bm25(docs) LIMIT @k", new { match, k = TopK });
                ranks.Add(Rank(ids, query));
            }
            return Metrics.From(name, ranks, stopwatch.Elapsed.TotalMilliseconds / dataset.Queries.Count);
        }
        finally
        {
            Delete(path);
        }
    }

    /// <summary>Where the first source that is the query's answer came (1 = first), null when none did.</summary>
    public static int? Rank(IEnumerable<string> ids, Query query)
    {
        var rank = 1;
        foreach (var id in ids)
        {
            if (query.Names(id))
            {
                return rank;
            }
            rank++;
        }
        return null;
    }

    private static string TempPath() => Path.Combine(Path.GetTempPath(), $"copilot-eval-{Guid.NewGuid():N}.db");

    private static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
