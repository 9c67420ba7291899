using Copilot.Api.Boundaries;
using Copilot.Api.Knowledge;
using Copilot.Api.Vocabulary;

namespace Copilot.Api.Assist;

public sealed record SummaryDto(string CustomerWants, string Tried, string Status, string NextStep);
public sealed record SourceDto(string SourceId, [property: WireEnum(typeof(SourceKinds), nameof(SourceKinds.IndexedNames))] string Kind, string Title, string? Url, string Passage, double Score, string? Locale);
public sealed record LanguageDto(string Code, double Confidence);
public sealed record WarningDto(string RuleId, string Name, [property: WireEnum(typeof(BoundaryAction))] string Action, string Evidence, long? CommentId)
{
    /// <summary>The way forward the admin set on the rule (group, tags, internal note); null: none.</summary>
    public Boundaries.WayForward? WayForward { get; init; }
}
/// <summary>
/// Per kind, what the search came to: <c>found</c>, <c>other-language</c> (nothing fits in the ticket's
/// language; the sources shown are in another, see their <c>locale</c>) or <c>no-good-match</c> (nothing shown).
/// </summary>
public sealed record MatchesDto(MatchStatus Articles, MatchStatus Macros, MatchStatus SimilarTickets)
{
    public static readonly MatchesDto NoneSearched = new(MatchStatus.NoGoodMatch, MatchStatus.NoGoodMatch, MatchStatus.NoGoodMatch);
}

public sealed record ProviderDto(string Name, bool Offline, bool ModelAvailable, string? Detail = null);

/// <summary>
/// What the copilot worked out for a ticket. Nothing of it is recorded as shown until the sidebar reports
/// what it displayed (<c>POST …/assist/{assistId}/shown</c>), which gives the suggestion ids to judge them by.
/// </summary>
public sealed record AssistResponse(
    long TicketId,
    string AssistId,
    SummaryDto Summary,
    IReadOnlyList<SourceDto> Articles,
    IReadOnlyList<SourceDto> Macros,
    IReadOnlyList<SourceDto> SimilarTickets,
    MatchesDto Matches,
    LanguageDto Language,
    IReadOnlyList<WarningDto> Warnings,
    bool Handoff,
    ProviderDto Provider,
    bool Cached,
    long LatestCommentId,
    DateTimeOffset GeneratedAt)
{
    /// <summary>True when this is the last assist computed, shown because a fresh one could not be had in time.</summary>
    public bool Stale { get; init; }

    /// <summary>The tenant's procedures for the ticket's intent, as steps to follow (empty when none is written for it).</summary>
    public IReadOnlyList<MatchedProcedureDto> Procedures { get; init; } = [];

    /// <summary>Why the assist is stale (the helpdesk failed or was slow), and from when it is; null when it is current.</summary>
    public string? StaleReason { get; init; }
}

/// <summary>A procedure that applies to the ticket: its id and version (to cite it), the intent it is for, its title and steps.</summary>
public sealed record MatchedProcedureDto(string Id, int Version, string Intent, string Title, IReadOnlyList<string> Steps)
{
    /// <summary>How close the ticket is to it, 0..1 (1: the only procedure for the ticket's intent).</summary>
    public double? Score { get; init; }

    /// <summary><c>intent</c> (the only procedure for the ticket's intent) or <c>similarity</c> (the closest by its title and steps).</summary>
    public Procedures.Matching.MatchedBy? MatchedBy { get; init; }
}

/// <summary>The items of an assist the sidebar displayed: any of <c>summary</c>, <c>articles</c>, <c>macros</c>, <c>similar-tickets</c>, <c>handoff</c> (the fired rules' ways forward), <c>procedure</c> (the steps to follow).</summary>
public sealed record ShownRequest(IReadOnlyList<Vocabulary.SuggestionKind>? Kinds);

/// <summary>The suggestion id of each displayed item, for its feedback; null for an item not displayed or with nothing in it.</summary>
public sealed record ShownResponse(string? Summary, string? Articles, string? Macros, string? SimilarTickets)
{
    /// <summary>The ways forward of the fired rules, when displayed.</summary>
    public string? Handoff { get; init; }

    /// <summary>The procedure shown as the steps to follow, when displayed.</summary>
    public string? Procedure { get; init; }
}

/// <summary>An assist as the sidebar gets it: from cache or not, and the reason when it is the last one rather than a current one.</summary>
public sealed record AssistAnswer(AssistContext Context, bool Cached, string? StaleReason = null);

public static class AssistMapping
{
    public static readonly ProviderDto Offline = new("offline", Offline: true, ModelAvailable: false,
        "No AI model is connected: suggestions come from your knowledge base and the thread itself.");

    public static SourceDto ToDto(this KnowledgeHit h) =>
        new(h.SourceId, AssistService.KindName(h.Kind), h.Title, h.Url, h.Excerpt ?? h.Passage, Math.Round(h.Score, 3), h.Locale);

    public static MatchedProcedureDto ToDto(this Procedures.Procedure p) => new(p.Id, p.Version, p.Intent, p.Title, p.StepList);

    public static WarningDto ToDto(this BoundaryWarning w) =>
        new(w.RuleId, w.Name, Wire.Name(w.Action), w.Evidence, w.CommentId) { WayForward = w.WayForward };

    public static AssistResponse ToResponse(this AssistContext c, bool cached, string? staleReason = null) => new(
        c.Thread.Ticket.Id,
        c.AssistId,
        new SummaryDto(c.Summary.CustomerWants, c.Summary.Tried, c.Summary.Status, c.Summary.NextStep),
        c.Articles.Select(ToDto).ToList(),
        c.Macros.Select(ToDto).ToList(),
        c.SimilarTickets.Select(ToDto).ToList(),
        c.Matches,
        new LanguageDto(c.Language.Code, Math.Round(c.Language.Confidence, 3)),
        c.Warnings.Select(ToDto).ToList(),
        c.Handoff,
        c.Provider,
        cached,
        c.Thread.LatestCommentId,
        c.GeneratedAt)
    {
        Stale = staleReason is not null,
        StaleReason = staleReason,
        Procedures = c.Procedure is { } m ? [m.Procedure.ToDto() with { Score = m.Score, MatchedBy = m.By }] : [],
    };
}
