using System.Data.Common;

namespace Copilot.Api.Knowledge.FullText;

/// <summary>
/// The store's own full-text search, under <see cref="KnowledgeIndex"/>'s choice of terms: SQLite's FTS5
/// (<see cref="Fts5FullText"/>) or PostgreSQL's tsvector (<see cref="PostgresFullText"/>). Both score a passage
/// on BM25's scale with the inverse document frequencies they are given (the query's scope's, <see cref="ScopeCounts"/>),
/// so relevance floors and fusion read their scores alike.
/// </summary>
internal interface IFullText
{
    /// <summary>How many passages of the whole index hold each term (in the query's language, where the store stems).</summary>
    Task<IReadOnlyDictionary<string, long>> FrequenciesAsync(DbConnection connection, IReadOnlyList<string> terms, string? locale, CancellationToken cancellationToken);

    /// <summary>Passages in the whole index (every tenant, as BM25's inverse document frequency counts them).</summary>
    Task<long> RowsAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Passages of the tenant in the query's language, with those of any language (every passage of the tenant when <paramref name="locale"/> is null).</summary>
    Task<long> ScopePassagesAsync(DbConnection connection, string tenant, string? locale, CancellationToken cancellationToken);

    /// <summary>How many of the passages <see cref="ScopePassagesAsync"/> counts hold each term.</summary>
    Task<IReadOnlyDictionary<string, long>> ScopeFrequenciesAsync(DbConnection connection, string tenant, string? locale, IReadOnlyList<string> terms, CancellationToken cancellationToken);

    /// <summary>
    /// The best passage of each of the tenant's matching sources (of the query's kinds and language), best first,
    /// at most <paramref name="limit"/>.
    /// </summary>
    /// <param name="frequency">Passages of the whole index holding each term, when the terms were chosen by their counts (else empty).</param>
    /// <param name="idf">The inverse document frequency each term is scored with.</param>
    /// <param name="scan">When set, only the newest this many matches are ranked (a query over its postings budget).</param>
    /// <param name="matches">At most how many passages the query matches (over every tenant), when known.</param>
    Task<List<RankedRow>> BestAsync(DbConnection connection, string tenant, IReadOnlyList<string> terms, IReadOnlyDictionary<string, long> frequency,
        IReadOnlyDictionary<string, double> idf, long? scan, long? matches, int limit, KnowledgeQuery query, CancellationToken cancellationToken);

    /// <summary>Forgets the counts it keeps (the index changed).</summary>
    void Clear();
}

/// <summary>A ranked passage; <see cref="Score"/> is its BM25-scaled relevance, higher is better.</summary>
internal sealed record RankedRow(long Id, string Kind, string SourceId, double Score);
