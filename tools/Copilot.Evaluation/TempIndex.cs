using Copilot.Api.Knowledge;
using Copilot.Api.Store;
using Copilot.Connectors.Helpdesk;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Copilot.Evaluation;

/// <summary>The product's knowledge index over the schema the migrations create, in a temporary SQLite file.</summary>
public sealed class TempIndex : IAsyncDisposable
{
    public const string Tenant = "eval";
    private readonly string _path;

    private TempIndex(string path, Db db, KnowledgeIndex index)
    {
        _path = path;
        Db = db;
        Index = index;
    }

    public Db Db { get; }
    public KnowledgeIndex Index { get; }

    /// <param name="tokenizer">null keeps the migration's tokenizer; otherwise the FTS table is rebuilt with this one.</param>
    public static async Task<TempIndex> CreateAsync(IEnumerable<Doc> docs, SourceKind kind, KnowledgeOptions options, string? tokenizer = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"copilot-eval-{Guid.NewGuid():N}.db");
        var db = new Db(path);
        await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        if (tokenizer is not null)
        {
            await using var connection = await db.OpenAsync(CancellationToken.None);
            await connection.ExecuteAsync($"""
                DROP TABLE knowledge_fts;
                CREATE VIRTUAL TABLE knowledge_fts USING fts5(title, text, content = 'knowledge_passages', content_rowid = 'id', tokenize = '{tokenizer}');
                """);
        }
        var index = new KnowledgeIndex(db, options);
        var documents = docs.Select(d => new KnowledgeDocument(kind, d.Id, d.Title, d.Text, null, "en", DateTimeOffset.UnixEpoch)).ToList();
        await index.UpsertAsync(Tenant, documents, CancellationToken.None);
        return new TempIndex(path, db, index);
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
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
        await Task.CompletedTask;
    }
}
