using Dapper;

namespace Copilot.Api.Knowledge;

public sealed partial class KnowledgeIndex
{
    /// <summary>
    /// A source's whole text put back together from its passages (the sentence each passage repeats from the one
    /// before is kept once); null when the source is not indexed. A draft answers from the whole source, so a list
    /// is never cut where a passage happened to end.
    /// </summary>
    public async Task<string?> GetTextAsync(string tenant, SourceKind kind, string sourceId, CancellationToken cancellationToken) =>
        (await GetTextsAsync(tenant, [(kind, sourceId)], cancellationToken)).GetValueOrDefault((kind, sourceId));

    /// <summary>The whole texts of several sources, read in one query; sources not indexed are left out.</summary>
    public async Task<IReadOnlyDictionary<(SourceKind Kind, string SourceId), string>> GetTextsAsync(
        string tenant, IReadOnlyCollection<(SourceKind Kind, string SourceId)> sources, CancellationToken cancellationToken)
    {
        if (sources.Count == 0)
        {
            return new Dictionary<(SourceKind, string), string>();
        }
        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Kind, string SourceId, string Text)>(new CommandDefinition(
            $"SELECT kind, source_id, text FROM knowledge_passages WHERE tenant = @tenant AND {_db.Dialect.In("kind", "@kinds")} AND {_db.Dialect.In("source_id", "@ids")} ORDER BY kind, source_id, ordinal",
            new { tenant, kinds = sources.Select(s => s.Kind.ToName()).Distinct().ToArray(), ids = sources.Select(s => s.SourceId).Distinct().ToArray() },
            cancellationToken: cancellationToken));
        var wanted = sources.ToHashSet();
        return rows
            .GroupBy(r => (Kind: SourceKinds.Parse(r.Kind), r.SourceId))
            .Where(g => wanted.Contains(g.Key))
            .ToDictionary(g => g.Key, g => Join(g.Select(r => r.Text).ToList()));
    }

    /// <summary>The tenant's passages by id, with their source's title, link and locale; ids not the tenant's are left out.</summary>
    public async Task<IReadOnlyDictionary<long, KnowledgeHit>> PassagesAsync(string tenant, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<long, KnowledgeHit>();
        }
        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string Kind, string SourceId, string Title, string? Url, string Text, string? Locale)>(new CommandDefinition(
            $"""
            SELECT p.id, p.kind, p.source_id, s.title, s.url, p.text, s.locale
            FROM knowledge_passages p
            JOIN knowledge_sources s ON s.tenant = p.tenant AND s.kind = p.kind AND s.source_id = p.source_id
            WHERE {(_db.Dialect.IsPostgres ? "p.id = ANY(@ids) AND p.tenant = @tenant" : "p.id IN @ids AND +p.tenant = @tenant -- \"+\": look rows up by id; the tenant index would scan them all")}
            """,
            new { tenant, ids = ids.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => new KnowledgeHit(SourceKinds.Parse(r.Kind), r.SourceId, r.Title, r.Url, r.Text, 0, r.Locale));
    }

    /// <summary>Which of the tenant's sources each passage belongs to, read from the small scope index (no passage text).</summary>
    public async Task<IReadOnlyDictionary<long, (SourceKind Kind, string SourceId)>> SourcesOfAsync(string tenant, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<long, (SourceKind, string)>();
        }
        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string Kind, string SourceId)>(new CommandDefinition(
            _db.Dialect.IsPostgres
                ? "SELECT id, kind, source_id FROM knowledge_passages WHERE id = ANY(@ids) AND tenant = @tenant"
                : "SELECT id, kind, source_id FROM knowledge_passages INDEXED BY knowledge_passages_scope WHERE id IN @ids AND tenant = @tenant",
            new { tenant, ids = ids.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => (SourceKinds.Parse(r.Kind), r.SourceId));
    }

    private static string Join(IReadOnlyList<string> passages)
    {
        var text = new System.Text.StringBuilder(passages[0]);
        for (var i = 1; i < passages.Count; i++)
        {
            var previous = passages[i - 1];
            var cut = Math.Max(previous.LastIndexOf('\n'), previous.LastIndexOfAny(['.', '!', '?'], Math.Max(0, previous.Length - 2)) + 1);
            var last = previous[Math.Max(0, cut)..].Trim();
            var next = last.Length > 0 && passages[i].StartsWith(last, StringComparison.Ordinal) ? passages[i][last.Length..].TrimStart() : passages[i];
            text.Append('\n').Append(next);
        }
        return text.ToString();
    }
}
