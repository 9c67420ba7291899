using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Copilot.Api.Store;
using Dapper;

namespace Copilot.Api.Knowledge;

public sealed partial class KnowledgeIndex
{
    /// <summary>
    /// Indexes the sources in one transaction: each changed source's passages are replaced
    /// whole, a source whose content hash is unchanged is skipped. All or nothing.
    /// </summary>
    public async Task<UpsertResult> UpsertAsync(string tenant, IReadOnlyList<KnowledgeDocument> documents, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using var writer = new Writer(connection, tx);
        int indexed = 0, unchanged = 0;
        var curated = false;
        foreach (var given in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The hash is of the document as given: an unchanged source is skipped before its language is looked for.
            var hash = Hash(given);
            var kind = given.Kind.ToName();
            var stored = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT content_hash FROM knowledge_sources WHERE tenant = @tenant AND kind = @kind AND source_id = @id",
                new { tenant, kind, id = given.SourceId }, tx, cancellationToken: cancellationToken));
            if (stored == hash)
            {
                unchanged++;
                continue;
            }
            var document = InItsLanguage(given);
            var passages = PassageSplitter.Split(document.Text, _options.PassageMinWords, _options.PassageMaxWords);
            await DeletePassagesAsync(connection, tx, tenant, kind, document.SourceId, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO knowledge_sources (tenant, kind, source_id, title, url, locale, updated_at, content_hash, passages)
                VALUES (@tenant, @kind, @id, @title, @url, @locale, @updatedAt, @hash, @passages)
                ON CONFLICT (tenant, kind, source_id) DO UPDATE SET title = excluded.title, url = excluded.url,
                    locale = excluded.locale, updated_at = excluded.updated_at, content_hash = excluded.content_hash, passages = excluded.passages
                """,
                new
                {
                    tenant, kind, id = document.SourceId, title = document.Title, url = document.Url,
                    locale = SourceKinds.NormalizeLocale(document.Locale), updatedAt = document.UpdatedAt.ToString("O"),
                    hash, passages = passages.Count,
                }, tx, cancellationToken: cancellationToken));
            // A source with no words still gets one passage, so its title stays findable.
            var texts = passages.Count == 0 ? [""] : passages;
            for (var ordinal = 0; ordinal < texts.Count; ordinal++)
            {
                await writer.InsertPassageAsync(tenant, kind, document.SourceId, ordinal, SourceKinds.NormalizeLocale(document.Locale), document.Title, texts[ordinal], cancellationToken);
            }
            indexed++;
            curated |= IsCurated(document.Kind);
        }
        if (indexed > 0)
        {
            await StoreChanges.AnnounceAsync(_db, connection, tx, StoreChanges.Knowledge, tenant, cancellationToken);
        }
        if (curated)
        {
            await StoreChanges.AnnounceAsync(_db, connection, tx, StoreChanges.Curated, tenant, cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        if (indexed > 0)
        {
            IndexChanged();
            PassagesChanged?.Invoke(tenant);
        }
        if (curated)
        {
            _changes?.Committed(StoreChanges.Curated, tenant);
        }
        return new UpsertResult(indexed, unchanged);
    }

    /// <summary>How sure the language of a source without a locale must be before the source is filed under it.</summary>
    public const double MinSourceLanguageConfidence = 0.8;

    /// <summary>
    /// A source the helpdesk gives no locale (macros, past replies, imported documents without one) filed under the
    /// language its text is clearly in; a text that says too little stays without one and is offered in every language.
    /// Unfiled, an English macro that shared a word with a French ticket ("double") was offered as if it were French.
    /// </summary>
    private KnowledgeDocument InItsLanguage(KnowledgeDocument document)
    {
        if (document.Locale is not null)
        {
            return document;
        }
        var found = _languages.Detect(document.Title + "\n" + document.Text);
        return found.Confidence >= MinSourceLanguageConfidence ? document with { Locale = found.Code } : document;
    }

    /// <summary>Removes the named sources of a kind; returns how many existed.</summary>
    public async Task<int> RemoveAsync(string tenant, SourceKind kind, IEnumerable<string> sourceIds, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var removed = 0;
        foreach (var id in sourceIds)
        {
            removed += await DeleteSourceAsync(connection, tx, tenant, kind.ToName(), id, cancellationToken);
        }
        await StoreChanges.AnnounceAsync(_db, connection, tx, StoreChanges.Knowledge, tenant, cancellationToken);
        var curated = removed > 0 && IsCurated(kind);
        if (curated)
        {
            await StoreChanges.AnnounceAsync(_db, connection, tx, StoreChanges.Curated, tenant, cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        IndexChanged();
        PassagesChanged?.Invoke(tenant);
        if (curated)
        {
            _changes?.Committed(StoreChanges.Curated, tenant);
        }
        return removed;
    }

    /// <summary>Knowledge a team curates (everything but past replies, which each sync adds to): a change of it is news to a cached assist.</summary>
    private static bool IsCurated(SourceKind kind) => kind != SourceKind.PastReply;

    /// <summary>Removes every source of a kind that is not in <paramref name="keep"/> (gone from the helpdesk).</summary>
    public async Task<int> RemoveAllExceptAsync(string tenant, SourceKind kind, IReadOnlySet<string> keep, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var ids = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT source_id FROM knowledge_sources WHERE tenant = @tenant AND kind = @kind",
            new { tenant, kind = kind.ToName() }, cancellationToken: cancellationToken))).Where(id => !keep.Contains(id)).ToList();
        return ids.Count == 0 ? 0 : await RemoveAsync(tenant, kind, ids, cancellationToken);
    }

    /// <summary>Sources indexed per kind, and passages in all.</summary>
    public async Task<(IReadOnlyDictionary<SourceKind, int> Sources, int Passages)> CountAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Kind, long Sources, long Passages)>(new CommandDefinition(
            "SELECT kind, COUNT(*), COALESCE(SUM(passages), 0) FROM knowledge_sources WHERE tenant = @tenant GROUP BY kind",
            new { tenant }, cancellationToken: cancellationToken));
        var sources = SourceKinds.Indexed.ToDictionary(k => k, _ => 0);
        var passages = 0;
        foreach (var row in rows)
        {
            sources[SourceKinds.Parse(row.Kind)] = (int)row.Sources;
            passages += (int)row.Passages;
        }
        return (sources, passages);
    }

    private static async Task<int> DeleteSourceAsync(DbConnection connection, DbTransaction tx, string tenant, string kind, string id, CancellationToken cancellationToken)
    {
        await DeletePassagesAsync(connection, tx, tenant, kind, id, cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM knowledge_sources WHERE tenant = @tenant AND kind = @kind AND source_id = @id",
            new { tenant, kind, id }, tx, cancellationToken: cancellationToken));
    }

    private static Task<int> DeletePassagesAsync(DbConnection connection, DbTransaction tx, string tenant, string kind, string id, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM knowledge_passages WHERE tenant = @tenant AND kind = @kind AND source_id = @id",
            new { tenant, kind, id }, tx, cancellationToken: cancellationToken));

    /// <summary>
    /// Hashed with a source the helpdesk gives no locale: such sources were stored again once when they came to be filed
    /// under their language (<see cref="InItsLanguage"/>); sources with a locale keep the hash they had.
    /// </summary>
    private const string FiledByLanguage = "\u001ffiled-by-language";

    private static string Hash(KnowledgeDocument d) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\u001f', d.Title, d.Url, SourceKinds.NormalizeLocale(d.Locale), d.Text) + (d.Locale is null ? FiledByLanguage : ""))));

    /// <summary>One prepared insert reused for every passage of a transaction: bulk imports spend their time in the full-text index, not in SQL parsing.</summary>
    private sealed class Writer(DbConnection connection, DbTransaction tx) : IAsyncDisposable
    {
        private DbCommand? _insert;

        public async Task InsertPassageAsync(string tenant, string kind, string sourceId, int ordinal, string? locale, string title, string text, CancellationToken cancellationToken)
        {
            if (_insert is null)
            {
                _insert = connection.CreateCommand();
                _insert.Transaction = tx;
                _insert.CommandText = "INSERT INTO knowledge_passages (tenant, kind, source_id, ordinal, locale, title, text) VALUES (@t, @k, @s, @o, @l, @ti, @tx)";
            }
            _insert.Set("@t", tenant);
            _insert.Set("@k", kind);
            _insert.Set("@s", sourceId);
            _insert.Set("@o", ordinal);
            _insert.Set("@l", locale);
            _insert.Set("@ti", title);
            _insert.Set("@tx", text);
            await _insert.ExecuteNonQueryAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => _insert?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
