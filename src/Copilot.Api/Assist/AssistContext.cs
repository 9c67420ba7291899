using Copilot.Api.Boundaries;
using Copilot.Api.Knowledge;
using Copilot.Api.Languages;
using Copilot.Api.Summaries;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Assist;

/// <summary>
/// Everything the copilot worked out for one version of a ticket thread. Cached per ticket
/// until a newer comment appears; drafts are built from it without asking the helpdesk again.
/// Working it out records nothing: what the sidebar displays of it is recorded when the sidebar
/// reports the display (<see cref="AssistShown"/>), under <see cref="AssistId"/>.
/// </summary>
public sealed record AssistContext(
    string Tenant,
    HelpdeskThread Thread,
    DetectedLanguage Language,
    IReadOnlyList<BoundaryWarning> Warnings,
    ThreadSummary Summary,
    IReadOnlyList<KnowledgeHit> Articles,
    IReadOnlyList<KnowledgeHit> Macros,
    IReadOnlyList<KnowledgeHit> SimilarTickets,
    DateTimeOffset GeneratedAt,
    ProviderDto Provider,
    string Intent)
{
    private byte[]? _cachedJson;

    /// <summary>This computation of the assist: the sidebar reports what it displayed of it by this id.</summary>
    public string AssistId { get; init; } = "as_" + Guid.CreateVersion7().ToString("N");

    /// <summary>Who wrote the summary (the model, or offline with the assist's time).</summary>
    public required Suggestions.SuggestionOrigin SummaryOrigin { get; init; }

    /// <summary>Who found the articles, macros and similar tickets: offline retrieval, with the assist's time.</summary>
    public required Suggestions.SuggestionOrigin RetrievalOrigin { get; init; }

    /// <summary>The terms the knowledge base was searched with (the knowledge-gap record of a displayed assist).</summary>
    public IReadOnlyList<string> QueryTerms { get; init; } = [];

    /// <summary>The procedure that applies to the ticket (by its intent, or by the thread's similarity to it), with its score; null when none is close enough.</summary>
    public Procedures.Matching.ProcedureMatch? Procedure { get; init; }

    /// <summary>The procedure that applies, as a list (empty or one): the steps the agent follows.</summary>
    public IReadOnlyList<Procedures.Procedure> Procedures => Procedure is { } m ? [m.Procedure] : [];

    /// <summary>
    /// Worked out while the tenant's embedding model had not yet read all its passages (just after a first sync or an
    /// import): the search was keywords, or meaning over part of the knowledge. Such an assist is served from the cache
    /// only briefly (<see cref="AssistCache.ProvisionalFor"/>), then worked out again with what has been read since.
    /// </summary>
    public bool Provisional { get; init; }

    /// <summary>
    /// When the assist began to read the tenant's knowledge: a change of its articles, macros or procedures after this
    /// (<see cref="Knowledge.KnowledgeChanges"/>) means the next open works it out again rather than serving it from the cache.
    /// </summary>
    public DateTimeOffset KnowledgeReadAt { get; init; }

    /// <summary>The instance whose clock <see cref="KnowledgeReadAt"/> was read from (another instance's may differ a little).</summary>
    public string? KnowledgeReadBy { get; init; }

    /// <summary>Per kind: matches in the ticket's language, only in another language, or no good match.</summary>
    public MatchesDto Matches { get; init; } = MatchesDto.NoneSearched;

    /// <summary>
    /// The answer for an unchanged thread, serialized once: every later open sends the same bytes.
    /// (A <c>with</c> copy would carry these bytes along, so a context is copied that way only before it is first served.)
    /// </summary>
    public byte[] CachedResponseJson(System.Text.Json.JsonSerializerOptions options) =>
        _cachedJson ??= System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(this.ToResponse(cached: true), options);

    /// <summary>
    /// Whether the sidebar would display exactly what <paramref name="other"/> displays: the same thread (its latest
    /// comment), summary, articles, macros, similar tickets, warnings and ways forward. A recomputation that changes
    /// none of them (a refresh, a webhook for a comment that changes nothing shown) is the same display.
    /// </summary>
    public bool ShowsTheSameAs(AssistContext other)
    {
        static IEnumerable<(SourceKind, string)> Ids(IReadOnlyList<KnowledgeHit> hits) => hits.Select(h => (h.Kind, h.SourceId));
        static IEnumerable<(string, BoundaryAction, string, long?)> Rules(IReadOnlyList<BoundaryWarning> warnings) =>
            warnings.Select(w => (w.RuleId, w.Action, w.Evidence, w.CommentId));
        return Thread.LatestCommentId == other.Thread.LatestCommentId
            && Summary.ToText() == other.Summary.ToText()
            && Ids(Articles).SequenceEqual(Ids(other.Articles))
            && Ids(Macros).SequenceEqual(Ids(other.Macros))
            && Ids(SimilarTickets).SequenceEqual(Ids(other.SimilarTickets))
            && Rules(Warnings).SequenceEqual(Rules(other.Warnings))
            && AssistShown.WaysForward(this) == AssistShown.WaysForward(other)
            && Procedures.Select(p => (p.Id, p.Version)).SequenceEqual(other.Procedures.Select(p => (p.Id, p.Version)));
    }

    /// <summary>A handoff rule fired: the ticket stays with a human and gets no draft.</summary>
    public bool Handoff => Warnings.Any(w => w.Action == BoundaryAction.Handoff);
}
