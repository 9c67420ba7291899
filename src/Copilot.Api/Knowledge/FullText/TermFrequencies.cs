using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;

namespace Copilot.Api.Knowledge.FullText;

/// <summary>
/// How many passages hold each term, remembered between queries. Counting a common term means
/// reading its whole posting list, which costs more than the search it serves, and the counts only
/// steer which terms a query keeps, so slightly stale ones do no harm. Local writes clear the cache;
/// writes by other instances are picked up when it expires, or at once where the store announces them.
/// </summary>
/// <param name="count">Counts the passages holding each of the terms (terms no passage holds may be left out).</param>
/// <param name="rows">Counts the passages the terms are counted among; the whole index when null.</param>
internal sealed class TermFrequencies(TimeProvider time, Func<DbConnection, List<string>, CancellationToken, Task<Dictionary<string, long>>> count,
    Func<DbConnection, CancellationToken, Task<long>>? rows = null)
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

    /// <summary>Passages the terms are counted among: the whole index (every tenant, as BM25's inverse document frequency counts them) unless told otherwise.</summary>
    public async Task<long> RowsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _since > MaxAge)
        {
            Clear();
        }
        return _rows ??= rows is null
            ? await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM knowledge_passages", cancellationToken: cancellationToken))
            : await rows(connection, cancellationToken);
    }

    /// <summary>What share of the whole index the tenant's passages of these kinds (every kind when null) are.</summary>
    public async Task<double> ShareAsync(DbConnection connection, string tenant, IReadOnlyCollection<SourceKind>? kinds, CancellationToken cancellationToken)
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

    public async Task<IReadOnlyDictionary<string, long>> GetAsync(DbConnection connection, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _since > MaxAge || _counts.Count > MaxEntries)
        {
            Clear();
        }
        var counts = _counts;
        var missing = terms.Where(t => !counts.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            var found = await count(connection, missing, cancellationToken);
            foreach (var term in missing)
            {
                counts[term] = found.GetValueOrDefault(term);
            }
        }
        return terms.ToDictionary(t => t, t => counts.GetValueOrDefault(t), StringComparer.Ordinal);
    }
}

/// <summary>BM25's constants as FTS5 uses them, for scores both stores give on the same scale.</summary>
internal static class Bm25
{
    public const double K1 = 1.2;

    /// <summary>How much a passage's length relative to the mean discounts its term frequencies.</summary>
    public const double B = 0.75;

    /// <summary>Inverse document frequency of a term <paramref name="df"/> of <paramref name="rows"/> passages hold (FTS5's, floored above 0).</summary>
    public static double Idf(double df, double rows) => Math.Max(1e-6, Math.Log((rows - df + 0.5) / (df + 0.5)));
}
