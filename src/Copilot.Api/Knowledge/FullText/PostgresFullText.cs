using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Copilot.Api.Store;
using Dapper;

namespace Copilot.Api.Knowledge.FullText;

/// <summary>
/// Full text on PostgreSQL (<c>Store/Migrations/postgres/010_knowledge.sql</c>): each passage's <c>search</c> tsvector
/// holds its title (weight A) and text (B) stemmed in its language; a term is <c>knowledge_query(locale, term)</c>,
/// <c>websearch_to_tsquery</c> in the query's language and in <c>simple</c> for sources of any language.
/// <para>
/// Scores are BM25's, as FTS5 gives them, so relevance floors and hybrid fusion read both stores alike:
/// <c>ts_rank_cd</c> of one term, without normalisation, sums the weights of its occurrences, which with A = 1 and
/// B = 1/<see cref="KnowledgeOptions.TitleWeight"/> is FTS5's column-weighted term frequency over the title weight;
/// each term then adds idf·tf·(k1+1)/(tf+k1·(1−b+b·dl/avgdl)), its idf counted over the whole index as FTS5 counts
/// it; a passage's length is the number of distinct words its tsvector holds (FTS5 counts every word).
/// </para>
/// </summary>
internal sealed class PostgresFullText(KnowledgeOptions options) : IFullText
{
    private readonly ConcurrentDictionary<string, TermFrequencies> _byLocale = new(StringComparer.Ordinal);

    /// <summary>Counts among the passages of each language, by locale.</summary>
    private readonly ConcurrentDictionary<string, TermFrequencies> _languages = new(StringComparer.Ordinal);

    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Passages in the whole index and their mean length, counted at most every <see cref="MaxAge"/> (local writes clear them).</summary>
    private volatile Index? _index;

    private sealed record Index(long Rows, double MeanLength, DateTimeOffset Counted);

    public Task<IReadOnlyDictionary<string, long>> FrequenciesAsync(DbConnection connection, IReadOnlyList<string> terms, string? locale, CancellationToken cancellationToken) =>
        _byLocale.GetOrAdd(locale ?? "", l => new TermFrequencies(TimeProvider.System, (c, missing, ct) => CountAsync(c, l.Length == 0 ? null : l, missing, ct)))
            .GetAsync(connection, terms, cancellationToken);

    public async Task<long> RowsAsync(DbConnection connection, CancellationToken cancellationToken) => (await IndexAsync(connection, cancellationToken)).Rows;

