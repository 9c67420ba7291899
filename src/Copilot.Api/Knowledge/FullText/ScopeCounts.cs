using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;

namespace Copilot.Api.Knowledge.FullText;

/// <summary>
/// How many passages of a query's scope there are and how many hold each term. The scope is what a reader of the
/// query's language has in front of them: the tenant's passages in that language, with those of any language (every
/// passage of the tenant when the query has no language). Rarity judged over the whole index makes every word of a
/// language few passages are written in look rare, so one everyday word shared by chance ("compte" in a mostly English
/// index) scored like a topic. Counts are kept per tenant and language between queries, as the index's are
/// (<see cref="TermFrequencies"/>): cleared by local writes, expired after a while.
/// </summary>
/// <param name="count">Counts the scope's passages holding each of the terms (tenant, query locale, terms).</param>
internal sealed class ScopeCounts(Func<DbConnection, string, string?, List<string>, CancellationToken, Task<Dictionary<string, long>>> count)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private ConcurrentDictionary<(string Tenant, string Locale), TermFrequencies> _terms = new();
    private ConcurrentDictionary<string, IReadOnlyList<(string? Locale, long Passages)>> _passages = new(StringComparer.Ordinal);
    private DateTimeOffset _since = TimeProvider.System.GetUtcNow();

    public void Clear()
    {
        _terms = new ConcurrentDictionary<(string, string), TermFrequencies>();
        _passages = new ConcurrentDictionary<string, IReadOnlyList<(string?, long)>>(StringComparer.Ordinal);
        _since = TimeProvider.System.GetUtcNow();
    }

    /// <summary>Passages in the scope: the tenant's sources counted by locale (a source without words still has one, empty, passage).</summary>
    public async Task<long> PassagesAsync(DbConnection connection, string tenant, string? locale, CancellationToken cancellationToken)
    {
        if (TimeProvider.System.GetUtcNow() - _since > MaxAge)
        {
            Clear();
        }
        var passages = _passages;
        if (!passages.TryGetValue(tenant, out var byLocale))
        {
            byLocale = (await connection.QueryAsync<(string? Locale, long Passages)>(new CommandDefinition(
                "SELECT locale, SUM(CASE WHEN passages > 0 THEN passages ELSE 1 END) FROM knowledge_sources WHERE tenant = @tenant GROUP BY locale",
                new { tenant }, cancellationToken: cancellationToken))).ToList();
            passages[tenant] = byLocale;
        }
        return byLocale.Where(l => InScope(l.Locale, locale)).Sum(l => l.Passages);
    }

    /// <summary>How many of the scope's passages hold each term.</summary>
    public Task<IReadOnlyDictionary<string, long>> FrequenciesAsync(DbConnection connection, string tenant, string? locale, IReadOnlyList<string> terms, CancellationToken cancellationToken) =>
        _terms.GetOrAdd((tenant, locale ?? ""), _ => new TermFrequencies(TimeProvider.System, (c, missing, ct) => count(c, tenant, locale, missing, ct)))
            .GetAsync(connection, terms, cancellationToken);

    /// <summary>Whether a passage of <paramref name="passageLocale"/> is searched by a query in <paramref name="locale"/> (as the searches filter).</summary>
    private static bool InScope(string? passageLocale, string? locale) =>
        locale is null || passageLocale is null || passageLocale == locale || passageLocale.StartsWith(locale + "-", StringComparison.Ordinal);
}
