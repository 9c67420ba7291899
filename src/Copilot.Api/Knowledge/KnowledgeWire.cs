namespace Copilot.Api.Knowledge;

public sealed record SyncResponse(string Tenant, bool Full, int Articles, int Macros, int PastReplies, int Indexed, int Removed, double DurationMs)
{
    public static SyncResponse From(string tenant, SyncResult r) =>
        new(tenant, r.Full, r.Articles, r.Macros, r.PastReplies, r.Indexed, r.Removed, Math.Round(r.Duration.TotalMilliseconds, 1));
}

public sealed record ImportResponse(string Tenant, int Imported, int Indexed, int Unchanged);

public sealed record SearchHitResponse(string Kind, string SourceId, string Title, string? Url, string Passage, double Score, string? Locale)
{
    public static SearchHitResponse From(KnowledgeHit h) =>
        new(h.Kind.ToName(), h.SourceId, h.Title, h.Url, h.Passage, Math.Round(h.Score, 4), h.Locale);
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
