using Microsoft.Extensions.Options;

namespace Copilot.Api.Knowledge;

/// <summary>What a search for one kind of source came to: matches in the ticket's language, matches only in another, or none.</summary>
public enum MatchStatus { Found, OtherLanguage, NoGoodMatch }

/// <summary>The hits worth showing (possibly none) and why these.</summary>
public sealed record KnowledgeMatches(IReadOnlyList<KnowledgeHit> Hits, MatchStatus Status)
{
    public static readonly KnowledgeMatches None = new([], MatchStatus.NoGoodMatch);
}

/// <summary>
/// The sources worth showing for a ticket, not merely the nearest: hits below the relevance floor
/// are dropped ("no good match" is an answer), and sources in the ticket's language come first —
/// another language is offered, labelled, only when nothing in the ticket's language fits: sources a model that reads the
/// ticket's language finds by meaning, else English articles found by the ticket's words in English
/// (<see cref="CrossLanguage.EnglishQuery"/>; they also come before a match in the ticket's language on less than one
/// rare word), else sources that share a rare word with it.
/// </summary>
public sealed class RelevantKnowledge(IKnowledgeSearch search, IOptions<KnowledgeOptions> options)
{
    /// <param name="language">The ticket's language code ("en"); null searches every language alike.</param>
    /// <param name="exclude">Sources never to show (the ticket itself among similar tickets).</param>
    public async Task<KnowledgeMatches> FindAsync(
        string tenant, string query, string? language, IReadOnlyCollection<SourceKind> kinds, int limit,
        Func<KnowledgeHit, bool>? exclude, CancellationToken cancellationToken)
    {
        var floor = options.Value.FloorFor(kinds);
        bool Allowed(KnowledgeHit h) => exclude is null || !exclude(h);
        var fetch = exclude is null ? limit : limit + 1;
        var own = await search.SearchAsync(tenant, new KnowledgeQuery(query, fetch, kinds, language), cancellationToken);
        var relevant = Shown(own.Where(Allowed), floor, limit);
        if (language is null)
        {
            return relevant.Count > 0 ? new KnowledgeMatches(relevant, MatchStatus.Found) : KnowledgeMatches.None;
        }
        var translation = options.Value.EnglishArticlesForOtherLanguages && kinds.All(k => k is SourceKind.Article or SourceKind.Document)
            ? CrossLanguage.EnglishQuery.Of(query, language) : null;
        var english = translation?.Query;
        // In a language the help centre holds two or three articles in, everyday words are rare, and a few shared clear the
        // floor ("Réinitialiser une ampoule …: votre abonnement Lumora Plus n'est pas concerné" for "Double prélèvement Lumora
        // Plus … abonnement annuel"): less than one rare term's score, found by no model, and a title that names nothing the
        // ticket asks about, is not a fit when the English articles can be searched instead. "Retourner un produit sous 30
        // jours" for "Mauvais culot – retour de 3 ampoules" is.
        bool Weak(KnowledgeHit h) => h.Similarity is null && h.KeywordRelevance < OtherLanguageKeywordFloor;
        int Named(IReadOnlySet<string> titleConcepts) => titleConcepts.Count(translation!.Concepts.Contains);
        bool ByChance(KnowledgeHit h) => Weak(h) && Named(CrossLanguage.EnglishQuery.ConceptsOf(h.Title, language)) == 0;
        var byChance = english is not null && relevant.Count > 0 && relevant.All(ByChance);
        if (english is not null && !byChance && relevant.Count > 1)
        {
            // Beside a fit, such a match is padding: "Lumora Plus kündigen und Rückerstattungen" under "Flackernde Lampen"
            // for spots that flicker.
            relevant = [relevant[0], .. relevant.Skip(1).Where(h => !ByChance(h))];
        }
        async Task<List<KnowledgeHit>> EnglishAsync()
        {
            // The English articles, searched in English words. Not macros or solved tickets: a macro is pasted into the
            // reply as written, and the words a solved ticket shares with a few translated ones make it a neighbour more
            // often than the same case.
            // The model reads a list of glossary words here, not the customer's sentences: too little to say that what the
            // words found is about something else (Dutch "Strip steeds onbereikbaar" and "Lights show Unreachable").
            var translated = await search.SearchAsync(tenant, new KnowledgeQuery(english, fetch, kinds, "en"), cancellationToken);
            return Shown(translated.Where(h => Allowed(h) && h.Locale is not null && InLanguage(h.Locale, "en")), floor with { UnrelatedByModel = 0 }, limit).ToList();
        }
        if (relevant.Count > 0 && !byChance)
        {
            // A weak match whose title names a little of the ticket ("Das Rad lässt sich nicht entsperren" for an e-bike whose
            // battery ran out: "bike") gives way to an English article the model finds close and whose title names more of it
            // ("E-bike battery and range"), unless that article is the match itself in English.
            if (english is not null && relevant.All(Weak) && await EnglishAsync() is [var closer, ..] instead
                && closer.Similarity is not null && relevant.All(h => h.SourceId != closer.SourceId)
                && Named(CrossLanguage.EnglishGist.ConceptsOf(closer.Title)) > relevant.Max(h => Named(CrossLanguage.EnglishQuery.ConceptsOf(h.Title, language))))
            {
                return new KnowledgeMatches(instead, MatchStatus.OtherLanguage);
            }
            return new KnowledgeMatches(relevant, MatchStatus.Found);
        }
        List<KnowledgeHit>? other = null;
        async Task<List<KnowledgeHit>> OtherAsync()
        {
            var any = await search.SearchAsync(tenant, new KnowledgeQuery(query, fetch, kinds), cancellationToken);
            var across = floor with { Keyword = Math.Max(floor.Keyword, OtherLanguageKeywordFloor) };
            return Shown(any.Where(h => Allowed(h) && !InLanguage(h.Locale, language)), across, limit).ToList();
        }
        if (relevant.Count == 0)
        {
            other = await OtherAsync();
            if (other.Any(h => h.Similarity is not null))
            {
                // A model that reads the ticket's language (a provider's multilingual one) found them by meaning.
                return new KnowledgeMatches(other, MatchStatus.OtherLanguage);
            }
        }
        if (english is not null)
        {
            var inEnglish = await EnglishAsync();
            if (inEnglish.Count > 0)
            {
                return new KnowledgeMatches(inEnglish, MatchStatus.OtherLanguage);
            }
        }
        if (relevant.Count > 0)
        {
            return new KnowledgeMatches(relevant, MatchStatus.Found);
        }
        other ??= await OtherAsync();
        return other.Count > 0 ? new KnowledgeMatches(other, MatchStatus.OtherLanguage) : KnowledgeMatches.None;
    }

