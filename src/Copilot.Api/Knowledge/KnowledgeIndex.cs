using Copilot.Api.Knowledge.FullText;
using Copilot.Api.Languages;
using Copilot.Api.Store;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Knowledge;

/// <summary>
/// Full-text search over a tenant's knowledge with the store's own index (SQLite FTS5 or PostgreSQL tsvector,
/// <see cref="IFullText"/>): BM25 with the title weighted above the passage text, the best passage of each source,
/// best first. Which terms of a long query are searched for is decided here, the same way for both stores.
/// Writes are in <see cref="KnowledgeIndex"/>'s other half (KnowledgeIndex.Write.cs).
/// </summary>
public sealed partial class KnowledgeIndex : IKnowledgeSearch
{
    private const int MaxLimit = 50;

    /// <summary>Distinct words of a query whose index frequency is looked up; a long thread has a few hundred.</summary>
    private const int MaxCandidateTerms = 256;

    private readonly Db _db;
    private readonly KnowledgeOptions _options;
    private readonly IFullText _fullText;
    private readonly StoreChanges? _changes;
    private readonly ILanguageDetector _languages;

    public KnowledgeIndex(Db db, IOptions<KnowledgeOptions> options, StoreChanges changes, ILanguageDetector languages) : this(db, options.Value, languages)
    {
        _changes = changes;
        // Another instance indexed: the counts kept here are stale.
        changes.Subscribe(StoreChanges.Knowledge, _ => _fullText.Clear());
    }

    public KnowledgeIndex(Db db, KnowledgeOptions options, ILanguageDetector? languages = null)
    {
        _db = db;
        _options = options;
        _languages = languages ?? new LanguageDetector();
        _fullText = db.Dialect.IsPostgres ? new PostgresFullText(options) : new Fts5FullText(options);
    }

    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string tenant, KnowledgeQuery query, CancellationToken cancellationToken) =>
        (await SearchExplainedAsync(tenant, query, cancellationToken)).Hits;

    /// <summary>The hits, and the terms the query was cut down to (for admin diagnostics).</summary>
    public async Task<(IReadOnlyList<KnowledgeHit> Hits, IReadOnlyList<string> Terms)> SearchExplainedAsync(string tenant, KnowledgeQuery query, CancellationToken cancellationToken)
    {
        var ranking = await RankAsync(tenant, query, cancellationToken);
        if (ranking.Passages.Count == 0)
        {
            return ([], ranking.Terms);
        }
        var details = await PassagesAsync(tenant, ranking.Passages.Select(p => p.Id).ToArray(), cancellationToken);
        return (ranking.Passages
            .Where(p => details.ContainsKey(p.Id))
            .Select(p => details[p.Id] with { Score = p.Score, KeywordScore = p.Score, KeywordRelevance = p.Relevance })
            .ToList(), ranking.Terms);
    }

    /// <summary>
    /// The best passage of each matching source, best first, without their texts: a search that shows only
    /// some of them (fusion with vector search) ranks first and reads the few it shows.
    /// </summary>
    public async Task<KeywordRanking> RankAsync(string tenant, KnowledgeQuery query, CancellationToken cancellationToken)
    {
        var counted = FtsQuery.TermCounts(query.Text, MaxCandidateTerms, _options.DropStopWords);
        var candidates = counted.Select(c => c.Term).ToList();
        var limit = Math.Clamp(query.Limit, 1, MaxLimit);
        if (candidates.Count == 0)
        {
            return new KeywordRanking([], []);
        }
        var locale = SourceKinds.NormalizeLocale(query.Locale);
        await using var connection = await _db.OpenAsync(cancellationToken);
        IReadOnlyDictionary<string, long> frequency;
        IReadOnlyList<string> terms;
        if (_options.SelectTermsByRarity)
        {
            var variants = candidates.ToDictionary(c => c, c => _options.ExpandInflections ? Inflections.Of(c).Distinct().ToList() : [], StringComparer.Ordinal);
            var known = await _fullText.FrequenciesAsync(connection, candidates.Concat(variants.Values.SelectMany(v => v)).Distinct().ToList(), locale, cancellationToken);
            // A word and the inflections the index holds count as one term, as rare as all its forms together.
            var grouped = candidates.ToDictionary(c => c, c => known[c] + variants[c].Sum(v => known[v]), StringComparer.Ordinal);
            var chosen = FtsQuery.SelectByWeight(counted, grouped, await _fullText.RowsAsync(connection, cancellationToken), _options.MaxQueryTerms, _options.MaxQueryPostings);
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
        if (terms.Count == 0)
        {
            return new KeywordRanking([], terms);
        }
        // Only a query whose rarest term alone is over budget gets here with more postings than
        // the budget: it says little about what it wants, so it is ranked among the newest matches.
        var postings = terms.Sum(t => frequency.GetValueOrDefault(t));
        var scan = postings > _options.MaxQueryPostings ? _options.MaxQueryPostings : (long?)null;
        // How many passages can match at most: known when terms were chosen by their counts (a term the
        // vocabulary does not know may still match, so then it is unknown too).
        var bounded = _options.SelectTermsByRarity && terms.All(t => frequency.GetValueOrDefault(t) > 0);
        var best = await _fullText.BestAsync(connection, tenant, terms, frequency, scan, bounded ? scan ?? postings : null, limit, query, cancellationToken);
        if (best.Count == 0)
        {
            return new KeywordRanking([], terms);
        }
        var rows = await _fullText.RowsAsync(connection, cancellationToken);
        best = await CountedInLanguageAsync(connection, best, terms, frequency, locale, rows, cancellationToken);
        var unit = _fullText.Unit(rows);
        return new KeywordRanking(best.Select(b => new RankedPassage(b.Id, SourceKinds.Parse(b.Kind), b.SourceId, b.Score, Math.Round(b.Score / unit, 4))).ToList(), terms);
    }

    /// <summary>This process wrote or removed passages of the tenant (a sync, an import): counts kept of them are out of date.</summary>
    public event Action<string>? PassagesChanged;

    /// <summary>Forgets the term counts kept for choosing terms (after this process changed the index).</summary>
    private void IndexChanged() => _fullText.Clear();
}

/// <summary>A keyword search's ranked passages (one per source, best first) and the terms it searched for.</summary>
public sealed record KeywordRanking(IReadOnlyList<RankedPassage> Passages, IReadOnlyList<string> Terms);

/// <summary>
/// A passage as keyword search ranked it: <see cref="Score"/> is the BM25 relevance (negated FTS5 rank),
/// <see cref="Relevance"/> the same in rare-term units (<see cref="KnowledgeHit.KeywordRelevance"/>).
/// </summary>
public sealed record RankedPassage(long Id, SourceKind Kind, string SourceId, double Score, double Relevance);
