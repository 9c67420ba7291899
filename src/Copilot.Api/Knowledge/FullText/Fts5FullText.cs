using System.Collections.Concurrent;
using System.Data.Common;
using Copilot.Api.Store;
using Dapper;

namespace Copilot.Api.Knowledge.FullText;

/// <summary>
/// Full text on SQLite: FTS5's BM25 with the title weighted above the passage text (<c>knowledge_fts</c>), term
/// counts from its vocabulary (<c>knowledge_vocab</c>).
/// </summary>
internal sealed class Fts5FullText(KnowledgeOptions options) : IFullText
{
    /// <summary>Page cache of a search connection (pooled, so it stays warm): the passage rows a search joins stay in memory.</summary>
    private const int CacheKib = 32 * 1024;

    /// <summary>Counts among the passages of each language, by locale.</summary>
    private readonly ConcurrentDictionary<string, TermFrequencies> _languages = new(StringComparer.Ordinal);

    private readonly TermFrequencies _frequencies = new(TimeProvider.System, static async (connection, missing, cancellationToken) =>
        (await connection.QueryAsync<(string Term, long Doc)>(new CommandDefinition(
            "SELECT term, doc FROM knowledge_vocab WHERE term IN @missing", new { missing }, cancellationToken: cancellationToken)))
        .ToDictionary(r => r.Term, r => r.Doc, StringComparer.Ordinal));