    /// <summary>
    /// The keyword relevance a source in another language needs (at least; the kind's own floor when higher): one rare
    /// term's whole score. Words two languages share are mostly product names, numbers and look-alikes ("Bridge", "app",
    /// Dutch and German "weg"), so half a rare term across languages is chance, not a topic.
    /// </summary>
    public const double OtherLanguageKeywordFloor = 1.0;

    /// <summary>
    /// Of hits ranked best first, those worth showing: relevant (<see cref="IsRelevant"/>), at most <paramref name="limit"/>,
    /// and after the first only those that stand <see cref="RelevanceFloor.ShareOfBest"/> as far above the query's baseline
    /// as the first does and are worth showing beside it (<see cref="IsWorthAFurtherPlace"/>). In one company's knowledge
    /// base every source is about the same products, so the model finds even an unrelated one fairly close, and half of
    /// the first's whole score let such sources through.
    /// </summary>
    public static IReadOnlyList<KnowledgeHit> Shown(IEnumerable<KnowledgeHit> ranked, RelevanceFloor floor, int limit)
    {
        var relevant = ranked.Where(h => IsRelevant(h, floor)).Take(limit).ToList();
        if (relevant.Count < 2)
        {
            return relevant;
        }
        var baseline = floor.ShareAboveBaseline && relevant[0].Baseline is > 0 and var b && b < relevant[0].Score ? b : 0;
        var least = relevant[0].Score > 0 ? baseline + (relevant[0].Score - baseline) * floor.ShareOfBest : double.NegativeInfinity;
        return relevant.Where((h, i) => i == 0 || h.Score >= least && IsWorthAFurtherPlace(h, floor)).ToList();
    }

