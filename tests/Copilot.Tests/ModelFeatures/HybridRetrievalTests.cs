using Copilot.Api.Knowledge;
using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.Tenants;
using Copilot.Fakes.OpenAI;
using Copilot.Fakes.Zendesk;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.ModelFeatures;

public sealed class HybridRetrievalTests(ModelTenantFixture fixture) : IClassFixture<ModelTenantFixture>
{
    private Tenant Vectors => fixture.Host.Services.GetRequiredService<TenantRegistry>().Find(ModelTenantFixture.VectorsTenant)!;
    private PassageVectors Store => fixture.Host.Services.GetRequiredService<PassageVectors>();

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Host.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task PassagesGetVectorsOnceAndOnlyNewOnesAreEmbeddedLater()
    {
        await Store.EmbedMissingAsync(Vectors, 100_000, CancellationToken.None);
        var passages = await CountAsync("SELECT count(*) FROM knowledge_passages WHERE tenant = 'vectors'");
        Assert.Equal(passages, await CountAsync("SELECT count(*) FROM passage_vectors WHERE tenant = 'vectors' AND dimensions = 128"));
        Assert.Equal(0, await Store.EmbedMissingAsync(Vectors, 100_000, CancellationToken.None));
        var embeddingCalls = fixture.Embedder.Requests.Count(r => r.Path.EndsWith("embeddings", StringComparison.Ordinal));

        var article = fixture.Zendesk.Data.Articles[0];
        fixture.Zendesk.Data.UpsertArticle(new FakeArticle
        {
            Id = article.Id, Title = article.Title, SectionId = article.SectionId, Locale = article.Locale, LabelNames = article.LabelNames,
            CreatedAt = article.CreatedAt, UpdatedAt = DateTimeOffset.UtcNow, Body = "<p>Completely rewritten: the bridge now pairs by QR code.</p>",
        });
        using var sync = Infrastructure.CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{ModelTenantFixture.VectorsTenant}/sync?full=true");
        (await fixture.Client.SendAsync(sync)).EnsureSuccessStatusCode();

        var added = await Store.EmbedMissingAsync(Vectors, 100_000, CancellationToken.None);
        Assert.InRange(added, 1, 3);
        Assert.Equal(embeddingCalls + 1, fixture.Embedder.Requests.Count(r => r.Path.EndsWith("embeddings", StringComparison.Ordinal)));
        Assert.Equal(await CountAsync("SELECT count(*) FROM knowledge_passages WHERE tenant = 'vectors'"),
            await CountAsync("SELECT count(*) FROM passage_vectors WHERE tenant = 'vectors'"));
    }

    [Fact]
    public async Task AnOpenAiTenantSendsItsKeyAsBearerOnTheV1Path()
    {
        await Store.EmbedMissingAsync(Vectors, 100_000, CancellationToken.None);
        await fixture.PostAsync("/api/tickets/132/triage", tenant: ModelTenantFixture.VectorsTenant);

        Assert.Contains(fixture.Embedder.Requests, r => r.Path == "/v1/embeddings");
        Assert.Contains(fixture.Embedder.Requests, r => r.Path == "/v1/chat/completions");
        Assert.All(fixture.Embedder.Requests, r =>
        {
            Assert.Equal(FakeAuth.Bearer, r.Auth);
            Assert.Equal("sk-vectors-test", r.AuthValue);
            Assert.False(r.HasHeader("api-key"));
        });
        var embedding = fixture.Embedder.Requests.First(r => r.Path == "/v1/embeddings").Json!;
        Assert.Equal("text-embedding-test", embedding["model"]!.GetValue<string>());
        Assert.Equal(128, embedding["dimensions"]!.GetValue<int>());
    }

