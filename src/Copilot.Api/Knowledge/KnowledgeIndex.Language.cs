using System.Data.Common;
using Copilot.Api.Knowledge.FullText;

namespace Copilot.Api.Knowledge;

public sealed partial class KnowledgeIndex
{
    /// <summary>
    /// The ranked passages scored again with each term as rare as it is among the passages of the query's language
    /// (<see cref="LanguageRarity"/>), best first; unchanged for a query without a language, in the index's main
    /// language, or whose terms are no commoner in its language than in the index.
    /// </summary>
    private async Task<List<RankedRow>> CountedInLanguageAsync(DbConnection connection, List<RankedRow> best, IReadOnlyList<string> terms,
        IReadOnlyDictionary<string, long> frequency, string? locale, long rows, CancellationToken cancellationToken)
    {
        if (locale is null)
        {
            return best;
        }
        var languageRows = await _fullText.LanguageRowsAsync(connection, locale, cancellationToken);
        if (!LanguageRarity.Counts(languageRows, rows))
        {
            return best;
        }
        if (terms.Any(t => !frequency.ContainsKey(t)))
        {
            frequency = await _fullText.FrequenciesAsync(connection, terms, locale, cancellationToken);
        }
        var inLanguage = await _fullText.LanguageFrequenciesAsync(connection, terms, locale, cancellationToken);
        var weights = terms.Select(t => LanguageRarity.Weight(frequency.GetValueOrDefault(t), rows, inLanguage.GetValueOrDefault(t), languageRows)).ToArray();
        if (weights.All(w => w >= 1))
        {
            return best;
        }
        var parts = await _fullText.TermScoresAsync(connection, best.Select(b => b.Id).ToList(), terms, frequency, locale, cancellationToken);
        return best
            .Select(b => parts.TryGetValue(b.Id, out var scores) ? b with { Score = scores.Select((s, i) => s * weights[i]).Sum() } : b)
            .OrderByDescending(b => b.Score)
            .ToList();
    }
}
