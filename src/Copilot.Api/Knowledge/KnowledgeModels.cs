namespace Copilot.Api.Knowledge;

/// <summary>Where a passage came from.</summary>
public enum SourceKind { Article, Macro, PastReply, Document }

/// <summary>
/// One retrieved passage. <see cref="Score"/> orders hits (negated BM25 rank, or a fused rank score);
/// <see cref="KeywordScore"/> is the BM25 relevance on its own, the same scale whatever the search,
/// which is what says whether the knowledge base had an answer at all.
/// </summary>
public sealed record KnowledgeHit(
    SourceKind Kind,
    string SourceId,
    string Title,
    string? Url,
    string Passage,
    double Score,
    string? Locale)
{
    /// <summary>BM25 relevance; 0 for a hit only vector search found. Plain keyword hits: their <see cref="Score"/>.</summary>
    public double KeywordScore { get; init; } = Score;

    /// <summary>Cosine similarity to the query where vector search found the hit; null otherwise.</summary>
    public double? Similarity { get; init; }

    /// <summary>
    /// 0..1: the BM25 score as a share of the most the query's terms could score (every term
    /// matched, as often as BM25 can count). Unlike the raw score it does not grow with the
    /// query's length or the index's size, so one floor fits every query; 0 for vector-only hits.
    /// </summary>
    public double KeywordRelevance { get; init; }
}

public sealed record KnowledgeQuery(string Text, int Limit = 5, IReadOnlyCollection<SourceKind>? Kinds = null, string? Locale = null);

public interface IKnowledgeSearch
{
    /// <summary>Best passages for the query, at most one per source, best first.</summary>
    Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string tenant, KnowledgeQuery query, CancellationToken cancellationToken);
}
