using Copilot.Api.Knowledge;
using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.Languages;
using Copilot.Api.ModelTasks;
using Copilot.Api.Store;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Copilot.Connectors.Models;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Copilot.Evaluation;

/// <summary>
/// The product's knowledge index over the schema the migrations create, in a temporary SQLite file or, for
/// <c>postgres</c>, a temporary schema of the PostgreSQL database given with <c>--postgres</c>.
/// </summary>
public sealed class TempIndex : IAsyncDisposable
{
    public const string Tenant = "eval";
    private readonly string _path;
    private PostgresSchema? _schema;

    private TempIndex(string path, Db db, KnowledgeIndex index)
    {
        _path = path;
        Db = db;
        Index = index;
    }

    public Db Db { get; }
    public KnowledgeIndex Index { get; }

    /// <summary>Keyword search fused with the built-in embedding model, as offline tenants search; null for keyword-only runs.</summary>
    public HybridKnowledgeSearch? Hybrid { get; private set; }

    private PassageVectors? _vectors;
    private Semantic _semantic = null!;

    /// <summary>
    /// The product's search for the query: hybrid when the index was embedded, else keyword only.
    /// A similarity floor (one for ranking and showing), keyword weight or title weight given here replaces the
    /// configured one (for calibration).
    /// </summary>
    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(
        KnowledgeQuery query, double? minSimilarity = null, double? keywordWeight = null, double? titleWeight = null, bool titlesVeto = true)
    {
        if (Hybrid is null)
        {
            return await Index.SearchAsync(Tenant, query, CancellationToken.None);
        }
        if (minSimilarity is null && keywordWeight is null && titleWeight is null && titlesVeto)
        {
            return await Hybrid.SearchAsync(Tenant, query, CancellationToken.None);
        }
        var tenant = _semantic.Tenants.Find(Tenant)!;
        var embedder = _semantic.Models.Embedder(tenant)!;
        var vector = await _semantic.Queries.GetAsync(embedder, query.Text, CancellationToken.None);
        var index = (await _vectors!.IndexAsync(tenant, CancellationToken.None))!;
        var titles = await _vectors.TitlesAsync(tenant, CancellationToken.None);
        return await Hybrid.FuseAsync(Tenant, query, vector, index, titles, minSimilarity ?? embedder.RankFloor,
            keywordWeight ?? embedder.KeywordWeight, titleWeight ?? embedder.TitleWeight, CancellationToken.None,
            shownFrom: minSimilarity ?? embedder.MinSimilarity, titlesVeto: titlesVeto);
    }

    /// <param name="tokenizer">null keeps the migration's tokenizer; otherwise the FTS table is rebuilt with this one.</param>
    /// <param name="semantic">Embed the passages with the built-in model and search them hybrid.</param>
    /// <param name="postgres">Index in PostgreSQL (<see cref="PostgresSchema.ConnectionString"/>) instead of SQLite.</param>
    public static async Task<TempIndex> CreateAsync(IEnumerable<Doc> docs, SourceKind kind, KnowledgeOptions options, string? tokenizer = null, bool semantic = false, bool postgres = false)
    {
        var path = Path.Combine(Path.GetTempPath(), $"copilot-eval-{Guid.NewGuid():N}.db");
        var schema = postgres ? await PostgresSchema.CreateAsync(PostgresSchema.ConnectionString ?? throw new InvalidOperationException("--postgres names no database")) : null;
        var db = schema?.Db ?? new Db(path);
        await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        if (tokenizer is not null)
        {
            await using var connection = await db.OpenAsync(CancellationToken.None);
            await connection.ExecuteAsync($"""
                DROP TABLE knowledge_fts;
                CREATE VIRTUAL TABLE knowledge_fts USING fts5(title, text, content = 'knowledge_search', content_rowid = 'id', tokenize = '{tokenizer}');
                """);
        }
        var index = new KnowledgeIndex(db, options);
        await index.UpsertAsync(Tenant, Documents(docs, kind), CancellationToken.None);
        var temp = new TempIndex(path, db, index) { _schema = schema };
        if (semantic)
        {
            var s = temp._semantic = new Semantic(options);
            var vectors = new PassageVectors(db, s.Models, s.Languages, NullLogger<PassageVectors>.Instance);
            temp._vectors = vectors;
            await temp.EmbedMissingAsync();
            temp.Hybrid = new HybridKnowledgeSearch(index, vectors, s.Queries, s.Models, s.Tenants, s.Languages,
                new EmbeddingProgress(vectors, TimeProvider.System, index), NullLogger<HybridKnowledgeSearch>.Instance);
        }
        return temp;
    }

    /// <summary>Embeds the passages that have no vector yet (after a change to the index).</summary>
    public async Task EmbedMissingAsync()
    {
        if (_vectors is not null)
        {
            await _vectors.EmbedMissingAsync(_semantic.Tenants.Find(Tenant)!, int.MaxValue, CancellationToken.None);
        }
    }

    /// <summary>Takes documents out of the index and returns a callback that puts them back.</summary>
    public async Task<Func<Task>> WithoutAsync(IReadOnlyList<Doc> docs, SourceKind kind)
    {
        await Index.RemoveAsync(Tenant, kind, docs.Select(d => d.Id), CancellationToken.None);
        return async () =>
        {
            await Index.UpsertAsync(Tenant, Documents(docs, kind), CancellationToken.None);
            await EmbedMissingAsync();
        };
    }

    private static List<KnowledgeDocument> Documents(IEnumerable<Doc> docs, SourceKind kind) =>
        docs.Select(d => new KnowledgeDocument(kind, d.Id, d.Title, d.Text, null, "en", DateTimeOffset.UnixEpoch)).ToList();

    /// <summary>
    /// The built-in embedding model and what hybrid search needs around it, read with the index's options
    /// (query tokens, context passages), each with its own query cache.
    /// </summary>
    private sealed class Semantic(KnowledgeOptions knowledge)
    {
        public TenantModels Models { get; } = new(new ModelClientFactory(), Options.Create(knowledge));
        public QueryVectors Queries { get; } = new();
        public LanguageDetector Languages { get; } = new();
        public TenantRegistry Tenants { get; } = CreateTenants();

        private static TenantRegistry CreateTenants()
        {
            var registry = new TenantRegistry(Options.Create(new CopilotOptions()));
            registry.Add(Tenant, new TenantOptions { BaseUrl = "http://127.0.0.1", OAuthToken = "unused", SharedSecret = new string('x', TenantRegistry.MinSecretBytes) });
            return registry;
        }
    }

    /// <summary>A query's turns as the ticket thread the assist reads: one public customer comment per turn, no subject.</summary>
    public static HelpdeskThread Thread(Query query)
    {
        var customer = new HelpdeskUser(1, "Customer", null, AuthorRole.Customer, "en-US");
        var turns = query.Turns ?? [query.Text];
        var comments = turns.Select((t, i) => new HelpdeskComment(i + 1, customer, true, t, DateTimeOffset.UnixEpoch.AddMinutes(i))).ToList();
        return new HelpdeskThread(new HelpdeskTicket(1, "", "open", null, customer, null, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), comments);
    }

    public async ValueTask DisposeAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
        await Task.CompletedTask;
    }
}
