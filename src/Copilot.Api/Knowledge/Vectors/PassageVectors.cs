using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Copilot.Api.Knowledge;
using Copilot.Api.Languages;
using Copilot.Api.ModelTasks;
using Copilot.Api.Store;
using Copilot.Api.Tenants;
using Dapper;
using Microsoft.Extensions.AI;

namespace Copilot.Api.Knowledge.Vectors;

/// <summary>
/// Passage embeddings: computes the missing ones (new or changed passages) in batches, stores them
/// beside the index, and keeps each tenant's vectors in memory for search, reloaded after changes.
/// </summary>
public sealed partial class PassageVectors(Db db, TenantModels models, ILanguageDetector languages, ILogger<PassageVectors> logger)
{
    public const int BatchSize = 64;
    private readonly ConcurrentDictionary<string, (string Model, VectorIndex Index, TitleVectors Titles)> _loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// Bumped by every change that makes a loaded copy out of date. A load keeps what it read only when no change came
    /// while it was reading: otherwise a copy read before the change would be kept after it, until the next one.
    /// </summary>
    private long _changes;

    /// <summary>Also forgets a tenant's vectors when another instance changed its passages or vectors (PostgreSQL).</summary>
    public PassageVectors(Db db, TenantModels models, ILanguageDetector languages, ILogger<PassageVectors> logger, StoreChanges changes)
        : this(db, models, languages, logger) =>
        changes.Subscribe(StoreChanges.Knowledge, tenant =>
        {
            if (tenant is null)
            {
                Interlocked.Increment(ref _changes);
                _loaded.Clear();
            }
            else
            {
                Forget(tenant);
            }
        });

    /// <summary>Embeds up to <paramref name="max"/> passages that have no vector for the tenant's model yet; returns how many.</summary>
    public async Task<int> EmbedMissingAsync(Tenant tenant, int max, CancellationToken cancellationToken)
    {
        if (models.Embedder(tenant) is not { } embedder)
        {
            return 0;
        }
        var model = embedder.Model;
        var done = 0;
        var work = 0;
        while (work < max)
        {
            List<(long Id, string Title, string Text, string? Locale)> batch, titles;
            await using (var connection = await db.OpenAsync(cancellationToken))
            {
                var args = new { tenant = tenant.Id, model, limit = Math.Min(BatchSize, max - work), context = embedder.ContextPassages };
                batch = (await connection.QueryAsync<(long, string, string, string?)>(new CommandDefinition(
                    $"""
                    SELECT p.id, p.title,
                           p.text || coalesce(' ' || (SELECT {db.Dialect.JoinTexts("text", "' '")} FROM (
                               SELECT n.text FROM knowledge_passages n
                               WHERE n.tenant = p.tenant AND n.kind = p.kind AND n.source_id = p.source_id AND n.ordinal > p.ordinal
                               ORDER BY n.ordinal LIMIT @context) AS following), ''),
                           p.locale
                    FROM knowledge_passages p
                    LEFT JOIN passage_vectors v ON v.passage_id = p.id AND v.model = @model
                    WHERE p.tenant = @tenant AND v.passage_id IS NULL
                    ORDER BY p.id LIMIT @limit
                    """,
                    args, cancellationToken: cancellationToken))).ToList();
                // Each source's title once, with its first passage (stores from before title vectors get theirs here too).
                titles = (await connection.QueryAsync<(long, string, string, string?)>(new CommandDefinition(
                    """
                    SELECT p.id, p.title, p.text, p.locale
                    FROM knowledge_passages p
                    LEFT JOIN title_vectors t ON t.passage_id = p.id AND t.model = @model
                    WHERE p.tenant = @tenant AND p.ordinal = 0 AND t.passage_id IS NULL
                    ORDER BY p.id LIMIT @limit
                    """,
                    args, cancellationToken: cancellationToken))).ToList();
            }
            if (batch.Count == 0 && titles.Count == 0)
            {
                break;
            }
            // A model that reads one language gets only passages in it; the others are marked as read
            // (an empty vector) so that they are not asked for again, and keep keyword search.
            bool Readable((long, string Title, string Text, string? Locale) b) => embedder.Accepts(b.Locale ?? languages.Detect(b.Title + "\n" + b.Text).Code);
            var readable = batch.Select(Readable).ToArray();
            var readableTitles = titles.Select(Readable).ToArray();
            // Passages and titles in one call.
            var texts = batch.Where((_, i) => readable[i]).Select(b => b.Title + "\n" + b.Text)
                .Concat(titles.Where((_, i) => readableTitles[i]).Select(t => t.Title)).ToList();
            var embeddings = texts.Count == 0 ? [] : await embedder.Generator.GenerateAsync(texts, cancellationToken: cancellationToken);
            await using (var connection = await db.OpenAsync(cancellationToken))
            {
                await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                var e = 0;
                foreach (var (table, rows, read) in new[] { ("passage_vectors", batch, readable), ("title_vectors", titles, readableTitles) })
                {
                    for (var i = 0; i < rows.Count; i++)
                    {
                        var vector = read[i] ? embeddings[e++].Vector : ReadOnlyMemory<float>.Empty;
                        await connection.ExecuteAsync(new CommandDefinition(
                            $"""
                            INSERT INTO {table} (passage_id, tenant, model, dimensions, vector) VALUES (@id, @tenant, @model, @dims, @blob)
                            ON CONFLICT (passage_id) DO UPDATE SET tenant = excluded.tenant, model = excluded.model, dimensions = excluded.dimensions, vector = excluded.vector
                            """,
                            new { id = rows[i].Id, tenant = tenant.Id, model, dims = vector.Length, blob = MemoryMarshal.AsBytes(vector.Span).ToArray() },
                            tx, cancellationToken: cancellationToken));
                    }
                }
                await StoreChanges.AnnounceAsync(db, connection, tx, StoreChanges.Knowledge, tenant.Id, cancellationToken);
                await tx.CommitAsync(cancellationToken);
            }
            done += batch.Count;
            work += batch.Count + titles.Count;
        }
        if (work > 0)
        {
            Forget(tenant.Id);
            Log.Embedded(logger, tenant.Id, done);
        }
        return done;
    }

