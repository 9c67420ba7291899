namespace Copilot.Api.Knowledge;

/// <summary>Where a passage came from.</summary>
public enum SourceKind { Article, Macro, PastReply, Document }

/// <summary>One retrieved passage. <see cref="Score"/> is higher-is-better relevance (negated BM25 rank, or fused).</summary>
public sealed record KnowledgeHit(
    SourceKind Kind,
    string SourceId,
    string Title,
    string? Url,
    string Passage,
    double Score,
    string? Locale);

public sealed record KnowledgeQuery(string Text, int Limit = 5, IReadOnlyCollection<SourceKind>? Kinds = null, string? Locale = null);

public interface IKnowledgeSearch
{
    /// <summary>Best passages for the query, at most one per source, best first.</summary>
    Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string tenant, KnowledgeQuery query, CancellationToken cancellationToken);
}