    /// <summary>
    /// Whether a hit may be shown after the first of its kind. A similar solved ticket the model alone vouches for (its
    /// keywords below <see cref="RelevanceFloor.PastReplySupport"/>) must be <see cref="RelevanceFloor.LaterPastReplyMargin"/>
    /// above the model's floor: the model finds every solved ticket about the tenant's products a little close, and beside
    /// the nearest one such a ticket is more often a neighbour than the same problem.
    /// </summary>
    public static bool IsWorthAFurtherPlace(KnowledgeHit hit, RelevanceFloor floor) =>
        hit.Kind != SourceKind.PastReply || hit.Similarity is null || hit.KeywordRelevance >= floor.PastReplySupport
        || (hit.SimilarityMargin ?? 0) >= floor.LaterPastReplyMargin;

    /// <summary>
    /// Above the keyword floor (higher for a source the model finds unrelated, <see cref="RelevanceFloor.UnrelatedByModel"/>), or found by vector search: that search keeps only neighbours above
    /// its model's similarity floor (<see cref="KnowledgeOptions.OfflineMinSimilarity"/>, or the provider's). A similar
    /// solved ticket the model finds only a little above that floor also needs some keyword evidence
    /// (<see cref="KnowledgeOptions.PastReplySimilarityMargin"/>).
    /// </summary>
    public static bool IsRelevant(KnowledgeHit hit, RelevanceFloor floor) =>
        hit.KeywordRelevance >= (hit.UnrelatedByModel ? Math.Max(floor.Keyword, floor.UnrelatedByModel) : floor.Keyword)
        || hit.Similarity is not null && (hit.Kind != SourceKind.PastReply || (hit.SimilarityMargin ?? 0) >= floor.PastReplyMargin
            || hit.KeywordRelevance >= floor.PastReplySupport);

    /// <summary>A source without a locale (macros, past replies) is taken to be in the ticket's language.</summary>
    public static bool InLanguage(string? locale, string language) =>
        locale is null || locale.Equals(language, StringComparison.OrdinalIgnoreCase)
        || locale.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The least keyword relevance a hit vector search did not find must have to be shown, and the least share of the first
/// hit's lead over the query's baseline a later one must reach (0: none).
/// </summary>
public sealed record RelevanceFloor(double Keyword, double ShareOfBest = 0)
{
    /// <summary>
    /// Whether <see cref="ShareOfBest"/> is measured above what a source unrelated to the query scores (its
    /// <see cref="KnowledgeHit.Baseline"/>, when the search gives one) rather than from 0.
    /// </summary>
    public bool ShareAboveBaseline { get; init; } = true;

    /// <summary>How far above its model's floor for showing a similar ticket's similarity must be to show it on the model's word alone (0: not at all).</summary>
    public double PastReplyMargin { get; init; }

    /// <summary>The keyword relevance that shows a similar ticket whose similarity is closer to the floor than <see cref="PastReplyMargin"/>.</summary>
    public double PastReplySupport { get; init; }

    /// <summary>
    /// How far above its model's floor a similar ticket after the first must be to be shown on the model's word alone
    /// (without <see cref="PastReplySupport"/>); at or below <see cref="PastReplyMargin"/>: no more than the first needs.
    /// </summary>
    public double LaterPastReplyMargin { get; init; }

    /// <summary>
    /// The keyword relevance a hit needs when the model, which found passages related to the query, finds it unrelated
    /// (<see cref="KnowledgeHit.UnrelatedByModel"/>); at or below <see cref="Keyword"/>: no more than any hit (0: off).
    /// </summary>
    public double UnrelatedByModel { get; init; }
}
