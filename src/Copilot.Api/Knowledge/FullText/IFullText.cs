using System.Data.Common;

namespace Copilot.Api.Knowledge.FullText;

/// <summary>
/// The store's own full-text search, under <see cref="KnowledgeIndex"/>'s choice of terms: SQLite's FTS5
/// (<see cref="Fts5FullText"/>) or PostgreSQL's tsvector (<see cref="PostgresFullText"/>). Both score a passage
/// on BM25's scale and count terms over the whole index, so relevance floors and fusion read their scores alike.
/// </summary>
internal interface IFullText
{
    /// <summary>How many passages of the whole index hold each term (in the query's language, where the store stems).</summary>
    Task<IReadOnlyDictionary<string, long>> FrequenciesAsync(DbConnection connection, IReadOnlyList<string> terms, string? locale, CancellationToken cancellationToken);

    /// <summary>Passages in the whole index (every tenant, as BM25's inverse document frequency counts them).</summary>
    Task<long> RowsAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// The best passage of each of the tenant's matching sources (of the query's kinds and language), best first,
    /// at most <paramref name="limit"/>.
    /// </summary>
    /// <param name="frequency">Passages holding each term, when the terms were chosen by their counts (else empty).</param>
    /// <param name="scan">When set, only the newest this many matches are ranked (a query over its postings budget).</param>
    /// <param name="matches">At most how many passages the query matches (over every tenant), when known.</param>
    Task<List<RankedRow>> BestAsync(DbConnection connection, string tenant, IReadOnlyList<string> terms, IReadOnlyDictionary<string, long> frequency,
        long? scan, long? matches, int limit, KnowledgeQuery query, CancellationToken cancellationToken);

    /// <summary>Passages of the language (<see cref="LanguageRarity.Filter"/>) in the whole index.</summary>
    Task<long> LanguageRowsAsync(DbConnection connection, string locale, CancellationToken cancellationToken);

    /// <summary>How many passages of the language (<see cref="LanguageRarity.Filter"/>) hold each term.</summary>
    Task<IReadOnlyDictionary<string, long>> LanguageFrequenciesAsync(DbConnection connection, IReadOnlyList<string> terms, string locale, CancellationToken cancellationToken);

    /// <summary>
    /// What each term alone scores in each of the passages, in the order of <paramref name="terms"/> (a passage's BM25
    /// score is their sum); passages that are not found are left out.
    /// </summary>
    /// <param name="frequency">Passages of the whole index holding each term, as <see cref="FrequenciesAsync"/> counts them.</param>
    Task<IReadOnlyDictionary<long, double[]>> TermScoresAsync(DbConnection connection, IReadOnlyCollection<long> ids, IReadOnlyList<string> terms,
        IReadOnlyDictionary<string, long> frequency, string? locale, CancellationToken cancellationToken);

    /// <summary>What one query term can score at most in an index of <paramref name="rows"/> passages: the unit of relevance.</summary>
    double Unit(long rows);

    /// <summary>Forgets the counts it keeps (the index changed).</summary>
    void Clear();
}

/// <summary>A ranked passage; <see cref="Score"/> is its BM25-scaled relevance, higher is better.</summary>
internal sealed record RankedRow(long Id, string Kind, string SourceId, double Score);
