namespace Copilot.Api.Knowledge;

/// <summary>
/// Where a passage came from: the knowledge index (<see cref="SourceKinds.Indexed"/>), or a configured lookup the model
/// ran while answering one question (<see cref="Lookup"/>), which is a source of that answer only and never indexed.
/// </summary>
public enum SourceKind { Article, Macro, PastReply, Document, Lookup }

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

    /// <summary>The score of the query's tenth source of this kind by the same ranking (what a source unrelated to the query gets); null when fewer were ranked or keywords alone ranked.</summary>
    public double? Baseline { get; init; }

    /// <summary>Cosine similarity to the query where vector search found the hit at or above its model's floor for showing; null otherwise.</summary>
    public double? Similarity { get; init; }

    /// <summary>How far <see cref="Similarity"/> is above its model's floor for showing (on that model's scale); null with it.</summary>
    public double? SimilarityMargin { get; init; }

    /// <summary>
    /// Whether the tenant's embedding model, which found passages related to the query (above its ranking floor), finds
    /// this source's below that floor: unrelated to what the query is about. False when keywords alone ranked.
    /// </summary>
    public bool UnrelatedByModel { get; init; }

    /// <summary>
    /// The BM25 score in units of the most one query term can score (a term only one passage holds,
    /// matched fully): about how many rare terms of the query the passage matches. Unlike the raw
    /// score it reads alike on a small index and a large one, so one floor fits; 0 for vector-only hits. A term of a
    /// query in a language with few of the index's passages counts as rare as it is among them, if that is less
    /// (<see cref="FullText.LanguageRarity"/>).
    /// </summary>
    public double KeywordRelevance { get; init; }

    /// <summary>
    /// What the sidebar shows of the hit: its passage started where a reader can start, within a length
    /// (<see cref="PassageExcerpt"/>); null where none was made, and the passage is shown.
    /// </summary>
    public string? Excerpt { get; init; }

    /// <summary>A lookup's: when it ran (its answer is what it read then); null for knowledge.</summary>
    public DateTimeOffset? RanAt { get; init; }
}

public sealed record KnowledgeQuery(string Text, int Limit = 5, IReadOnlyCollection<SourceKind>? Kinds = null, string? Locale = null);

public interface IKnowledgeSearch
{
    /// <summary>Best passages for the query, at most one per source, best first.</summary>
    Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string tenant, KnowledgeQuery query, CancellationToken cancellationToken);
}
