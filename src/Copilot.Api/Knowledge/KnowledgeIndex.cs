using System.Data.Common;
using Copilot.Api.Store;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Knowledge;

/// <summary>
/// Full-text search over a tenant's knowledge with SQLite FTS5: BM25 with the title weighted
/// above the passage text, the best passage of each source, best first.
/// Writes are in <see cref="KnowledgeIndex"/>'s other half (KnowledgeIndex.Write.cs).
/// </summary>
public sealed partial class KnowledgeIndex : IKnowledgeSearch
{
    private const int MaxLimit = 50;

    /// <summary>Distinct words of a query whose index frequency is looked up; a long thread has a few hundred.</summary>
    private const int MaxCandidateTerms = 256;

    /// <summary>Page cache of a search connection (pooled, so it stays warm): the passage rows a search joins stay in memory.</summary>
    private const int CacheKib = 32 * 1024;
    private readonly Db _db;
    private readonly KnowledgeOptions _options;
    private readonly TermFrequencies _frequencies = new(TimeProvider.System);

    public KnowledgeIndex(Db db, IOptions<KnowledgeOptions> options) : this(db, options.Value)
    {
    }

    public KnowledgeIndex(Db db, KnowledgeOptions options)
    {
        _db = db;
        _options = options;
    }

    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string tenant, KnowledgeQuery query, CancellationToken cancellationToken) =>
        (await SearchExplainedAsync(tenant, query, cancellationToken)).Hits;

    /// <summary>The hits, and the terms the query was cut down to (for admin diagnostics).</summary>
    public async Task<(IReadOnlyList<KnowledgeHit> Hits, IReadOnlyList<string> Terms)> SearchExplainedAsync(string tenant, KnowledgeQuery query, CancellationToken cancellationToken)
    {
        var counted = FtsQuery.TermCounts(query.Text, MaxCandidateTerms, _options.DropStopWords);
        var candidates = counted.Select(c => c.Term).ToList();
        var limit = Math.Clamp(query.Limit, 1, MaxLimit);
        if (candidates.Count == 0)
        {
            return ([], []);
        }
        await using var connection = await _db.OpenAsync(cancellationToken);
        IReadOnlyDictionary<string, long> frequency;
        IReadOnlyList<string> terms;
        if (_options.SelectTermsByRarity)
        {
            var variants = candidates.ToDictionary(c => c, c => _options.ExpandInflections ? Inflections.Of(c).Distinct().ToList() : [], StringComparer.Ordinal);
            var known = await _frequencies.GetAsync(connection, candidates.Concat(variants.Values.SelectMany(v => v)).Distinct().ToList(), cancellationToken);
            // A word and the inflections the index holds count as one term, as rare as all its forms together.
            var grouped = candidates.ToDictionary(c => c, c => known[c] + variants[c].Sum(v => known[v]), StringComparer.Ordinal);
            var chosen = FtsQuery.SelectByWeight(counted, grouped, await _frequencies.RowsAsync(connection, cancellationToken), _options.MaxQueryTerms, _options.MaxQueryPostings);
            terms = chosen
                .SelectMany(c => variants[c].Where(v => known[v] > 0).Prepend(c).Where(t => t != c || known[c] > 0 || !System.Text.Ascii.IsValid(c)))
                .Distinct()
                .ToList();
            frequency = terms.ToDictionary(t => t, t => known.GetValueOrDefault(t), StringComparer.Ordinal);
        }
        else
        {
            frequency = new Dictionary<string, long>();
            terms = candidates.Take(_options.MaxQueryTerms).ToList();
        }
        if (FtsQuery.Build(terms) is not { } match)
        {
            return ([], terms);
        }
        // Only a query whose rarest term alone is over budget gets here with more postings than
        // the budget: it says little about what it wants, so it is ranked among the newest matches.
        var postings = terms.Sum(t => frequency.GetValueOrDefault(t));
        var scan = postings > _options.MaxQueryPostings ? _options.MaxQueryPostings : (long?)null;
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA cache_size = -{CacheKib}";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        var best = await BestPassagesAsync(connection, tenant, match, scan, limit, query, cancellationToken);
        if (best.Count == 0)
        {
            return ([], terms);
        }
        var unit = await RareTermScoreAsync(connection, cancellationToken);
        var details = (await connection.QueryAsync<PassageRow>(new CommandDefinition(
            """
            SELECT p.id AS Id, p.text AS Text, s.title AS Title, s.url AS Url, s.locale AS Locale
            FROM knowledge_passages p
            JOIN knowledge_sources s ON s.tenant = p.tenant AND s.kind = p.kind AND s.source_id = p.source_id
            WHERE p.id IN @ids
            """,
            new { ids = best.Select(b => b.Id).ToArray() }, cancellationToken: cancellationToken))).ToDictionary(r => r.Id);
        return (best
            .Where(b => details.ContainsKey(b.Id))
            .Select(b =>
            {
                var d = details[b.Id];
                return new KnowledgeHit(SourceKinds.Parse(b.Kind), b.SourceId, d.Title, d.Url, d.Text, -b.Rank, d.Locale)
                {
                    KeywordRelevance = Math.Round(-b.Rank / unit, 4),
                };
            })
            .ToList(), terms);
    }

    /// <summary>
    /// Reads ranked passages and keeps the first of each source. Candidates are capped (a top-N
    /// sort is far cheaper than sorting every match); if the cap was hit before enough distinct
    /// sources turned up, it reads again with a larger cap.
    /// </summary>
    private async Task<List<Ranked>> BestPassagesAsync(SqliteConnection connection, string tenant, string match, long? scan, int limit, KnowledgeQuery query, CancellationToken cancellationToken)
    {
        var locale = SourceKinds.NormalizeLocale(query.Locale);
        var matches = scan is null
            ? "SELECT rowid AS id, bm25(knowledge_fts, $titleWeight, 1.0) AS rank FROM knowledge_fts WHERE knowledge_fts MATCH $match"
            : "SELECT rowid AS id, bm25(knowledge_fts, $titleWeight, 1.0) AS rank FROM knowledge_fts WHERE knowledge_fts MATCH $match ORDER BY rowid DESC LIMIT $scan";
        var sql = $"""
            SELECT p.id, p.kind, p.source_id, f.rank
            FROM ({matches}) f
            JOIN knowledge_passages p ON p.id = f.id
            WHERE p.tenant = $tenant
            {(query.Kinds is { Count: > 0 } ? "AND p.kind IN (" + string.Join(", ", query.Kinds.Select((_, i) => "$kind" + i)) + ")" : "")}
            {(locale is not null ? "AND (p.locale IS NULL OR p.locale = $locale OR p.locale LIKE $localePrefix ESCAPE '\\')" : "")}
            ORDER BY f.rank
            LIMIT $candidates
            """;
        for (var candidates = Math.Max(limit * 8, 40); ; candidates *= 4)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$titleWeight", _options.TitleWeight);
            command.Parameters.AddWithValue("$match", match);
            command.Parameters.AddWithValue("$tenant", tenant);
            command.Parameters.AddWithValue("$candidates", candidates);
            if (scan is not null)
            {
                command.Parameters.AddWithValue("$scan", scan.Value);
            }
            var i = 0;
            foreach (var kind in query.Kinds ?? [])
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
            await using (DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (best.Count < limit && await reader.ReadAsync(cancellationToken))
                {
                    read++;
                    var row = new Ranked(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3));
                    if (seen.Add((row.Kind, row.SourceId)))
                    {
                        best.Add(row);
                    }
                }
            }
            if (best.Count == limit || read < candidates || candidates >= 100_000)
            {
                return best;
            }
        }
    }

    /// <summary>
    /// What one query term can score at most: FTS5 scores a term idf·tf·(k1+1)/(tf+k1·norm), below
    /// idf·(k1+1) however often it occurs, and the idf is highest for a term one passage holds.
    /// Scores in this unit read alike on a small index and a large one.
    /// </summary>
    private async Task<double> RareTermScoreAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        const double K1 = 1.2; // FTS5's bm25 constant
        var rows = await _frequencies.RowsAsync(connection, cancellationToken);
        return (K1 + 1) * Math.Max(1e-6, Math.Log((rows - 1 + 0.5) / 1.5));
    }

    private static string EscapeLike(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private sealed record Ranked(long Id, string Kind, string SourceId, double Rank);

    private sealed record PassageRow(long Id, string Text, string Title, string? Url, string? Locale);
}
