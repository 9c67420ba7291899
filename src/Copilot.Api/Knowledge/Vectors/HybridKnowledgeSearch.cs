using Copilot.Api.Knowledge;
using Copilot.Api.Languages;
using Copilot.Api.ModelTasks;
using Copilot.Api.Store;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;
using Dapper;

namespace Copilot.Api.Knowledge.Vectors;

/// <summary>
/// Keyword search (BM25 over FTS5) fused with vector search (cosine, exact top-k) by reciprocal rank,
/// for tenants with an embedding model (their provider's or the built-in English one) and embedded
/// passages. Queries the model cannot read, tenants without one, and every failure of the embedding
/// call get keyword search alone.
/// </summary>
public sealed partial class HybridKnowledgeSearch(
    KnowledgeIndex keywords, PassageVectors vectors, QueryVectors queryVectors, TenantModels models, TenantRegistry tenants,
    ILanguageDetector languages, Db db, Microsoft.Extensions.Options.IOptions<KnowledgeOptions> options, ILogger<HybridKnowledgeSearch> logger) : IKnowledgeSearch
{
    /// <summary>Candidates taken from each list before fusing.</summary>
    public const int Candidates = 40;

    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string tenantId, KnowledgeQuery query, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenantId) is not { } tenant || models.Embedder(tenant) is not { } embedder
            || !embedder.Accepts(query.Locale ?? languages.Detect(query.Text).Code)
            || await vectors.IndexAsync(tenant, cancellationToken) is not { } index)
        {
            return await keywords.SearchAsync(tenantId, query, cancellationToken);
        }
        float[] queryVector;
        try
        {
            queryVector = await queryVectors.GetAsync(embedder, query.Text, cancellationToken);
        }
        catch (ModelException e)
        {
            Log.KeywordsOnly(logger, tenantId, e.Failure);
            return await keywords.SearchAsync(tenantId, query, cancellationToken);
        }
        return await FuseAsync(tenantId, query, queryVector, index, embedder.MinSimilarity, options.Value.VectorWeight, cancellationToken);
    }

    /// <summary>
    /// Everything after the query embedding: keyword candidates, vector candidates above <paramref name="minSimilarity"/>,
    /// fusion with the vector list weighted <paramref name="vectorWeight"/> against the keyword list's 1.
    /// </summary>
    internal async Task<IReadOnlyList<KnowledgeHit>> FuseAsync(
        string tenantId, KnowledgeQuery query, float[] queryVector, VectorIndex index, double minSimilarity, double vectorWeight, CancellationToken cancellationToken)
    {
        var limit = Math.Max(query.Limit, 1);
        var kinds = query.Kinds?.Select(PassageVectors.KindCode).ToHashSet();
        var locale = query.Locale?.ToLowerInvariant();
        // The scan is CPU-bound and the keyword query waits on SQLite: run them side by side.
        var scan = Task.Run(() => index.Search(queryVector, Candidates * 2, (kind, l) =>
            (kinds is null || kinds.Contains(kind)) && (locale is null || l is null || l == locale || l.StartsWith(locale + "-", StringComparison.Ordinal))), cancellationToken);
        var keywordHits = await keywords.SearchAsync(tenantId, query with { Limit = Candidates }, cancellationToken);
        var nearest = await scan;

        // Nearest is not the same as relevant: below the tenant's floor a neighbour is no match.
        nearest = nearest.Where(n => n.Score >= minSimilarity).ToList();
        var details = await PassagesAsync(tenantId, nearest.Select(n => n.Id).ToArray(), cancellationToken);
        var vectorHits = nearest.Where(n => details.ContainsKey(n.Id)).Select(n => details[n.Id] with { Similarity = Math.Round(n.Score, 4) })
            .DistinctBy(h => (h.Kind, h.SourceId)).Take(Candidates).ToList();
        var similarity = vectorHits.ToDictionary(h => (h.Kind, h.SourceId), h => h.Similarity);

        // Fuse by source: a source's best passage represents it in each list.
        var fused = RankFusion.Weighted<(SourceKind, string)>([
            (keywordHits.Select(h => (h.Kind, h.SourceId)).ToList(), 1.0),
            (vectorHits.Select(h => (h.Kind, h.SourceId)).ToList(), vectorWeight),
        ]);
        var byKey = keywordHits.Select(h => h with { Similarity = similarity.GetValueOrDefault((h.Kind, h.SourceId)) })
            .Concat(vectorHits.Select(h => h with { KeywordScore = 0 }))
            .DistinctBy(h => (h.Kind, h.SourceId)).ToDictionary(h => (h.Kind, h.SourceId));
        return fused.Take(limit).Select(f => byKey[f.Item] with { Score = Math.Round(f.Score * 1000, 3) }).ToList();
    }

    private async Task<Dictionary<long, KnowledgeHit>> PassagesAsync(string tenant, long[] ids, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string Kind, string SourceId, string Title, string? Url, string Text, string? Locale)>(new CommandDefinition(
            """
            SELECT p.id, p.kind, p.source_id, s.title, s.url, p.text, s.locale
            FROM knowledge_passages p
            JOIN knowledge_sources s ON s.tenant = p.tenant AND s.kind = p.kind AND s.source_id = p.source_id
            WHERE p.id IN @ids AND +p.tenant = @tenant -- "+": look rows up by id; the tenant index would scan them all
            """,
            new { tenant, ids }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => new KnowledgeHit(SourceKinds.Parse(r.Kind), r.SourceId, r.Title, r.Url, r.Text, 0, r.Locale));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4211, Level = LogLevel.Warning, Message = "Query embedding failed for tenant {Tenant} ({Failure}); keyword search only")]
        public static partial void KeywordsOnly(ILogger logger, string tenant, ModelFailure failure);
    }
}