    /// <summary>Drops what is loaded of the tenant's vectors (another instance embedded passages): the next search loads them again.</summary>
    public void Forget(string tenant)
    {
        Interlocked.Increment(ref _changes);
        _loaded.TryRemove(tenant, out _);
    }

    /// <summary>The tenant's passage vectors for its current embedding model, loaded once per change.</summary>
    public async Task<VectorIndex?> IndexAsync(Tenant tenant, CancellationToken cancellationToken) =>
        (await LoadAsync(tenant, cancellationToken))?.Index;

    /// <summary>The tenant's title vectors (one per source), loaded with its passage vectors.</summary>
    public async Task<TitleVectors?> TitlesAsync(Tenant tenant, CancellationToken cancellationToken) =>
        (await LoadAsync(tenant, cancellationToken))?.Titles;

    private async Task<(VectorIndex Index, TitleVectors Titles)?> LoadAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        if (models.Embedder(tenant)?.Model is not { } model)
        {
            return null;
        }
        if (_loaded.TryGetValue(tenant.Id, out var loaded) && loaded.Model == model)
        {
            return (loaded.Index, loaded.Titles);
        }
        var changes = Interlocked.Read(ref _changes);
        await using var connection = await db.OpenAsync(cancellationToken);
        var args = new { tenant = tenant.Id, model };
        var (count, dimensions) = await connection.QuerySingleAsync<(long, long?)>(new CommandDefinition(
            "SELECT count(*), max(dimensions) FROM passage_vectors WHERE tenant = @tenant AND model = @model AND dimensions > 0", args, cancellationToken: cancellationToken));
        if (count == 0 || dimensions is not { } width)
        {
            return null;
        }
        // Row by row, straight into the index: a large tenant's blobs are never all in memory at once.
        var index = new VectorIndex((int)width, (int)count);
        var rows = connection.QueryUnbufferedAsync<(long Id, string Kind, string? Locale, long Dimensions, byte[] Vector)>(
            """
            SELECT v.passage_id, p.kind, p.locale, v.dimensions, v.vector FROM passage_vectors v
            JOIN knowledge_passages p ON p.id = v.passage_id
            WHERE v.tenant = @tenant AND v.model = @model AND v.dimensions > 0
            """,
            args);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (row.Dimensions == index.Dimensions)
            {
                index.Add(row.Id, KindCode(SourceKinds.Parse(row.Kind)), row.Locale, MemoryMarshal.Cast<byte, float>(row.Vector));
            }
        }
        var titles = new TitleVectors();
        var titleRows = connection.QueryUnbufferedAsync<(string Kind, string SourceId, long Dimensions, byte[] Vector)>(
            """
            SELECT p.kind, p.source_id, t.dimensions, t.vector FROM title_vectors t
            JOIN knowledge_passages p ON p.id = t.passage_id
            WHERE t.tenant = @tenant AND t.model = @model AND t.dimensions > 0
            """,
            args);
        await foreach (var row in titleRows.WithCancellation(cancellationToken))
        {
            if (row.Dimensions == index.Dimensions)
            {
                titles.Add(SourceKinds.Parse(row.Kind), row.SourceId, MemoryMarshal.Cast<byte, float>(row.Vector));
            }
        }
        if (Interlocked.Read(ref _changes) == changes)
        {
            var read = (model, index, titles);
            _loaded[tenant.Id] = read;
            if (Interlocked.Read(ref _changes) != changes)
            {
                // A change came between the check and the store: take back this copy (and only this one).
                _loaded.TryRemove(new KeyValuePair<string, (string, VectorIndex, TitleVectors)>(tenant.Id, read));
            }
        }
        return (index, titles);
    }

    /// <summary>Passages of the tenant and how many of them its embedding model has read (or skipped as another language).</summary>
    public async Task<(long Passages, long Embedded)> ProgressAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var model = models.Embedder(tenant)?.Model ?? "";
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            """
            SELECT (SELECT count(*) FROM knowledge_passages WHERE tenant = @tenant),
                   (SELECT count(*) FROM passage_vectors WHERE tenant = @tenant AND model = @model)
            """,
            new { tenant = tenant.Id, model }, cancellationToken: cancellationToken));
    }

    public static byte KindCode(SourceKind kind) => (byte)kind;

    private static partial class Log
    {
        [LoggerMessage(EventId = 4210, Level = LogLevel.Information, Message = "Embedded {Count} passages for tenant {Tenant}")]
        public static partial void Embedded(ILogger logger, string tenant, int count);
    }
}
