using Copilot.Api.Assist;
using Copilot.Api.Models;

namespace Copilot.Api.Drafts;

public sealed record CitationDto(string SourceId, string Kind, string Title, string? Url);

/// <summary>
/// Optional body of a draft request: what the agent wants the reply to cover, and the name of the
/// signed-in agent, which signs the draft and fills the macros' agent placeholders.
/// </summary>
public sealed record DraftRequest(string? Instructions, string? AgentName = null);

/// <summary>status "drafted" carries text and a suggestion id; "withheld" carries the reason no draft was written.</summary>
public sealed record DraftResponse(
    string Status,
    string? SuggestionId,
    string? Text,
    IReadOnlyList<CitationDto> Citations,
    string Language,
    ProviderDto Provider,
    IReadOnlyList<WarningDto> Warnings,
    string Label,
    string? Reason = null,
    IReadOnlyList<string>? Flags = null,
    UsageDto? Usage = null);

/// <summary>What a draft stream says, in order: the sources, text deltas, then the finished draft.</summary>
public abstract record DraftEvent;

public sealed record DraftSourcesEvent(IReadOnlyList<CitationDto> Sources) : DraftEvent;

public sealed record DraftDeltaEvent(string Text) : DraftEvent;

public sealed record DraftDoneEvent(DraftResponse Response) : DraftEvent;
