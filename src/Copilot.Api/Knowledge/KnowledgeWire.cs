namespace Copilot.Api.Knowledge;

public sealed record SyncResponse(string Tenant, bool Full, int Articles, int Macros, int PastReplies, int Indexed, int Removed, double DurationMs)
{
    public static SyncResponse From(string tenant, SyncResult r) =>
        new(tenant, r.Full, r.Articles, r.Macros, r.PastReplies, r.Indexed, r.Removed, Math.Round(r.Duration.TotalMilliseconds, 1));
}

public sealed record ImportResponse(string Tenant, int Imported, int Indexed, int Unchanged);

/// <param name="Relevance">The BM25 score in rare-term units (<see cref="KnowledgeHit.KeywordRelevance"/>), the unit of the keyword floors.</param>
public sealed record SearchHitResponse(string Kind, string SourceId, string Title, string? Url, string Passage, double Score, double Relevance, string? Locale)
{
    public static SearchHitResponse From(KnowledgeHit h) =>
        new(h.Kind.ToName(), h.SourceId, h.Title, h.Url, h.Passage, Math.Round(h.Score, 4), Math.Round(h.KeywordRelevance, 3), h.Locale);
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
    DateTimeOffset? LastErrorAt);