    private TermFrequencies Language(string locale) => _languages.GetOrAdd(locale, l => new TermFrequencies(TimeProvider.System,
        async (connection, missing, cancellationToken) =>
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var term in missing)
            {
                counts[term] = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    $"""
                    SELECT count(*) FROM (SELECT rowid AS id FROM knowledge_fts WHERE knowledge_fts MATCH @match) f
                    CROSS JOIN knowledge_passages p INDEXED BY knowledge_passages_scope ON p.id = f.id
                    WHERE {LanguageRarity.Filter}
                    """, new { match = FtsQuery.Build([term]), locale = l, localePrefix = LanguageRarity.Prefix(l) }, cancellationToken: cancellationToken));
            }
            return counts;
        },
        (connection, cancellationToken) => LanguageRarity.RowsAsync(connection, l, cancellationToken)));

    public Task<long> LanguageRowsAsync(DbConnection connection, string locale, CancellationToken cancellationToken) =>
        Language(locale).RowsAsync(connection, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> LanguageFrequenciesAsync(DbConnection connection, IReadOnlyList<string> terms, string locale, CancellationToken cancellationToken) =>
        Language(locale).GetAsync(connection, terms, cancellationToken);

    /// <summary>FTS5's BM25 of each term alone (its inverse document frequency still the whole index's), for these passages only.</summary>
    public async Task<IReadOnlyDictionary<long, double[]>> TermScoresAsync(DbConnection connection, IReadOnlyCollection<long> ids, IReadOnlyList<string> terms,
        IReadOnlyDictionary<string, long> frequency, string? locale, CancellationToken cancellationToken)
    {
        var scores = new Dictionary<long, double[]>();
        var wanted = ids.Distinct().ToArray();
        for (var i = 0; i < terms.Count; i++)
        {
            var rows = await connection.QueryAsync<(long Id, double Rank)>(new CommandDefinition(
                "SELECT rowid, bm25(knowledge_fts, @titleWeight, 1.0) FROM knowledge_fts WHERE knowledge_fts MATCH @match AND rowid IN @ids",
                new { titleWeight = options.TitleWeight, match = FtsQuery.Build([terms[i]]), ids = wanted }, cancellationToken: cancellationToken));
            foreach (var (id, rank) in rows)
            {
                if (!scores.TryGetValue(id, out var score))
                {
                    scores[id] = score = new double[terms.Count];
                }
                score[i] = -rank;
            }
        }
        return scores;
    }

    public Task<IReadOnlyDictionary<string, long>> FrequenciesAsync(DbConnection connection, IReadOnlyList<string> terms, string? locale, CancellationToken cancellationToken) =>
        _frequencies.GetAsync(connection, terms, cancellationToken);

    public Task<long> RowsAsync(DbConnection connection, CancellationToken cancellationToken) => _frequencies.RowsAsync(connection, cancellationToken);

    public void Clear()
    {
        _frequencies.Clear();
        foreach (var language in _languages.Values)
        {
            language.Clear();
        }
    }

    /// <summary>
    /// What one query term can score at most: FTS5 scores a term idf·tf·(k1+1)/(tf+k1·norm), below
    /// idf·(k1+1) however often it occurs, and the idf is highest for a term one passage holds.
    /// Scores in this unit read alike on a small index and a large one.
    /// </summary>
    public double Unit(long rows) => (Bm25.K1 + 1) * Bm25.Idf(1, rows);

    public async Task<List<RankedRow>> BestAsync(DbConnection connection, string tenant, IReadOnlyList<string> terms, IReadOnlyDictionary<string, long> frequency,
        long? scan, long? matches, int limit, KnowledgeQuery query, CancellationToken cancellationToken)
    {
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA cache_size = -{CacheKib}";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        var best = await BestPassagesAsync(connection, tenant, FtsQuery.Build(terms)!, scan, matches, limit, query, cancellationToken);
        return best.Select(b => new RankedRow(b.Id, b.Kind, b.SourceId, -b.Rank)).ToList();
    }

    /// <summary>
    /// Reads ranked passages of the tenant (and kinds and locale) and keeps the first of each source.
    /// FTS5 knows nothing of tenants, so every match is scored and then looked up in the small
    /// <c>knowledge_passages_scope</c> index to see whose it is. When the tenant's passages of these kinds
    /// are a large enough share of the index, the best matches overall are cut to a few hundred first and
    /// only those are looked up; if too few of them are the tenant's, every match is looked up after all.
    /// Candidates are capped (a top-N sort is far cheaper than sorting every match); if the cap was hit
    /// before enough distinct sources turned up, it reads again with a larger cap.
    /// </summary>
    /// <param name="matches">At most how many passages the query matches (over every tenant), when known.</param>
    private async Task<List<Ranked>> BestPassagesAsync(
        DbConnection connection, string tenant, string match, long? scan, long? matches, int limit, KnowledgeQuery query, CancellationToken cancellationToken)
    {
        var locale = SourceKinds.NormalizeLocale(query.Locale);
        var scored = scan is null
            ? "SELECT rowid AS id, bm25(knowledge_fts, $titleWeight, 1.0) AS rank FROM knowledge_fts WHERE knowledge_fts MATCH $match"
            : "SELECT rowid AS id, bm25(knowledge_fts, $titleWeight, 1.0) AS rank FROM knowledge_fts WHERE knowledge_fts MATCH $match ORDER BY rowid DESC LIMIT $scan";
        var owned = $"""
            CROSS JOIN knowledge_passages p INDEXED BY knowledge_passages_scope ON p.id = f.id
            WHERE p.tenant = $tenant
            {(query.Kinds is { Count: > 0 } ? "AND p.kind IN (" + string.Join(", ", query.Kinds.Select((_, i) => "$kind" + i)) + ")" : "")}
            {(locale is not null ? "AND " + LanguageRarity.Filter : "")}
            """;
        var candidates = Math.Max(limit * 8, 40);
        if (matches is { } most)
        {
            var share = await _frequencies.ShareAsync(connection, tenant, query.Kinds, cancellationToken);
            var top = share > 0 ? (long)Math.Ceiling(candidates / share) : long.MaxValue;
            if (top < most)
            {
                var sql = $"SELECT p.id, p.kind, p.source_id, f.rank FROM (SELECT id, rank FROM ({scored}) ORDER BY rank LIMIT $top) f {owned} ORDER BY f.rank";
                var (first, _) = await ReadAsync(connection, sql, [("$top", top)], tenant, match, scan, limit, query.Kinds, locale, cancellationToken);
                if (first.Count == limit)
                {
                    return first;
                }
            }
        }
        var all = $"SELECT p.id, p.kind, p.source_id, f.rank FROM ({scored}) f {owned} ORDER BY f.rank LIMIT $candidates";
        for (; ; candidates *= 4)
        {
            var (best, read) = await ReadAsync(connection, all, [("$candidates", candidates)], tenant, match, scan, limit, query.Kinds, locale, cancellationToken);
            if (best.Count == limit || read < candidates || candidates >= 100_000)
            {
                return best;
            }
        }
    }

    /// <summary>Runs one ranked read; returns the first passage of each source up to <paramref name="limit"/>, and the rows read.</summary>
    private async Task<(List<Ranked> Best, int Read)> ReadAsync(
        DbConnection connection, string sql, (string Name, long Value)[] bounds, string tenant, string match, long? scan, int limit,
        IReadOnlyCollection<SourceKind>? kinds, string? locale, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Set("$titleWeight", options.TitleWeight);
        command.Set("$match", match);
        command.Set("$tenant", tenant);
        foreach (var (name, value) in bounds)
        {
            command.Set(name, value);
        }
        if (scan is not null)
        {
            command.Set("$scan", scan.Value);
        }
        var i = 0;
        foreach (var kind in kinds ?? [])
        {
            command.Set("$kind" + i++, kind.ToName());
        }
        if (locale is not null)
        {
            command.Set("@locale", locale);
            command.Set("@localePrefix", LanguageRarity.Prefix(locale));
        }

        var best = new List<Ranked>(limit);
        var seen = new HashSet<(string, string)>();
        var read = 0;
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (best.Count < limit && await reader.ReadAsync(cancellationToken))
        {
            read++;
            var row = new Ranked(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3));
            if (seen.Add((row.Kind, row.SourceId)))
            {
                best.Add(row);
            }
        }
        return (best, read);
    }

    private sealed record Ranked(long Id, string Kind, string SourceId, double Rank);
}
