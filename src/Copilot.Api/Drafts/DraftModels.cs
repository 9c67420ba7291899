using Copilot.Api.Assist;
using Copilot.Api.Drafts.Offline;
using Copilot.Api.Knowledge;
using Copilot.Api.ModelTasks;
using Copilot.Api.Vocabulary;

namespace Copilot.Api.Drafts;

/// <summary>
/// A source an answer or draft cites. Knowledge (an article, macro, past reply or document) is opened by its link; a
/// <c>lookup</c> the model ran while answering a question carries <see cref="RanAt"/> and the answer it read
/// (<see cref="Text"/>), which exists nowhere else: it is kept with that answer only.
/// </summary>
public sealed record CitationDto(string SourceId, [property: WireEnum(typeof(SourceKind))] string Kind, string Title, string? Url)
{
    /// <summary>A lookup's: when it ran.</summary>
    public DateTimeOffset? RanAt { get; init; }

    /// <summary>A lookup's: what it answered (the agent may insert it).</summary>
    public string? Text { get; init; }
}

/// <summary>
/// Optional body of a draft request: what the agent wants the reply to cover, and the name of the
/// signed-in agent, which signs the draft and fills the macros' agent placeholders.
/// </summary>
public sealed record DraftRequest(string? Instructions = null, string? AgentName = null);

/// <summary>A sentence a source addresses to agents (a guideline or procedure step): shown to the agent, never part of the draft.</summary>
public sealed record GuidanceDto(string Text, string SourceId, [property: WireEnum(typeof(SourceKinds), nameof(SourceKinds.IndexedNames))] string Kind, string Title, string? Url);

/// <summary>
/// How a colleague solved a similar case: a past reply (its case specifics already replaced by placeholders such as
/// <c>[name]</c>), with a link to that ticket in the helpdesk. For the agent to read, not to paste.
/// </summary>
public sealed record ColleagueCaseDto(string SourceId, string Title, string? Url, string Excerpt);

/// <summary>
/// status "drafted" carries text and a suggestion id; "withheld" carries the reason no draft was written.
/// <see cref="DraftKind"/> (offline drafts): "answer", "holding" (nothing relevant found: it asks for details),
/// "acknowledgement" (the customer says it is solved: no reply needed), "other-language" (the only source is in
/// another language: the draft offers its link), "follow-up" (our answer is the last message: a check-in) or "closed" (our answer closed the conversation: the ticket
/// is solved, or it answered the customer's thanks; only an offer of more help) or "feedback" (the customer makes a suggestion for
/// the product, or a new ticket only thanks or praises, and leaves nothing else to answer: thanks, and that it will be passed on). <see cref="Guidance"/> and <see cref="ColleagueCases"/> are for the
/// agent and are never part of <see cref="Text"/>. <see cref="FlagDetails"/> holds one entry per entry of
/// <see cref="Flags"/>, in the same order: the code, the promise's kind, the words it is about and the same reason.
/// </summary>
public sealed record DraftResponse(
    [property: WireEnum(typeof(DraftStatus))] string Status,
    string? SuggestionId,
    string? Text,
    IReadOnlyList<CitationDto> Citations,
    string Language,
    ProviderDto Provider,
    IReadOnlyList<WarningDto> Warnings,
    string Label,
    string? Reason = null,
    IReadOnlyList<string>? Flags = null,
    UsageDto? Usage = null,
    [property: WireEnum(typeof(Offline.DraftKind))] string? DraftKind = null,
    IReadOnlyList<GuidanceDto>? Guidance = null,
    IReadOnlyList<ColleagueCaseDto>? ColleagueCases = null,
    IReadOnlyList<DraftFlag>? FlagDetails = null)
{
    /// <summary>The team's procedures for the ticket's intent that the draft follows (and so cites); null when none applies.</summary>
    public IReadOnlyList<MatchedProcedureDto>? Procedures { get; init; }

    /// <summary>
    /// An offline answer from a source the embedding model found close to the question though it shares few of its words (a
    /// paraphrase): the agent should check that it answers what was asked. False for every other draft.
    /// </summary>
    public bool FoundByMeaning { get; init; }
}

/// <summary>Whether a draft was written (<c>drafted</c>) or a boundary rule kept the ticket from it (<c>withheld</c>).</summary>
public enum DraftStatus { Drafted, Withheld }

/// <summary>What a draft stream says, in order: the sources, text deltas, then the finished draft.</summary>
public abstract record DraftEvent;

public sealed record DraftSourcesEvent(IReadOnlyList<CitationDto> Sources) : DraftEvent;

public sealed record DraftDeltaEvent(string Text) : DraftEvent;

public sealed record DraftDoneEvent(DraftResponse Response) : DraftEvent;

/// <summary>A draft worked out without recording it (<see cref="DraftService.ComposeAsync"/>); <see cref="Text"/> null: withheld by a handoff rule.</summary>
public sealed record ComposedDraft(
    string? Text,
    IReadOnlyList<Knowledge.KnowledgeHit> Sources,
    IReadOnlyList<Knowledge.KnowledgeHit> Cited,
    IReadOnlyList<DraftFlag> Flags,
    Assist.ProviderDto Provider,
    string? Kind);
