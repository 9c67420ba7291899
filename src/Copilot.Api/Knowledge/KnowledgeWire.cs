namespace Copilot.Api.Knowledge;

/// <param name="Vectors">How many of the tenant's passages its embedding model has read when the sync returns; null without a model.</param>
public sealed record SyncResponse(string Tenant, bool Full, int Articles, int Macros, int PastReplies, int Indexed, int Removed, double DurationMs, VectorsResponse? Vectors)
{
    public static SyncResponse From(string tenant, SyncResult r, VectorsResponse? vectors) =>
        new(tenant, r.Full, r.Articles, r.Macros, r.PastReplies, r.Indexed, r.Removed, Math.Round(r.Duration.TotalMilliseconds, 1), vectors);
}

/// <param name="Vectors">How many of the tenant's passages its embedding model has read once the import returns; null without a model.</param>
public sealed record ImportResponse(string Tenant, int Imported, int Indexed, int Unchanged, VectorsResponse? Vectors);

/// <summary>A tenant's passages and how many its embedding model has read: its searches are keyword-only until it has read almost all.</summary>
public sealed record VectorsResponse(string Model, long Passages, long Embedded);

/// <param name="Score">The search's own ranking score: fused with the model's similarity when the tenant's model took part, BM25 otherwise.</param>
/// <param name="Relevance">The BM25 score in rare-term units (<see cref="KnowledgeHit.KeywordRelevance"/>), the unit of the keyword floors.</param>
/// <param name="Similarity">The model's cosine similarity where it found the source at or above its floor for showing; null otherwise.</param>
/// <param name="UnrelatedByModel">
/// Whether the model, which found sources related to the query, finds this one below its ranking floor: it is then shown only
/// on more keyword relevance (<see cref="KnowledgeOptions.MinRelevanceUnrelatedByModel"/>).
/// </param>
public sealed record SearchHitResponse(
    string Kind, string SourceId, string Title, string? Url, string Passage, double Score, double Relevance, double? Similarity, string? Locale, bool UnrelatedByModel)
{
    public static SearchHitResponse From(KnowledgeHit h) =>
        new(h.Kind.ToName(), h.SourceId, h.Title, h.Url, h.Passage, Math.Round(h.Score, 4), Math.Round(h.KeywordRelevance, 3),
            h.Similarity is { } s ? Math.Round(s, 4) : null, h.Locale, h.UnrelatedByModel);
}

public sealed record SearchResponse(string Query, IReadOnlyList<string> Terms, IReadOnlyList<SearchHitResponse> Hits);

public sealed record StatusResponse(
    string Tenant,
    IReadOnlyDictionary<string, int> Sources,
    int Passages,
    DateTimeOffset? LastSync,
    DateTimeOffset? LastFullSync,
    DateTimeOffset? LastIncrementalStart,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    VectorsResponse? Vectors);
