using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Copilot.Api.Knowledge;

public sealed partial class KnowledgeIndex
{
    /// <summary>
    /// Reads ranked passages of the tenant (and kinds and locale) and keeps the first of each source.
    /// FTS5 knows nothing of tenants, so every match is scored and then looked up in the small
    /// <c>knowledge_passages_scope</c> index to see whose it is. When the tenant's passages of these kinds
    /// are a large enough share of the index, the best matches overall are cut to a few hundred first and
    /// only those are looked up; if too few of them are the tenant's, every match is looked up after all.
    /// Candidates are capped (a top-N sort is far cheaper than sorting every match); if the cap was hit
    /// before enough distinct sources turned up, it reads again with a larger cap.
    /// </summary>
    /// <param name="matches">At most how many passages the query matches (over every tenant), when known.</param>
    private async Task<List<Ranked>> BestPassagesAsync(
        SqliteConnection connection, string tenant, string match, long? scan, long? matches, int limit, KnowledgeQuery query, CancellationToken cancellationToken)
    {
        var locale = SourceKinds.NormalizeLocale(query.Locale);
        var scored = scan is null
            ? "SELECT rowid AS id, bm25(knowledge_fts, $titleWeight, 1.0) AS rank FROM knowledge_fts WHERE knowledge_fts MATCH $match"
            : "SELECT rowid AS id, bm25(knowledge_fts, $titleWeight, 1.0) AS rank FROM knowledge_fts WHERE knowledge_fts MATCH $match ORDER BY rowid DESC LIMIT $scan";
        var owned = $"""
            CROSS JOIN knowledge_passages p INDEXED BY knowledge_passages_scope ON p.id = f.id
            WHERE p.tenant = $tenant
            {(query.Kinds is { Count: > 0 } ? "AND p.kind IN (" + string.Join(", ", query.Kinds.Select((_, i) => "$kind" + i)) + ")" : "")}
            {(locale is not null ? "AND (p.locale IS NULL OR p.locale = $locale OR p.locale LIKE $localePrefix ESCAPE '\\')" : "")}
            """;
        var candidates = Math.Max(limit * 8, 40);
        if (matches is { } most)
        {
            var share = await _frequencies.ShareAsync(connection, tenant, query.Kinds, cancellationToken);
            var top = share > 0 ? (long)Math.Ceiling(candidates / share) : long.MaxValue;
            if (top < most)
            {
                var sql = $"SELECT p.id, p.kind, p.source_id, f.rank FROM (SELECT id, rank FROM ({scored}) ORDER BY rank LIMIT $top) f {owned} ORDER BY f.rank";
                var (first, _) = await ReadAsync(connection, sql, [("$top", top)], tenant, match, scan, limit, query.Kinds, locale, cancellationToken);
                if (first.Count == limit)
                {
                    return first;
                }
            }
        }
        var all = $"SELECT p.id, p.kind, p.source_id, f.rank FROM ({scored}) f {owned} ORDER BY f.rank LIMIT $candidates";
        for (; ; candidates *= 4)
        {
            var (best, read) = await ReadAsync(connection, all, [("$candidates", candidates)], tenant, match, scan, limit, query.Kinds, locale, cancellationToken);
            if (best.Count == limit || read < candidates || candidates >= 100_000)
            {
                return best;
            }
        }
    }

    /// <summary>Runs one ranked read; returns the first passage of each source up to <paramref name="limit"/>, and the rows read.</summary>
    private async Task<(List<Ranked> Best, int Read)> ReadAsync(
        SqliteConnection connection, string sql, (string Name, long Value)[] bounds, string tenant, string match, long? scan, int limit,
        IReadOnlyCollection<SourceKind>? kinds, string? locale, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$titleWeight", _options.TitleWeight);
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$tenant", tenant);
        foreach (var (name, value) in bounds)
        {
            command.Parameters.AddWithValue(name, value);
        }
        if (scan is not null)
        {
            command.Parameters.AddWithValue("$scan", scan.Value);
        }
        var i = 0;
        foreach (var kind in kinds ?? [])
        {
            command.Parameters.AddWithValue("$kind" + i++, kind.ToName());
        }
        if (locale is not null)
        {
            command.Parameters.AddWithValue("$locale", locale);
            command.Parameters.AddWithValue("$localePrefix", EscapeLike(locale) + "-%");
        }

        var best = new List<Ranked>(limit);
        var seen = new HashSet<(string, string)>();
        var read = 0;
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (best.Count < limit && await reader.ReadAsync(cancellationToken))
        {
            read++;
            var row = new Ranked(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3));
            if (seen.Add((row.Kind, row.SourceId)))
            {
                best.Add(row);
            }
        }
        return (best, read);
    }

    private static string EscapeLike(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private sealed record Ranked(long Id, string Kind, string SourceId, double Rank);
}
