using System.Data.Common;
using Copilot.Api.Knowledge.FullText;

namespace Copilot.Api.Knowledge;

public sealed partial class KnowledgeIndex
{
    /// <summary>
    /// Fewer passages than this in a query's scope are counted as this many, the missing ones holding none of its terms:
    /// among a handful of passages every shared word is in half of them, and BM25 would weigh none of them.
    /// </summary>
    internal const long MinScopePassages = 20;

    /// <summary>
    /// How rare each term is where the query looks: among the tenant's passages in the query's language (with those of
    /// any language), as its reader would judge a word, rather than over the whole index of every tenant and language.
    /// In a mostly English index every French word is rare by the index's counts, so one everyday French word a ticket
    /// shares with an unrelated article ("compte") would pass the relevance floor alone.
    /// The unit of relevance is then what one term a single passage of the scope holds can score (<see cref="Bm25.Unit"/>).
    /// </summary>
    /// <param name="frequency">How many passages of the whole index hold each term, where the terms were chosen by them.</param>
    private async Task<(IReadOnlyDictionary<string, double> Idf, double Unit)> RarityAsync(
        DbConnection connection, string tenant, string? locale, IReadOnlyList<string> terms, IReadOnlyDictionary<string, long> frequency, CancellationToken cancellationToken)
    {
        var rows = await _fullText.RowsAsync(connection, cancellationToken);
        var passages = await _fullText.ScopePassagesAsync(connection, tenant, locale, cancellationToken);
        if (terms.Any(t => !frequency.ContainsKey(t)))
        {
            frequency = await _fullText.FrequenciesAsync(connection, terms, locale, cancellationToken);
        }
        IReadOnlyDictionary<string, long> counts;
        if (passages >= rows)
        {
            // The scope is the whole index: its counts are the index's.
            counts = frequency;
        }
        else
        {
            // A term more passages hold than a query may read is counted as its share of the index (an estimate: counting
            // it would cost what the budget saves); the others are counted in the scope.
            var common = terms.Where(t => frequency.GetValueOrDefault(t) > _options.MaxQueryPostings).ToHashSet(StringComparer.Ordinal);
            var counted = await _fullText.ScopeFrequenciesAsync(connection, tenant, locale, terms.Where(t => !common.Contains(t)).ToList(), cancellationToken);
            counts = terms.ToDictionary(t => t, t => common.Contains(t) ? frequency[t] * passages / Math.Max(rows, 1) : counted.GetValueOrDefault(t), StringComparer.Ordinal);
        }
        var scope = Math.Max(passages, MinScopePassages);
        var idf = terms.ToDictionary(t => t, t => Bm25.Idf(Math.Max(counts.GetValueOrDefault(t), 1), scope), StringComparer.Ordinal);
        return (idf, Bm25.Unit(scope));
    }
}
