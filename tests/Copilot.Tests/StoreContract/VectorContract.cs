using Copilot.Api.Knowledge;
using Copilot.Api.Knowledge.Vectors;
using Copilot.Api.Languages;
using Copilot.Api.ModelTasks;
using Copilot.Api.Store;
using Copilot.Api.Store.Postgres;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;
using Copilot.Tests.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Copilot.Tests.StoreContract;

/// <summary>
/// Passage vectors are kept in the store (rows of bytes) and scanned in each instance's memory: embedded once,
/// loaded whole, on both stores. On PostgreSQL an instance that loaded them forgets them when another instance
/// changes the tenant's passages, as the change is announced.
/// </summary>
public abstract class VectorContract(Stores stores)
{
    protected static readonly TenantModels Models = new(new ModelClientFactory(), Options.Create(new KnowledgeOptions()));
    protected static readonly Tenant Acme = CreateTenant();

    protected static PassageVectors Vectors(Db db, StoreChanges changes) =>
        new(db, Models, new LanguageDetector(), NullLogger<PassageVectors>.Instance, changes);

    protected static KnowledgeDocument[] Articles(int count) => Enumerable.Range(0, count)
        .Select(i => KnowledgeTestDb.Article($"a{i}", $"Article {i} about lamps", $"Lamp {i} glows warm white. Dim it in the app, or reset it by switching it off and on {i} times."))
        .ToArray();

    [Fact]
    public async Task EveryPassageIsEmbeddedOnceAndLoadedForSearch()
    {
        var db = await stores.NewAsync();
        var index = new KnowledgeIndex(db, new KnowledgeOptions());
        await index.UpsertAsync(Acme.Id, Articles(6), CancellationToken.None);
        var vectors = Vectors(db, new StoreChanges());

        var embedded = await vectors.EmbedMissingAsync(Acme, int.MaxValue, CancellationToken.None);
        var again = await vectors.EmbedMissingAsync(Acme, int.MaxValue, CancellationToken.None);

        Assert.Equal(6, embedded);
        Assert.Equal(0, again);
        Assert.Equal((6L, 6L), await vectors.ProgressAsync(Acme, CancellationToken.None));
        var loaded = (await vectors.IndexAsync(Acme, CancellationToken.None))!;
        Assert.Equal(6, loaded.Count);
        Assert.Equal(6, (await vectors.TitlesAsync(Acme, CancellationToken.None))!.Count);
    }

    private static Tenant CreateTenant()
    {
        var registry = new TenantRegistry(Options.Create(new CopilotOptions()));
        registry.Add("acme", new TenantOptions { BaseUrl = "http://127.0.0.1", OAuthToken = "unused", SharedSecret = new string('x', TenantRegistry.MinSecretBytes) });
        return registry.Find("acme")!;
    }
}

public sealed class SqliteVectorTests(SqliteStores stores) : VectorContract(stores), IClassFixture<SqliteStores>;

public sealed class PostgresVectorTests(PostgresStores stores) : VectorContract(stores), IClassFixture<PostgresStores>
{
    [Fact]
    public async Task AnInstanceForgetsLoadedVectorsWhenAnotherChangesTheTenantsKnowledge()
    {
        var db = await stores.NewAsync();
        var index = new KnowledgeIndex(db, new KnowledgeOptions());
        await index.UpsertAsync(Acme.Id, Articles(4), CancellationToken.None);
        await Vectors(db, new StoreChanges()).EmbedMissingAsync(Acme, int.MaxValue, CancellationToken.None);
        // Instance B: its own connections, its own memory, listening for announced changes.
        await using var other = Db.Postgres(stores.LastConnectionString);
        var changes = new StoreChanges();
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changes.Subscribe(StoreChanges.Knowledge, tenant => (tenant is null ? listening : heard).TrySetResult());
        using var listener = new PostgresListener(other, changes, NullLogger<PostgresListener>.Instance, TimeProvider.System);
        await listener.StartAsync(CancellationToken.None);
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var b = Vectors(other, changes);
        Assert.Equal(4, (await b.IndexAsync(Acme, CancellationToken.None))!.Count);

        // Instance A removes a source: its passages and their vectors go, and it says so.
        await index.RemoveAsync(Acme.Id, SourceKind.Article, ["a0"], CancellationToken.None);
        await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, (await b.IndexAsync(Acme, CancellationToken.None))!.Count);
        await listener.StopAsync(CancellationToken.None);
    }
}
