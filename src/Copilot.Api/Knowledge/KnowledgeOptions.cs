using System.ComponentModel.DataAnnotations;
using Copilot.Connectors.Models.Local;

namespace Copilot.Api.Knowledge;

/// <summary>The <c>Copilot:Knowledge</c> section: how passages are cut and how they are ranked.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Copilot:Knowledge";

    /// <summary>BM25 weight of the title column relative to the passage text (1.0).</summary>
    [Range(0.1, 100.0)]
    public double TitleWeight { get; set; } = 4.0;

    /// <summary>
    /// Most distinct terms a query keeps; a whole ticket thread is cut down to these. 16 scored
    /// the same as 32 and 64 on the ABCD evaluation and costs half as much to score.
    /// </summary>
    [Range(1, 64)]
    public int MaxQueryTerms { get; set; } = 16;

    /// <summary>
    /// Budget of index postings (passages holding a term, summed over the kept terms) one query
    /// may score. Terms are kept rarest first until it is spent, so a query of common words
    /// stays fast on a large index; small indexes never reach it.
    /// </summary>
    [Range(1000, 100_000_000)]
    public long MaxQueryPostings { get; set; } = 3_000;

    /// <summary>
    /// Keep a query's rarest terms (looked up in the index vocabulary). Off: keep the terms the
    /// query repeats most, with no lookup; needed with a stemming tokenizer, whose vocabulary
    /// holds stems rather than the words of a query.
    /// </summary>
    public bool SelectTermsByRarity { get; set; } = true;

    /// <summary>
    /// Also search the English inflections of a query word that the index holds (plural, past,
    /// -ing). Off by default: it helped short requests (Bitext) as much as it hurt whole chats
    /// (ABCD) in docs/evaluation.md.
    /// </summary>
    public bool ExpandInflections { get; set; }

    /// <summary>Drop common words (see StopWords) from queries. Off only to measure what they cost or bring.</summary>
    public bool DropStopWords { get; set; } = true;

    /// <summary>
    /// A passage closes at a paragraph or sentence end once it has this many words. 40-80 scored
    /// above 80-160 on both ABCD query sets (docs/evaluation.md); raise both for longer citations.
    /// </summary>
    [Range(10, 1000)]
    public int PassageMinWords { get; set; } = 40;

    /// <summary>No passage grows past this many words (an overlong sentence is cut by words).</summary>
    [Range(20, 2000)]
    public int PassageMaxWords { get; set; } = 80;

    /// <summary>Solved tickets indexed as past replies in a full sync.</summary>
    [Range(0, 1000)]
    public int MaxPastReplies { get; set; } = 200;

    /// <summary>How often the background service checks whether a tenant is due for a sync.</summary>
    [Range(1, 3600)]
    public int SchedulerTickSeconds { get; set; } = 60;

    /// <summary>
    /// Semantic search without a model provider: tenants whose provider has no embedding model
    /// (the offline provider among them) embed English passages and queries with the built-in
    /// sentence model (<see cref="OfflineModel"/>), fused with keyword search. Off: keyword search only.
    /// </summary>
    public bool OfflineEmbeddings { get; set; } = true;

    /// <summary>
    /// Embed a tenant's new passages as soon as a sync writes them, rather than at the embedding service's next half minute
    /// (<see cref="Vectors.PassageEmbeddingService"/>): a scheduled sync wakes the service, and the admin sync route returns
    /// once they are embedded (up to <see cref="Vectors.PassageEmbedding.MaxNow"/>). Until its model has read almost all of a
    /// tenant's passages, the tenant's searches are keyword-only (<see cref="Vectors.HybridKnowledgeSearch.MinEmbeddedShare"/>).
    /// An import embeds what it imported before it returns either way.
    /// </summary>
    public bool EmbedPassagesOnChange { get; set; } = true;

    /// <summary>
    /// The built-in sentence model, one of <see cref="LocalModelSpec.All"/> by name (checked at start-up): "all-minilm-l6-v2"
    /// (the default; docs/evaluation.md compares the two) or "arctic-embed-xs". A change re-embeds every passage.
    /// </summary>
    public string OfflineModel { get; set; } = LocalModelSpec.Default.Name;

    /// <summary>The built-in model <see cref="OfflineModel"/> names.</summary>
    public LocalModelSpec OfflineModelSpec => LocalModelSpec.Named(OfflineModel) ?? LocalModelSpec.Default;

    /// <summary>
    /// The built-in model's dense layers on 8-bit integers (about twice as fast on one core, vectors within
    /// 0.98 cosine of the float model's; docs/models.md). Off: the float model, which re-embeds every passage.
    /// </summary>
    public bool OfflineModelQuantized { get; set; } = true;

    /// <summary>
    /// Cosine below which a passage found only by the built-in model is no match; unset, the floor calibrated
    /// for <see cref="OfflineModel"/> (MiniLM 0.4; arctic-embed-xs, which scores unrelated customer-care texts
    /// around 0.5, 0.6).
    /// </summary>
    [Range(-1.0, 1.0)]
    public double? OfflineMinSimilarity { get; set; }

    /// <summary>The floor in force: <see cref="OfflineMinSimilarity"/> or the model's own.</summary>
    public double OfflineMinSimilarityInForce => OfflineMinSimilarity ?? OfflineModelSpec.MinSimilarity;

    /// <summary>The ranking floor in force: <see cref="OfflineRankSimilarity"/> or the model's own.</summary>
    public double OfflineRankSimilarityInForce => OfflineRankSimilarity ?? OfflineModelSpec.RankSimilarity;

    /// <summary>
    /// Cosine from which the built-in model's similarity counts in the ranking (0 at this floor, 1 for identical text).
    /// Ranking from below <see cref="OfflineMinSimilarity"/> lets the model settle which of the sources it half
    /// recognises comes first — paraphrases keywords miss — while what it alone found is still shown only above
    /// <see cref="OfflineMinSimilarity"/> (docs/evaluation.md). At or above it: one floor for both. Unset, the
    /// floor calibrated for <see cref="OfflineModel"/> (MiniLM 0.3; arctic-embed-xs 0.5).
    /// </summary>
    [Range(-1.0, 1.0)]
    public double? OfflineRankSimilarity { get; set; }

    /// <summary>
    /// Weight of the keyword score in the fusion, the query's best keyword score counting 1, against a source's
    /// similarity above the floor (the floor 0, identical text 1). Unset: the weight chosen for the built-in model
    /// on ABCD, Bitext and banking77 together (docs/evaluation.md; MiniLM 0.125, arctic-embed-xs 0.25), and 0.25 for a
    /// provider's model: keywords settle close calls between passages the model finds alike.
    /// </summary>
    [Range(0.0, 10.0)]
    public double? KeywordWeight { get; set; }

    /// <summary>
    /// Weight of a source's title similarity (same scale as its passages') in the fusion; 0 leaves titles out. Unset:
    /// the built-in model's own (MiniLM 0.5, arctic-embed-xs 1), and 1 for a provider's model.
    /// </summary>
    [Range(0.0, 10.0)]
    public double? TitleSimilarityWeight { get; set; }

    /// <summary>The built-in model's keyword weight in force: <see cref="KeywordWeight"/> or the model's own.</summary>
    public double KeywordWeightInForce => KeywordWeight ?? OfflineModelSpec.KeywordWeight;

    /// <summary>The built-in model's title weight in force: <see cref="TitleSimilarityWeight"/> or the model's own.</summary>
    public double TitleSimilarityWeightInForce => TitleSimilarityWeight ?? OfflineModelSpec.TitleWeight;

    /// <summary>
    /// Following passages of the same source the built-in model reads with each passage: a vector of
    /// a longer stretch (about 120-240 words) tells documents of one template apart better: with two, ABCD Recall@3 is
    /// highest and Bitext unchanged (the rows in docs/evaluation.md).
    /// </summary>
    [Range(0, 4)]
    public int VectorContextPassages { get; set; } = 2;

    /// <summary>
    /// Tokens of a query the built-in model reads, its instruction included. Its time grows with length (docs/benchmarks.md),
    /// so the query puts the thread's most telling words first. Unset: the model's own (MiniLM 96, which spends none on an
    /// instruction; arctic-embed-xs 48, measured in docs/evaluation.md).
    /// </summary>
    [Range(16, 512)]
    public int? OfflineMaxQueryTokens { get; set; }

    /// <summary>The query tokens in force: <see cref="OfflineMaxQueryTokens"/> or the model's own.</summary>
    public int OfflineMaxQueryTokensInForce => OfflineMaxQueryTokens ?? OfflineModelSpec.QueryTokens;

    /// <summary>
    /// Least <see cref="KnowledgeHit.KeywordRelevance"/> an article or document needs to be shown
    /// when vector search did not find it; calibrated on ABCD with and without the answer's topic
    /// in the index (docs/evaluation.md).
    /// </summary>
    [Range(0.0, 10.0)]
    public double MinArticleRelevance { get; set; } = 0.5;

    /// <summary>The same floor for macros (calibrated on Bitext).</summary>
    [Range(0.0, 10.0)]
    public double MinMacroRelevance { get; set; } = 0.5;

    /// <summary>
    /// The same floor for similar solved tickets, calibrated on Bitext requests asked of solved tickets: at 1 as many
    /// requests are shown a ticket of their intent as at 0.5, and fewer are shown one when none of their topic is solved.
    /// </summary>
    [Range(0.0, 10.0)]
    public double MinPastReplyRelevance { get; set; } = 1.0;

    /// <summary>
    /// A source after the first is shown only when it stands this share as far above the query's baseline (what a source
    /// unrelated to the query scores, <see cref="KnowledgeHit.Baseline"/>) as the first does: a clear best match is not
    /// padded with sources that merely cleared the floor. 0 turns it off. Calibrated on ABCD and Bitext (docs/evaluation.md).
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinShareOfBest { get; set; } = 0.5;

    /// <summary>
    /// How far above the embedding model's floor for showing (<see cref="OfflineMinSimilarity"/>, or the provider's) a
    /// similar solved ticket's similarity must be for the model's word alone to show it; closer to the floor it also needs
    /// half of <see cref="MinPastReplyRelevance"/> from its keywords. Every solved ticket of a tenant is about the same
    /// products, so the model finds many of them a little close; an article or macro needs no margin. Calibrated with the
    /// built-in model on Bitext requests asked of solved tickets (docs/evaluation.md); 0 turns it off.
    /// </summary>
    [Range(0.0, 1.0)]
    public double PastReplySimilarityMargin { get; set; } = 0.1;

    /// <summary>
    /// The same margin for a similar solved ticket shown after the first: beside the nearest one, a ticket the model alone
    /// finds close is more often a neighbour (a bulb reset beside duplicate lights) than the same problem, so it needs
    /// this margin, or the same keyword evidence. Calibrated with the built-in model on Bitext requests asked of solved
    /// tickets (docs/evaluation.md); at or below <see cref="PastReplySimilarityMargin"/>: off.
    /// </summary>
    [Range(0.0, 1.0)]
    public double LaterPastReplySimilarityMargin { get; set; } = 0.2;

    /// <summary>
    /// The keyword relevance a source needs when the embedding model, which found passages related to the ticket, finds it
    /// unrelated (below its ranking floor, <see cref="KnowledgeHit.UnrelatedByModel"/>): one rare term's whole score
    /// rather than the kind's floor. Two everyday words of the company's ("bikes", "three") are then no match for a
    /// question the model reads as about something else ("Can I take a child seat? My daughter is three" and "Pedal assist
    /// levels"). Calibrated with the built-in model on ABCD and Bitext with and without the answer's topic in the index
    /// (docs/evaluation.md); at or below the kind's floor: off.
    /// </summary>
    [Range(0.0, 10.0)]
    public double MinRelevanceUnrelatedByModel { get; set; } = 0.75;

    /// <summary>
    /// Whether a ticket in German, French, Spanish, Dutch, Portuguese or Italian for which nothing in its language fits is
    /// searched among the English articles in English words (<see cref="CrossLanguage.EnglishQuery"/>), the way a tenant
    /// without a multilingual model finds the English article for it. docs/evaluation.md measures it on and off.
    /// </summary>
    public bool EnglishArticlesForOtherLanguages { get; set; } = true;

    public RelevanceFloor FloorFor(IReadOnlyCollection<SourceKind> kinds) => new(kinds.Count == 0 ? MinArticleRelevance : kinds.Max(k => k switch
    {
        SourceKind.Macro => MinMacroRelevance,
        SourceKind.PastReply => MinPastReplyRelevance,
        _ => MinArticleRelevance,
    }), MinShareOfBest)
    {
        PastReplyMargin = PastReplySimilarityMargin,
        LaterPastReplyMargin = LaterPastReplySimilarityMargin,
        PastReplySupport = MinPastReplyRelevance / 2,
        UnrelatedByModel = MinRelevanceUnrelatedByModel,
    };
}