    [Fact]
    public async Task SearchFusesKeywordAndVectorRanksForTenantsWithEmbeddings()
    {
        await Store.EmbedMissingAsync(Vectors, 100_000, CancellationToken.None);
        var search = fixture.Host.Services.GetRequiredService<IKnowledgeSearch>();
        var keywordsOnly = fixture.Host.Services.GetRequiredService<KnowledgeIndex>();
        var query = new KnowledgeQuery("cancel Lumora Plus trial charged", 5, [SourceKind.Article]);
        fixture.Embedder.ClearRequests();

        var hybrid = await search.SearchAsync(ModelTenantFixture.VectorsTenant, query, CancellationToken.None);
        var plain = await keywordsOnly.SearchAsync(ModelTenantFixture.VectorsTenant, query, CancellationToken.None);

        Assert.Equal(5, hybrid.Count);
        Assert.Single(fixture.Embedder.Requests, r => r.Path.EndsWith("embeddings", StringComparison.Ordinal));
        Assert.All(hybrid, h => Assert.Equal(SourceKind.Article, h.Kind));
        Assert.Contains(plain[0].SourceId, hybrid.Select(h => h.SourceId));
        Assert.True(hybrid.Zip(hybrid.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        // Fused scores order the hits; the BM25 relevance, which knowledge gaps are judged on, is kept beside them.
        var top = hybrid.Single(h => h.SourceId == plain[0].SourceId);
        Assert.Equal(plain[0].Score, top.KeywordScore, 6);
        Assert.All(hybrid.Where(h => plain.All(p => p.SourceId != h.SourceId)), h => Assert.True(h.KeywordScore == 0 || h.KeywordScore < plain[^1].Score + 1e-9));
    }

    [Fact]
    public async Task EveryHitCarriesTheScoreOfTheQuerysTenthSourceAsItsBaseline()
    {
        await Store.EmbedMissingAsync(Vectors, 100_000, CancellationToken.None);
        var index = (await Store.IndexAsync(Vectors, CancellationToken.None))!;
        var titles = await Store.TitlesAsync(Vectors, CancellationToken.None);
        var hybrid = fixture.Host.Services.GetRequiredService<HybridKnowledgeSearch>();
        var query = new KnowledgeQuery("bridge offline reset", 3, [SourceKind.Article]);
        var vector = FakeOpenAI.EmbeddingFor("The Bridge keeps going offline after the update", index.Dimensions);

        var ranked = await hybrid.FuseAsync(ModelTenantFixture.VectorsTenant, query with { Limit = 20 }, vector, index, titles, -1, 1.0, TenantEmbedder.ProviderTitleWeight, CancellationToken.None);
        var top = await hybrid.FuseAsync(ModelTenantFixture.VectorsTenant, query, vector, index, titles, -1, 1.0, TenantEmbedder.ProviderTitleWeight, CancellationToken.None);

        Assert.True(ranked.Count >= HybridKnowledgeSearch.BaselineRank);
        Assert.Equal(3, top.Count);
        Assert.All(top, h => Assert.Equal(ranked[HybridKnowledgeSearch.BaselineRank - 1].Score, h.Baseline));
        Assert.All(top, h => Assert.True(h.Score > h.Baseline));
    }

    [Fact]
    public async Task AKeywordHitIsUnrelatedByTheModelOnlyWhenTheModelFoundSomethingCloserAboveItsFloor()
    {
        await Store.EmbedMissingAsync(Vectors, 100_000, CancellationToken.None);
        var index = (await Store.IndexAsync(Vectors, CancellationToken.None))!;
        var hybrid = fixture.Host.Services.GetRequiredService<HybridKnowledgeSearch>();
        var query = new KnowledgeQuery("bridge offline reset", 20, [SourceKind.Article]);
        var keywordHits = await fixture.Host.Services.GetRequiredService<KnowledgeIndex>().SearchAsync(ModelTenantFixture.VectorsTenant,
            query with { Limit = HybridKnowledgeSearch.Candidates }, CancellationToken.None);
        var vector = FakeOpenAI.EmbeddingFor("The Bridge keeps going offline after the update", index.Dimensions);
        var scanned = index.Search(vector, 200);
        var nearest = scanned[0].Score;
        async Task<IReadOnlyList<KnowledgeHit>> FuseAsync(double floor) =>
            await hybrid.FuseAsync(ModelTenantFixture.VectorsTenant, query, vector, index, null, floor, 1.0, 0, CancellationToken.None);

        // A floor just below the nearest passage: the model knows what the query is about, and the keyword hits it finds
        // less close than the floor are unrelated to it; the nearest one is not.
        var knows = await FuseAsync(nearest - 0.001);
        // A floor above every passage: the model found nothing related, so it says nothing of what keywords found.
        var knowsNothing = await FuseAsync(nearest + 0.001);

        var unrelated = knows.Where(h => h.UnrelatedByModel).ToList();
        Assert.NotEmpty(unrelated);
        Assert.All(unrelated, h => Assert.Contains(h.SourceId, keywordHits.Select(k => k.SourceId)));
        Assert.DoesNotContain(knows, h => h.UnrelatedByModel && h.Similarity is not null);
        Assert.Contains(knows, h => !h.UnrelatedByModel);
        Assert.NotEmpty(knowsNothing);
        Assert.All(knowsNothing, h => Assert.False(h.UnrelatedByModel));
    }

    [Fact]
    public async Task APassageOnlyTheVectorsFindIsFusedInWithItsSimilarity()
    {
        await Store.EmbedMissingAsync(Vectors, 100_000, CancellationToken.None);
        var index = (await Store.IndexAsync(Vectors, CancellationToken.None))!;
        var hybrid = fixture.Host.Services.GetRequiredService<HybridKnowledgeSearch>();
        var query = new KnowledgeQuery("bridge offline reset", 5, [SourceKind.Article]);
        var plain = await fixture.Host.Services.GetRequiredService<KnowledgeIndex>()
            .SearchAsync(ModelTenantFixture.VectorsTenant, query with { Limit = HybridKnowledgeSearch.Candidates }, CancellationToken.None);
        // An article keyword search does not return for this query; the query vector points straight at it.
        await using var connection = new SqliteConnection($"Data Source={fixture.Host.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT source_id, title, text FROM knowledge_passages WHERE tenant = 'vectors' AND kind = 'article' ORDER BY id";
        var passages = new List<(string Source, string Title, string Text)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                passages.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        var target = passages.First(p => plain.All(h => h.SourceId != p.Source));
        var vector = FakeOpenAI.EmbeddingFor(target.Title + "\n" + target.Text, index.Dimensions);

        var hits = await hybrid.FuseAsync(ModelTenantFixture.VectorsTenant, query with { Limit = 20 }, vector, index, await Store.TitlesAsync(Vectors, CancellationToken.None), Vectors.Options.Model.MinSimilarity, 1.0, TenantEmbedder.ProviderTitleWeight, CancellationToken.None);

        var found = Assert.Single(hits, h => h.SourceId == target.Source);
        Assert.Equal(0, found.KeywordScore);
        Assert.Equal(1.0, found.Similarity!.Value, 3);
        Assert.Contains(plain[0].SourceId, hits.Select(h => h.SourceId));
    }

    [Fact]
    public async Task ASourceRankedFromTheLowerFloorIsShownOnlyAboveTheShowingFloor()
    {
        await Store.EmbedMissingAsync(Vectors, 100_000, CancellationToken.None);
        var index = (await Store.IndexAsync(Vectors, CancellationToken.None))!;
        var hybrid = fixture.Host.Services.GetRequiredService<HybridKnowledgeSearch>();
        var query = new KnowledgeQuery("zxqv wqpl mmorth ghjk", 5);
        var vector = FakeOpenAI.EmbeddingFor("zxqv wqpl mmorth ghjk", index.Dimensions);
        var nearest = index.Search(vector, 1)[0];

        // Ranked from just below the nearest neighbour: it is a candidate; shown from above it: it carries no similarity.
        // (No titles: a title as far from this query as unrelated text would take the similarity too.)
        var ranked = await hybrid.FuseAsync(ModelTenantFixture.VectorsTenant, query, vector, index, null, nearest.Score - 0.001, 1.0, TenantEmbedder.ProviderTitleWeight, CancellationToken.None,
            shownFrom: nearest.Score + 0.001);
        var shown = await hybrid.FuseAsync(ModelTenantFixture.VectorsTenant, query, vector, index, null, nearest.Score - 0.001, 1.0, TenantEmbedder.ProviderTitleWeight, CancellationToken.None);

        var hit = Assert.Single(ranked);
        Assert.Equal(0, hit.KeywordScore);
        Assert.Null(hit.Similarity);
        Assert.False(RelevantKnowledge.IsRelevant(hit, new RelevanceFloor(0.5)));
        var same = Assert.Single(shown);
        Assert.Equal(hit.SourceId, same.SourceId);
        Assert.True(RelevantKnowledge.IsRelevant(same, new RelevanceFloor(0.5)));
    }

    [Fact]
    public async Task APassageCloseToTheQueryUnderATitleFarFromItIsRankedButNotVouchedFor()
    {
        await Store.EmbedMissingAsync(Vectors, 100_000, CancellationToken.None);
        var index = (await Store.IndexAsync(Vectors, CancellationToken.None))!;
        var titles = (await Store.TitlesAsync(Vectors, CancellationToken.None))!;
        var hybrid = fixture.Host.Services.GetRequiredService<HybridKnowledgeSearch>();
        var (floor, weight) = (Vectors.Options.Model.MinSimilarity, TenantEmbedder.ProviderTitleWeight);
        await using var connection = new SqliteConnection($"Data Source={fixture.Host.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, source_id, text FROM knowledge_passages WHERE tenant = 'vectors' AND kind = 'article' ORDER BY length(text) DESC LIMIT 1";
        long id;
        string source, text;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            (id, source, text) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
        }
        // The query says what the passage says, not what its title says: the passage is close, the title far.
        var vector = FakeOpenAI.EmbeddingFor(text, index.Dimensions);
        var similarity = index.Search(vector, 5).Single(n => n.Id == id).Score;
        var title = titles.Similarities(vector, [(SourceKind.Article, source)]).Single().Similarity;
        var shortfall = weight * (floor - title);
        Assert.True(shortfall > 0, $"title similarity {title} is not below the floor {floor}");
        // Shown from a similarity the passage reaches and the passage less the title's shortfall does not.
        var shownFrom = Math.Max(floor, similarity - shortfall / 2);
        Assert.InRange(shownFrom, similarity - shortfall + 1e-4, similarity);
        var query = new KnowledgeQuery("zxqv wqpl mmorth ghjk", 20, [SourceKind.Article]);

        var vetoed = await hybrid.FuseAsync(ModelTenantFixture.VectorsTenant, query, vector, index, titles, floor, 1.0, weight, CancellationToken.None, shownFrom);
        var not = await hybrid.FuseAsync(ModelTenantFixture.VectorsTenant, query, vector, index, titles, floor, 1.0, weight, CancellationToken.None, shownFrom, titlesVeto: false);

        var hit = Assert.Single(vetoed, h => h.SourceId == source);
        Assert.Equal(0, hit.KeywordScore);
        Assert.Null(hit.Similarity);
        Assert.False(RelevantKnowledge.IsRelevant(hit, new RelevanceFloor(0.5)));
        var vouched = Assert.Single(not, h => h.SourceId == source);
        Assert.Equal(similarity, vouched.Similarity!.Value, 3);
        Assert.True(RelevantKnowledge.IsRelevant(vouched, new RelevanceFloor(0.5)));
        Assert.Equal(not.Select(h => h.SourceId), vetoed.Select(h => h.SourceId));
    }

    [Fact]
    public async Task NeighboursBelowTheSimilarityFloorAreNoMatch()
    {
        await Store.EmbedMissingAsync(Vectors, 100_000, CancellationToken.None);
        var index = (await Store.IndexAsync(Vectors, CancellationToken.None))!;
        var hybrid = fixture.Host.Services.GetRequiredService<HybridKnowledgeSearch>();
        var query = new KnowledgeQuery("bridge offline reset", 5);
        // A direction no passage shares: its nearest rows are still returned by the scan, but far below the floor.
        var unrelated = FakeOpenAI.EmbeddingFor("zxqv wqpl mmorth ghjk", index.Dimensions);
        var nearest = index.Search(unrelated, 3);
        Assert.All(nearest, n => Assert.True(n.Score < Vectors.Options.Model.MinSimilarity));

        var hits = await hybrid.FuseAsync(ModelTenantFixture.VectorsTenant, query, unrelated, index, await Store.TitlesAsync(Vectors, CancellationToken.None), Vectors.Options.Model.MinSimilarity, 1.0, TenantEmbedder.ProviderTitleWeight, CancellationToken.None);

        var plain = await fixture.Host.Services.GetRequiredService<KnowledgeIndex>().SearchAsync(ModelTenantFixture.VectorsTenant, query, CancellationToken.None);
        Assert.Equal(plain.Select(p => p.SourceId), hits.Select(h => h.SourceId));
        Assert.All(hits, h => Assert.Null(h.Similarity));
    }

    [Fact]
    public async Task EachSourceGetsOneTitleVectorAndAStoreWithoutThemGetsThemOnTheNextPass()
    {
        await Store.EmbedMissingAsync(Vectors, 100_000, CancellationToken.None);
        var sources = await CountAsync("SELECT count(*) FROM knowledge_passages WHERE tenant = 'vectors' AND ordinal = 0");
        Assert.Equal(sources, await CountAsync("SELECT count(*) FROM title_vectors WHERE tenant = 'vectors' AND dimensions = 128"));
        // A store from before title vectors: every passage embedded, no title.
        await CountAsync("DELETE FROM title_vectors WHERE tenant = 'vectors' RETURNING 0");
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM title_vectors WHERE tenant = 'vectors'"));
        fixture.Embedder.ClearRequests();

        Assert.Equal(0, await Store.EmbedMissingAsync(Vectors, 100_000, CancellationToken.None));

        Assert.Equal(sources, await CountAsync("SELECT count(*) FROM title_vectors WHERE tenant = 'vectors' AND dimensions = 128"));
        Assert.Equal((sources + PassageVectors.BatchSize - 1) / PassageVectors.BatchSize, fixture.Embedder.Requests.Count(r => r.Path.EndsWith("embeddings", StringComparison.Ordinal)));
        Assert.Equal(sources, (await Store.TitlesAsync(Vectors, CancellationToken.None))!.Count);
    }

    [Fact]
    public async Task TitlesReorderWhatKeywordAndVectorSearchFoundAndAddNothing()
    {
        await Store.EmbedMissingAsync(Vectors, 100_000, CancellationToken.None);
        var index = (await Store.IndexAsync(Vectors, CancellationToken.None))!;
        var titles = (await Store.TitlesAsync(Vectors, CancellationToken.None))!;
        var hybrid = fixture.Host.Services.GetRequiredService<HybridKnowledgeSearch>();
        var query = new KnowledgeQuery("bridge offline reset", HybridKnowledgeSearch.Candidates, [SourceKind.Article]);
        var plain = await fixture.Host.Services.GetRequiredService<KnowledgeIndex>().SearchAsync(ModelTenantFixture.VectorsTenant, query, CancellationToken.None);
        // The query vector is the last keyword hit's title: with titles, that source climbs (keywords weigh
        // heavily here, so that without titles the keyword order mostly stands).
        var target = plain[^1];
        var vector = FakeOpenAI.EmbeddingFor(target.Title, index.Dimensions);

        var without = await hybrid.FuseAsync(ModelTenantFixture.VectorsTenant, query, vector, index, null, Vectors.Options.Model.MinSimilarity, 3.0, TenantEmbedder.ProviderTitleWeight, CancellationToken.None);
        var with = await hybrid.FuseAsync(ModelTenantFixture.VectorsTenant, query, vector, index, titles, Vectors.Options.Model.MinSimilarity, 3.0, TenantEmbedder.ProviderTitleWeight, CancellationToken.None);

        Assert.Contains(without, h => h.Similarity is not null);
        Assert.Equal(without.Select(h => h.SourceId).Order(), with.Select(h => h.SourceId).Order());
        int RankOf(IReadOnlyList<KnowledgeHit> hits) => hits.Select(h => h.SourceId).ToList().IndexOf(target.SourceId);
        Assert.True(RankOf(with) < RankOf(without), $"rank {RankOf(with)} with titles, {RankOf(without)} without");
        Assert.Equal(without.Single(h => h.SourceId == target.SourceId).KeywordScore, with.Single(h => h.SourceId == target.SourceId).KeywordScore);
    }

    [Fact]
    public async Task AFailingQueryEmbeddingFallsBackToKeywordSearch()
    {
        await Store.EmbedMissingAsync(Vectors, 100_000, CancellationToken.None);
        var search = fixture.Host.Services.GetRequiredService<IKnowledgeSearch>();
        var query = new KnowledgeQuery("bridge offline reset", 3);
        fixture.Embedder.Inject(Copilot.Fakes.OpenAI.FakeFault.ServerError(500));

        var hits = await search.SearchAsync(ModelTenantFixture.VectorsTenant, query, CancellationToken.None);

        var plain = await fixture.Host.Services.GetRequiredService<KnowledgeIndex>().SearchAsync(ModelTenantFixture.VectorsTenant, query, CancellationToken.None);
        Assert.Equal(plain.Select(p => p.SourceId), hits.Select(h => h.SourceId));
    }

    [Fact]
    public async Task TenantsWithoutEmbeddingsGetKeywordSearchUnchanged()
    {
        var query = new KnowledgeQuery("bridge offline reset", 3);
        var hits = await fixture.Host.Services.GetRequiredService<IKnowledgeSearch>().SearchAsync(Infrastructure.CopilotTestHost.TenantId, query, CancellationToken.None);
        var plain = await fixture.Host.Services.GetRequiredService<KnowledgeIndex>().SearchAsync(Infrastructure.CopilotTestHost.TenantId, query, CancellationToken.None);
        Assert.Equal(plain, hits);
    }
}

public sealed class ScoreFusionTests
{
    private static ScoreFusion.Candidate<string> C(string id, double? similarity, double? title = null, double keyword = 0) => new(id, similarity, title, keyword);

    [Fact]
    public void AClearSemanticMatchIsNotOutvotedByTheKeywordOrder()
    {
        // "b" is the keyword list's best but barely above the floor for the model; "a" is a clear match.
        var fused = ScoreFusion.Fuse([C("b", 0.62, keyword: 9), C("a", 0.80, keyword: 1)], floor: 0.6, keywordWeight: 0.25, titleWeight: 0);
        Assert.Equal(["a", "b"], fused.Select(f => f.Item));
        Assert.Equal((0.80 - 0.6) / 0.4 + 0.25 / 9, fused[0].Score, 10);
    }

    [Fact]
    public void KeywordsSettleCloseCallsAndTitlesCount()
    {
        var close = ScoreFusion.Fuse([C("a", 0.700), C("b", 0.695, keyword: 5)], 0.6, 0.25, 0);
        Assert.Equal(["b", "a"], close.Select(f => f.Item));
        var titled = ScoreFusion.Fuse([C("a", 0.70, title: 0.60), C("b", 0.68, title: 0.75)], 0.6, 0, 1);
        Assert.Equal(["b", "a"], titled.Select(f => f.Item));
    }

    [Fact]
    public void BelowTheFloorSimilarityStillOrdersAndTiesKeepTheKeywordOrder()
    {
        // Without vectors keywords alone decide; equal scores keep the order given.
        var fused = ScoreFusion.Fuse([C("k1", null, keyword: 2), C("k2", null, keyword: 2), C("k3", null, keyword: 4)], 0.6, 0.25, 1);
        Assert.Equal(["k3", "k1", "k2"], fused.Select(f => f.Item));
        // A keyword hit the model finds unrelated sinks below one it finds merely weak.
        var below = ScoreFusion.Fuse([C("unrelated", 0.30, keyword: 4), C("weak", 0.55, keyword: 3)], 0.6, 0.25, 0);
        Assert.Equal(["weak", "unrelated"], below.Select(f => f.Item));
        Assert.Empty(ScoreFusion.Fuse(Array.Empty<ScoreFusion.Candidate<string>>(), 0.6, 0.25, 1));
    }
}
