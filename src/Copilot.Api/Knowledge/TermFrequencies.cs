using System.Collections.Concurrent;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Copilot.Api.Knowledge;

/// <summary>
/// How many passages hold each term, remembered between queries. Counting a common term means
/// reading its whole posting list in <c>knowledge_vocab</c>, which costs more than the search it
/// serves, and the counts only steer which terms a query keeps, so slightly stale ones do no
/// harm. Local writes clear the cache; writes by other instances are picked up when it expires.
/// </summary>
internal sealed class TermFrequencies(TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private const int MaxEntries = 200_000;

    private ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private DateTimeOffset _since = time.GetUtcNow();
    private long? _rows;
    private ConcurrentDictionary<string, IReadOnlyDictionary<string, long>> _tenantPassages = new(StringComparer.Ordinal);

    public void Clear()
    {
        _counts = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        _tenantPassages = new ConcurrentDictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        _rows = null;
        _since = time.GetUtcNow();
    }

    /// <summary>Passages in the whole index (every tenant, as BM25's inverse document frequency counts them).</summary>
    public async Task<long> RowsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _since > MaxAge)
        {
            Clear();
        }
        return _rows ??= await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM knowledge_passages", cancellationToken: cancellationToken));
    }

    /// <summary>What share of the whole index the tenant's passages of these kinds (every kind when null) are.</summary>
    public async Task<double> ShareAsync(SqliteConnection connection, string tenant, IReadOnlyCollection<SourceKind>? kinds, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(connection, cancellationToken);
        var passages = _tenantPassages;
        if (!passages.TryGetValue(tenant, out var byKind))
        {
            // A source without words still has one (empty) passage.
            byKind = (await connection.QueryAsync<(string Kind, long Passages)>(new CommandDefinition(
                "SELECT kind, SUM(MAX(passages, 1)) FROM knowledge_sources WHERE tenant = @tenant GROUP BY kind", new { tenant }, cancellationToken: cancellationToken)))
                .ToDictionary(r => r.Kind, r => r.Passages, StringComparer.Ordinal);
            passages[tenant] = byKind;
        }
        var owned = kinds is { Count: > 0 } ? kinds.Distinct().Sum(k => byKind.GetValueOrDefault(k.ToName())) : byKind.Values.Sum();
        return rows == 0 ? 0 : Math.Min(1.0, (double)owned / rows);
    }

    public async Task<IReadOnlyDictionary<string, long>> GetAsync(SqliteConnection connection, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _since > MaxAge || _counts.Count > MaxEntries)
        {
            Clear();
        }
        var counts = _counts;
        var missing = terms.Where(t => !counts.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            var found = (await connection.QueryAsync<(string Term, long Doc)>(new CommandDefinition(
                "SELECT term, doc FROM knowledge_vocab WHERE term IN @missing", new { missing }, cancellationToken: cancellationToken)))
                .ToDictionary(r => r.Term, r => r.Doc, StringComparer.Ordinal);
            foreach (var term in missing)
            {
                counts[term] = found.GetValueOrDefault(term);
            }
        }
        return terms.ToDictionary(t => t, t => counts.GetValueOrDefault(t), StringComparer.Ordinal);
    }
}
