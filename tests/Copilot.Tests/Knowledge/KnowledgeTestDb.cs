using Copilot.Api.Knowledge;
using Copilot.Api.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Copilot.Tests.Knowledge;

/// <summary>A migrated SQLite file in the temp folder, deleted afterwards.</summary>
public sealed class KnowledgeTestDb : IAsyncDisposable
{
    private KnowledgeTestDb(string path)
    {
        Db = new Db(path);
    }

    public Db Db { get; }

    public static async Task<KnowledgeTestDb> CreateAsync()
    {
        var db = new KnowledgeTestDb(Path.Combine(Path.GetTempPath(), $"copilot-knowledge-{Guid.NewGuid():N}.db"));
        await new Migrator(db.Db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        return db;
    }

    /// <summary>A store as it stood before migration <paramref name="version"/> (<see cref="Infrastructure.StoreBefore"/>); the Migrator applies the rest.</summary>
    public static async Task<KnowledgeTestDb> CreateBeforeAsync(string version)
    {
        var db = new KnowledgeTestDb(Path.Combine(Path.GetTempPath(), $"copilot-knowledge-{Guid.NewGuid():N}.db"));
        await using var connection = await db.Db.OpenAsync(CancellationToken.None);
        await Infrastructure.StoreBefore.ApplyAsync(connection, version);
        return db;
    }

    public KnowledgeIndex Index(KnowledgeOptions? options = null) => new(Db, options ?? new KnowledgeOptions());

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Db.FilePath + suffix);
        }
        return ValueTask.CompletedTask;
    }

    public static KnowledgeDocument Article(string id, string title, string text, string? locale = "en-us") =>
        new(SourceKind.Article, id, title, text, $"https://help.example.com/articles/{id}", locale, DateTimeOffset.UnixEpoch);
}
