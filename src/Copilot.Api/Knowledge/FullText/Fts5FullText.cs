using System.Data.Common;
using Copilot.Api.Store;
using Dapper;

namespace Copilot.Api.Knowledge.FullText;

/// <summary>
/// Full text on SQLite: FTS5's BM25 with the title weighted above the passage text (<c>knowledge_fts</c>), term
/// counts from its vocabulary (<c>knowledge_vocab</c>). FTS5's bm25() counts a term's rarity over the whole table (every
/// tenant and language), so each term is scored on its own and its score rescaled to the idf the search gives it.
/// </summary>
internal sealed class Fts5FullText(KnowledgeOptions options) : IFullText
{
    /// <summary>Page cache of a search connection (pooled, so it stays warm): the passage rows a search joins stay in memory.</summary>
    private const int CacheKib = 32 * 1024;

    private readonly TermFrequencies _frequencies = new(TimeProvider.System, static async (connection, missing, cancellationToken) =>
        (await connection.QueryAsync<(string Term, long Doc)>(new CommandDefinition(
            "SELECT term, doc FROM knowledge_vocab WHERE term IN @missing", new { missing }, cancellationToken: cancellationToken)))
        .ToDictionary(r => r.Term, r => r.Doc, StringComparer.Ordinal));

    private readonly ScopeCounts _scope = new(CountInScopeAsync);

    public Task<IReadOnlyDictionary<string, long>> FrequenciesAsync(DbConnection connection, IReadOnlyList<string> terms, string? locale, CancellationToken cancellationToken) =>
        _frequencies.GetAsync(connection, terms, cancellationToken);

    public Task<long> RowsAsync(DbConnection connection, CancellationToken cancellationToken) => _frequencies.RowsAsync(connection, cancellationToken);

