using Copilot.Api.Knowledge;

namespace Copilot.Api.Replays.Measures;

/// <summary>Which articles the agent used, and where the first of them stood among those the assist surfaced.</summary>
/// <param name="Used">How many articles the agent used (linked or quoted); 0: none, and retrieval is not measured on the ticket.</param>
/// <param name="Rank">The 1-based place of the first used article among the surfaced ones; null when none of them was used.</param>
public sealed record ArticleHits(int Used, int? Rank, IReadOnlyList<string> Ids);

/// <summary>
/// Finds the articles an agent used in a reply: those the source names (a JSONL file's <c>usedArticles</c>, by id or link),
/// otherwise the articles and documents the reply links to or quotes — at least <see cref="QuoteTokens"/> words in a row of
/// the article's text (case, punctuation and word endings aside). The candidates are the surfaced articles and the ones
/// a keyword search for the reply itself finds, so an article the assist missed is still found as used.
/// </summary>
public sealed class ArticleUse(KnowledgeIndex index)
{
    public const int QuoteTokens = 8;

    private static readonly SourceKind[] Kinds = [SourceKind.Article, SourceKind.Document];

    public async Task<ArticleHits> FindAsync(
        string tenant, string reply, IReadOnlyList<KnowledgeHit> surfaced, IReadOnlyList<string>? known, CancellationToken cancellationToken)
    {
        if (known is not null)
        {
            var named = known.Select(Normal).ToHashSet(StringComparer.Ordinal);
            return Rank(known.Count, surfaced, h => named.Contains(h.SourceId) || (h.Url is { } url && named.Contains(Normal(url))));
        }
        var found = await index.SearchAsync(tenant, new KnowledgeQuery(reply, 5, Kinds), cancellationToken);
        var candidates = surfaced.Concat(found).DistinctBy(h => (h.Kind, h.SourceId)).ToList();
        var texts = await index.GetTextsAsync(tenant, candidates.Select(c => (c.Kind, c.SourceId)).ToList(), cancellationToken);
        var replyText = reply.ToLowerInvariant();
        var replyShingles = Shingles(Rouge.Tokens(reply));
        bool Used(KnowledgeHit h) =>
            (h.Url is { Length: > 0 } url && replyText.Contains(Normal(url), StringComparison.Ordinal))
            || (texts.TryGetValue((h.Kind, h.SourceId), out var text) && Shingles(Rouge.Tokens(text)).Overlaps(replyShingles));
        var used = candidates.Where(Used).ToList();
        var ids = used.Select(h => h.SourceId).ToHashSet(StringComparer.Ordinal);
        return Rank(used.Count, surfaced, h => ids.Contains(h.SourceId)) with { Ids = ids.ToList() };
    }

    private static ArticleHits Rank(int used, IReadOnlyList<KnowledgeHit> surfaced, Func<KnowledgeHit, bool> isUsed)
    {
        var place = surfaced.Select((h, i) => (h, i)).FirstOrDefault(p => isUsed(p.h), (null!, -1)).Item2;
        return new ArticleHits(used, place >= 0 ? place + 1 : null, surfaced.Where(isUsed).Select(h => h.SourceId).ToList());
    }

    private static HashSet<string> Shingles(IReadOnlyList<string> tokens)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + QuoteTokens <= tokens.Count; i++)
        {
            set.Add(string.Join(' ', tokens.Skip(i).Take(QuoteTokens)));
        }
        return set;
    }

    private static string Normal(string link) => link.Trim().TrimEnd('/').ToLowerInvariant();
}