    private async Task<Index> IndexAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (_index is { } known && TimeProvider.System.GetUtcNow() - known.Counted < MaxAge)
        {
            return known;
        }
        var (rows, mean) = await connection.QuerySingleAsync<(long, double)>(new CommandDefinition(
            "SELECT count(*), coalesce(avg(length(search)), 0) FROM knowledge_passages", cancellationToken: cancellationToken));
        return _index = new Index(rows, mean, TimeProvider.System.GetUtcNow());
    }

    public void Clear()
    {
        _index = null;
        foreach (var frequencies in _byLocale.Values.Concat(_languages.Values))
        {
            frequencies.Clear();
        }
    }

    public double Unit(long rows) => (Bm25.K1 + 1) * Bm25.Idf(1, rows);

    private static async Task<Dictionary<string, long>> CountAsync(DbConnection connection, string? locale, List<string> terms, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(string Term, long Doc)>(new CommandDefinition(
            "SELECT t, (SELECT count(*) FROM knowledge_passages WHERE search @@ knowledge_query(@locale, t)) FROM unnest(@terms) AS t",
            new { locale, terms = terms.ToArray() }, cancellationToken: cancellationToken)))
        .ToDictionary(r => r.Term, r => r.Doc, StringComparer.Ordinal);

    public async Task<List<RankedRow>> BestAsync(DbConnection connection, string tenant, IReadOnlyList<string> terms, IReadOnlyDictionary<string, long> frequency,
        long? scan, long? matches, int limit, KnowledgeQuery query, CancellationToken cancellationToken)
    {
        var locale = SourceKinds.NormalizeLocale(query.Locale);
        var (args, tf, scores) = await ScoringAsync(connection, terms, frequency, locale, cancellationToken);
        args.Add("tenant", tenant);
        args.Add("limit", limit);
        args.Add("all", Words(terms));
        if (query.Kinds is { Count: > 0 })
        {
            args.Add("kinds", query.Kinds.Select(k => k.ToName()).ToArray());
        }
        var filter = $"""
            p.tenant = @tenant AND p.search @@ knowledge_query(@locale, @all)
            {(query.Kinds is { Count: > 0 } ? "AND p.kind = ANY(@kinds)" : "")}
            {(locale is not null ? "AND " + LanguageRarity.Filter : "")}
            """;
        if (locale is not null)
        {
            args.Add("localePrefix", LanguageRarity.Prefix(locale));
        }
        // Only a query whose rarest term alone is over the postings budget is ranked among the newest matches.
        var passages = scan is null ? "knowledge_passages p" : $"(SELECT * FROM knowledge_passages p WHERE {filter} ORDER BY p.id DESC LIMIT {scan.Value.ToString(CultureInfo.InvariantCulture)}) p";
        var sql = $"""
            SELECT id, kind, source_id, score FROM (
                SELECT DISTINCT ON (p.kind, p.source_id) p.id, p.kind, p.source_id, {string.Join(" + ", scores)} AS score
                FROM {passages} CROSS JOIN LATERAL (SELECT {tf}) AS tf
                WHERE {filter}
                ORDER BY p.kind, p.source_id, score DESC, p.id) AS best
            ORDER BY score DESC, id
            LIMIT @limit
            """;
        return (await connection.QueryAsync<(long Id, string Kind, string SourceId, double Score)>(new CommandDefinition(sql, args, cancellationToken: cancellationToken)))
            .Select(r => new RankedRow(r.Id, r.Kind, r.SourceId, r.Score)).ToList();
    }

    public async Task<IReadOnlyDictionary<long, double[]>> TermScoresAsync(DbConnection connection, IReadOnlyCollection<long> ids, IReadOnlyList<string> terms,
        IReadOnlyDictionary<string, long> frequency, string? locale, CancellationToken cancellationToken)
    {
        var (args, tf, scores) = await ScoringAsync(connection, terms, frequency, SourceKinds.NormalizeLocale(locale), cancellationToken);
        args.Add("ids", ids.Distinct().ToArray());
        var sql = $"SELECT p.id, ARRAY[{string.Join(", ", scores)}]::float8[] FROM knowledge_passages p CROSS JOIN LATERAL (SELECT {tf}) AS tf WHERE p.id = ANY(@ids)";
        return (await connection.QueryAsync<(long Id, double[] Scores)>(new CommandDefinition(sql, args, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Id, r => r.Scores);
    }

    /// <summary>
    /// BM25 of each term over passages <c>p</c>: the columns of a lateral <c>tf</c> (each term's weighted frequency and
    /// the passage's length norm), each term's score read from them, and their parameters.
    /// </summary>
    private async Task<(DynamicParameters Args, string Tf, string[] Scores)> ScoringAsync(
        DbConnection connection, IReadOnlyList<string> terms, IReadOnlyDictionary<string, long> frequency, string? locale, CancellationToken cancellationToken)
    {
        var index = await IndexAsync(connection, cancellationToken);
        if (terms.Any(t => !frequency.ContainsKey(t)))
        {
            frequency = await FrequenciesAsync(connection, terms, locale, cancellationToken);
        }
        // Occurrences weigh 1 in a title, 1/TitleWeight in the text (ts_rank_cd takes weights up to 1); times scale, FTS5's tf.
        var scale = Math.Max(options.TitleWeight, 1.0);
        var weights = new[] { 0f, 0f, (float)(1 / scale), (float)(options.TitleWeight / scale) };
        var args = new DynamicParameters(new { locale, weights, scale, k1 = Bm25.K1, b = Bm25.B, meanLength = Math.Max(index.MeanLength, 1) });
        for (var i = 0; i < terms.Count; i++)
        {
            args.Add("t" + i, Words([terms[i]]));
            args.Add("w" + i, (Bm25.K1 + 1) * Bm25.Idf(Math.Max(frequency.GetValueOrDefault(terms[i]), 1), Math.Max(index.Rows, 1)));
        }
        var tf = string.Join(", ", terms.Select((_, i) => $"@scale * ts_rank_cd(@weights, p.search, knowledge_query(@locale, @t{i}), 0) AS f{i}")
            .Append("@k1 * (1 - @b + @b * length(p.search) / @meanLength) AS norm"));
        return (args, tf, terms.Select((_, i) => $"@w{i} * tf.f{i} / (tf.f{i} + tf.norm)").ToArray());
    }

    private TermFrequencies Language(string locale) => _languages.GetOrAdd(locale, l => new TermFrequencies(TimeProvider.System,
        async (connection, missing, cancellationToken) =>
            (await connection.QueryAsync<(string Term, long Doc)>(new CommandDefinition(
                $"SELECT t, (SELECT count(*) FROM knowledge_passages p WHERE p.search @@ knowledge_query(@locale, t) AND {LanguageRarity.Filter}) FROM unnest(@terms) AS t",
                new { locale = l, localePrefix = LanguageRarity.Prefix(l), terms = missing.ToArray() }, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Term, r => r.Doc, StringComparer.Ordinal),
        (connection, cancellationToken) => LanguageRarity.RowsAsync(connection, l, cancellationToken)));

    public Task<long> LanguageRowsAsync(DbConnection connection, string locale, CancellationToken cancellationToken) =>
        Language(locale).RowsAsync(connection, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> LanguageFrequenciesAsync(DbConnection connection, IReadOnlyList<string> terms, string locale, CancellationToken cancellationToken) =>
        Language(locale).GetAsync(connection, terms, cancellationToken);

    /// <summary>The terms as websearch_to_tsquery reads them: each quoted (a word, never syntax), OR-ed.</summary>
    private static string Words(IEnumerable<string> terms) => string.Join(" or ", terms.Select(t => "\"" + t.Replace("\"", "", StringComparison.Ordinal) + "\""));
}
