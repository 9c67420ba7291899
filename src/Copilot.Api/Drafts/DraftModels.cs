using Copilot.Api.Assist;

namespace Copilot.Api.Drafts;

public sealed record CitationDto(string SourceId, string Kind, string Title, string? Url);

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
    string? Reason = null);