    public Task<long> ScopePassagesAsync(DbConnection connection, string tenant, string? locale, CancellationToken cancellationToken) =>
        _scope.PassagesAsync(connection, tenant, locale, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> ScopeFrequenciesAsync(DbConnection connection, string tenant, string? locale, IReadOnlyList<string> terms, CancellationToken cancellationToken) =>
        _scope.FrequenciesAsync(connection, tenant, locale, terms, cancellationToken);

    public void Clear()
    {
        _frequencies.Clear();
        _scope.Clear();
    }

    /// <summary>Each term's matches looked up in the scope index, one count per term in one statement.</summary>
    private static async Task<Dictionary<string, long>> CountInScopeAsync(DbConnection connection, string tenant, string? locale, List<string> terms, CancellationToken cancellationToken)
    {
        var args = new DynamicParameters(new { tenant, locale, localePrefix = locale is null ? null : EscapeLike(locale) + "-%" });
        var counts = terms.Select((t, i) =>
        {
            args.Add("m" + i, FtsQuery.Build([t]));
            return $"""
                SELECT {i} AS i, count(*) AS n FROM knowledge_fts f CROSS JOIN knowledge_passages p INDEXED BY knowledge_passages_scope ON p.id = f.rowid
                WHERE knowledge_fts MATCH @m{i} AND p.tenant = @tenant {(locale is null ? "" : "AND " + InLocale)}
                """;
        });
        return (await connection.QueryAsync<(long I, long N)>(new CommandDefinition(string.Join("\nUNION ALL\n", counts), args, cancellationToken: cancellationToken)))
            .ToDictionary(r => terms[(int)r.I], r => r.N, StringComparer.Ordinal);
    }

    /// <summary>Passages in the query's language or of any language (parameters <c>locale</c> and <c>localePrefix</c>).</summary>
    private const string InLocale = "(p.locale IS NULL OR p.locale = @locale OR p.locale LIKE @localePrefix ESCAPE '\\')";

    public async Task<List<RankedRow>> BestAsync(DbConnection connection, string tenant, IReadOnlyList<string> terms, IReadOnlyDictionary<string, long> frequency,
        IReadOnlyDictionary<string, double> idf, long? scan, long? matches, int limit, KnowledgeQuery query, CancellationToken cancellationToken)
    {
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA cache_size = -{CacheKib}";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        if (terms.Any(t => !frequency.ContainsKey(t)))
        {
            frequency = await FrequenciesAsync(connection, terms, null, cancellationToken);
        }
        var rows = Math.Max(await RowsAsync(connection, cancellationToken), 1);
        // bm25() weighs a term by its rarity in the whole table; each term is scored alone and its score rescaled to the idf given.
        var scaled = terms.Select(t => (Match: FtsQuery.Build([t])!, Scale: idf[t] / Bm25.Idf(Math.Max(frequency.GetValueOrDefault(t), 1), rows))).ToList();
        long? from = null;
        if (scan is not null)
        {
            await using var newest = connection.CreateCommand();
            newest.CommandText = "SELECT min(id) FROM (SELECT rowid AS id FROM knowledge_fts WHERE knowledge_fts MATCH $match ORDER BY rowid DESC LIMIT $scan)";
            newest.Set("$match", FtsQuery.Build(terms)!);
            newest.Set("$scan", scan.Value);
            from = await newest.ExecuteScalarAsync(cancellationToken) is long lowest ? lowest : long.MaxValue;
        }
        var best = await BestPassagesAsync(connection, tenant, scaled, from, matches, limit, query, cancellationToken);
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
    /// <param name="terms">Each term's FTS5 query and the factor its bm25() is scaled by.</param>
    /// <param name="from">When set, only matches from this rowid on are ranked (the newest of a query over its postings budget).</param>
    /// <param name="matches">At most how many passages the query matches (over every tenant), when known.</param>
    private async Task<List<Ranked>> BestPassagesAsync(
        DbConnection connection, string tenant, IReadOnlyList<(string Match, double Scale)> terms, long? from, long? matches, int limit, KnowledgeQuery query, CancellationToken cancellationToken)
    {
        var locale = SourceKinds.NormalizeLocale(query.Locale);
        // One term's matches: a single-phrase bm25() is exactly that term's share of a query's bm25().
        var scored = terms.Count == 1
            ? $"SELECT rowid AS id, $scale0 * bm25(knowledge_fts, $titleWeight, 1.0) AS rank FROM knowledge_fts WHERE knowledge_fts MATCH $match0{(from is null ? "" : " AND rowid >= $from")}"
            : "SELECT id, sum(rank) AS rank FROM (" + string.Join(" UNION ALL ", terms.Select((_, i) =>
                $"SELECT rowid AS id, $scale{i} * bm25(knowledge_fts, $titleWeight, 1.0) AS rank FROM knowledge_fts WHERE knowledge_fts MATCH $match{i}{(from is null ? "" : " AND rowid >= $from")}"))
                + ") GROUP BY id";
        var owned = $"""
            CROSS JOIN knowledge_passages p INDEXED BY knowledge_passages_scope ON p.id = f.id
            WHERE p.tenant = $tenant
            {(query.Kinds is { Count: > 0 } ? "AND p.kind IN (" + string.Join(", ", query.Kinds.Select((_, i) => "$kind" + i)) + ")" : "")}
            {(locale is not null ? "AND (p.locale IS NULL OR p.locale = $locale OR p.locale LIKE $localePrefix ESCAPE '\\')" : "")}
            """;
        var read = new Read(tenant, terms, from, limit, query.Kinds, locale);
        var candidates = Math.Max(limit * 8, 40);
        if (matches is { } most)
        {
            var share = await _frequencies.ShareAsync(connection, tenant, query.Kinds, cancellationToken);
            var top = share > 0 ? (long)Math.Ceiling(candidates / share) : long.MaxValue;
            if (top < most)
            {
                var sql = $"SELECT p.id, p.kind, p.source_id, f.rank FROM (SELECT id, rank FROM ({scored}) ORDER BY rank LIMIT $top) f {owned} ORDER BY f.rank";
                var (first, _) = await ReadAsync(connection, sql, ("$top", top), read, cancellationToken);
                if (first.Count == limit)
                {
                    return first;
                }
            }
        }
        var all = $"SELECT p.id, p.kind, p.source_id, f.rank FROM ({scored}) f {owned} ORDER BY f.rank LIMIT $candidates";
        for (; ; candidates *= 4)
        {
            var (best, count) = await ReadAsync(connection, all, ("$candidates", candidates), read, cancellationToken);
            if (best.Count == limit || count < candidates || candidates >= 100_000)
            {
                return best;
            }
        }
    }

    /// <summary>What every ranked read of one search binds.</summary>
    private sealed record Read(string Tenant, IReadOnlyList<(string Match, double Scale)> Terms, long? From, int Limit, IReadOnlyCollection<SourceKind>? Kinds, string? Locale);

    /// <summary>Runs one ranked read; returns the first passage of each source up to the limit, and the rows read.</summary>
    private async Task<(List<Ranked> Best, int Read)> ReadAsync(
        DbConnection connection, string sql, (string Name, long Value) bound, Read read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Set("$titleWeight", options.TitleWeight);
        command.Set("$tenant", read.Tenant);
        command.Set(bound.Name, bound.Value);
        for (var t = 0; t < read.Terms.Count; t++)
        {
            command.Set("$match" + t, read.Terms[t].Match);
            command.Set("$scale" + t, read.Terms[t].Scale);
        }
        if (read.From is { } from)
        {
            command.Set("$from", from);
        }
        var i = 0;
        foreach (var kind in read.Kinds ?? [])
        {
            command.Set("$kind" + i++, kind.ToName());
        }
        if (read.Locale is { } locale)
        {
            command.Set("$locale", locale);
            command.Set("$localePrefix", EscapeLike(locale) + "-%");
        }

        var best = new List<Ranked>(read.Limit);
        var seen = new HashSet<(string, string)>();
        var count = 0;
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (best.Count < read.Limit && await reader.ReadAsync(cancellationToken))
        {
            count++;
            var row = new Ranked(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3));
            if (seen.Add((row.Kind, row.SourceId)))
            {
                best.Add(row);
            }
        }
        return (best, count);
    }

    internal static string EscapeLike(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private sealed record Ranked(long Id, string Kind, string SourceId, double Rank);
}
