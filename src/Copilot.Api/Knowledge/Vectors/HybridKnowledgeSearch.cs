using Copilot.Api.Knowledge;
using Copilot.Api.Languages;
using Copilot.Api.ModelTasks;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;

namespace Copilot.Api.Knowledge.Vectors;

/// <summary>
/// Keyword search (BM25 over FTS5) fused with vector search (cosine, exact top-k) by score (<see cref="ScoreFusion"/>),
/// for tenants with an embedding model (their provider's or the built-in English one) and embedded
/// passages. Queries the model cannot read, tenants without one, tenants whose passages the model has not yet
/// mostly read (<see cref="MinEmbeddedShare"/>), and every failure of the embedding call get keyword search alone.
/// </summary>
public sealed partial class HybridKnowledgeSearch(
    KnowledgeIndex keywords, PassageVectors vectors, QueryVectors queryVectors, TenantModels models, TenantRegistry tenants,
    ILanguageDetector languages, EmbeddingProgress progress, ILogger<HybridKnowledgeSearch> logger) : IKnowledgeSearch
{
    /// <summary>Candidates taken from each list before fusing.</summary>
    public const int Candidates = 40;

    /// <summary>
    /// The share of a tenant's passages its model must have read before vectors take part. While a first index (or one
    /// after a change of model) is being read, the sources not yet read have no similarity, so fusion ranks them below
    /// every source that has one: "Refund for everything" was shown "How firmware updates work" before its refund policy.
    /// Keywords alone rank all sources alike; the few passages a later sync adds wait at most one embedding pass.
    /// </summary>
    public const double MinEmbeddedShare = 0.95;

    /// <summary>Whether a tenant whose model has read <paramref name="embedded"/> of its <paramref name="passages"/> is searched by meaning.</summary>
    public static bool ReadsByMeaning(long passages, long embedded) => embedded >= passages * MinEmbeddedShare;

    /// <summary>The rank whose score stands for a source unrelated to the query (<see cref="KnowledgeHit.Baseline"/>).</summary>
    public const int BaselineRank = 10;

    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string tenantId, KnowledgeQuery query, CancellationToken cancellationToken)
    {
        if (tenants.Find(tenantId) is not { } tenant || models.Embedder(tenant) is not { } embedder
            || !embedder.Accepts(query.Locale ?? languages.Detect(query.Text).Code)
            || await progress.GetAsync(tenant, embedder.Model, lastSync: null, cancellationToken) is var (passages, embedded) && !ReadsByMeaning(passages, embedded)
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
        return await FuseAsync(tenantId, query, queryVector, index, await vectors.TitlesAsync(tenant, cancellationToken),
            embedder.RankFloor, embedder.KeywordWeight, embedder.TitleWeight, cancellationToken, shownFrom: embedder.MinSimilarity);
    }

    /// <summary>
    /// Everything after the query embedding: keyword candidates, vector candidates above <paramref name="minSimilarity"/>,
    /// and <see cref="ScoreFusion"/> of passage similarity, title similarity
    /// (<paramref name="titleWeight"/>) and keyword score (<paramref name="keywordWeight"/>).
    /// </summary>
    /// <param name="shownFrom">
    /// The similarity a hit must reach to carry it (and so be shown on the model's word alone, <see cref="RelevantKnowledge"/>);
    /// unset: <paramref name="minSimilarity"/>. Below it a hit is ranked by its similarity but judged by its keywords.
    /// </param>
    /// <param name="titlesVeto">
    /// Whether a title further from the query than unrelated text (below <paramref name="minSimilarity"/>) takes what the
    /// fusion takes for it (<paramref name="titleWeight"/> times the shortfall) from the passage's similarity before that is
    /// held to <paramref name="shownFrom"/>: a passage "Riders under 18 need a parent or guardian" is close to "Can I attach a
    /// child seat? My daughter is three", its title "Create your Spokewise account" is not, and the model does not vouch for
    /// the source. Ranking is the same either way (docs/evaluation.md measures both).
    /// </param>
    internal async Task<IReadOnlyList<KnowledgeHit>> FuseAsync(
        string tenantId, KnowledgeQuery query, float[] queryVector, VectorIndex index, TitleVectors? titles, double minSimilarity, double keywordWeight,
        double titleWeight, CancellationToken cancellationToken, double? shownFrom = null, bool titlesVeto = true)
    {
        var showFloor = Math.Max(shownFrom ?? minSimilarity, minSimilarity);
        var limit = Math.Max(query.Limit, 1);
        var kinds = query.Kinds?.Select(PassageVectors.KindCode).ToHashSet();
        var locale = query.Locale?.ToLowerInvariant();
        // The scan is CPU-bound and the keyword query waits on SQLite: run them side by side.
        var scan = Task.Run(() => index.Search(queryVector, Candidates * 2, (kind, l) =>
            (kinds is null || kinds.Contains(kind)) && (locale is null || l is null || l == locale || l.StartsWith(locale + "-", StringComparison.Ordinal))), cancellationToken);
        var keywordTask = keywords.RankAsync(tenantId, query with { Limit = Candidates }, cancellationToken);
        // Nearest is not the same as relevant: below the tenant's floor a neighbour is no match. The scan usually
        // ends first, so its rows' sources are looked up while the keyword query still runs.
        var scanned = await scan;
        var nearest = scanned.Where(n => n.Score >= minSimilarity).ToList();
        var sourcesTask = keywords.SourcesOfAsync(tenantId, nearest.Select(n => n.Id).ToArray(), cancellationToken);
        var keywordRanking = (await keywordTask).Passages;
        var sources = await sourcesTask;
        var vectorRanking = nearest.Where(n => sources.ContainsKey(n.Id)).Select(n => (n.Id, Source: sources[n.Id], Similarity: Math.Round(n.Score, 4)))
            .DistinctBy(n => n.Source).Take(Candidates).ToList();
        var similarity = vectorRanking.ToDictionary(n => n.Source, n => n.Similarity);

        // A source's best passage represents it (the keyword list's passage when both found it). Titles count only
        // when the model found some passage close enough: otherwise it does not know what the query is about.
        var byKeyword = keywordRanking.ToDictionary(p => (p.Kind, p.SourceId));
        var candidates = byKeyword.Keys.Concat(vectorRanking.Select(n => n.Source)).Distinct().ToList();
        var byTitle = titles is null || titleWeight == 0 || vectorRanking.Count == 0
            ? new Dictionary<(SourceKind, string), double>()
            : titles.Similarities(queryVector, candidates).ToDictionary(t => t.Source, t => (double)t.Similarity);
        double? Shown((SourceKind, string) source, double s) =>
            s >= showFloor && (!titlesVeto || !byTitle.TryGetValue(source, out var title) || s + titleWeight * Math.Min(0, title - minSimilarity) >= showFloor)
                ? s : null;
        // Once the model knows what the query is about, a similarity below the floor still orders what keywords
        // found (the keyword passage's own); a passage the scan did not reach scores at most what its last row did.
        var scannedScore = vectorRanking.Count == 0 ? [] : scanned.ToDictionary(n => n.Id, n => (double)n.Score);
        var unreached = scanned.Count == 0 ? minSimilarity : Math.Min(minSimilarity, scanned[^1].Score);
        double? SimilarityOf((SourceKind Kind, string SourceId) source) =>
            similarity.TryGetValue(source, out var above) ? above
            : vectorRanking.Count == 0 ? null
            : byKeyword.TryGetValue(source, out var passage) && scannedScore.TryGetValue(passage.Id, out var below) ? below
            : unreached;
        var fusedAll = ScoreFusion.Fuse(candidates.Select(c => new ScoreFusion.Candidate<(SourceKind, string)>(c,
                SimilarityOf(c),
                byTitle.TryGetValue(c, out var t) ? t : null,
                byKeyword.TryGetValue(c, out var k) ? k.Score : 0)).ToList(),
            minSimilarity, keywordWeight, titleWeight);
        double? baseline = fusedAll.Count >= BaselineRank ? Math.Round(fusedAll[BaselineRank - 1].Score * 1000, 3) : null;
        var fused = fusedAll.Take(limit).ToList();
        var passageOf = vectorRanking.ToDictionary(n => n.Source, n => n.Id);
        foreach (var p in keywordRanking)
        {
            passageOf[(p.Kind, p.SourceId)] = p.Id;
        }
        // Only the passages shown are read whole.
        var details = await keywords.PassagesAsync(tenantId, fused.Select(f => passageOf[f.Item]).ToArray(), cancellationToken);
        return fused.Where(f => details.ContainsKey(passageOf[f.Item])).Select(f =>
        {
            var hit = details[passageOf[f.Item]] with { Score = Math.Round(f.Score * 1000, 3), Baseline = baseline };
            var shown = similarity.TryGetValue(f.Item, out var s) ? Shown(f.Item, s) : null;
            // Only once the model knows what the query is about (SimilarityOf is null otherwise) does a source below its
            // ranking floor read as unrelated; one the scan did not reach scores at most what its last row did.
            hit = hit with
            {
                Similarity = shown,
                SimilarityMargin = shown is { } above ? Math.Round(above - showFloor, 4) : null,
                UnrelatedByModel = SimilarityOf(f.Item) < minSimilarity,
            };
            return byKeyword.TryGetValue(f.Item, out var k)
                ? hit with { KeywordScore = k.Score, KeywordRelevance = k.Relevance }
                : hit with { KeywordScore = 0 };
        }).ToList();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4211, Level = LogLevel.Warning, Message = "Query embedding failed for tenant {Tenant} ({Failure}); keyword search only")]
        public static partial void KeywordsOnly(ILogger logger, string tenant, ModelFailure failure);
    }
}
