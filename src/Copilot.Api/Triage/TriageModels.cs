using Copilot.Api.Assist;

namespace Copilot.Api.Triage;

public sealed record Labelled(string Value, double Confidence);

public sealed record TriageResult(Labelled Intent, Labelled Sentiment, Labelled Language, Labelled Priority);

public sealed record TriageResponse(
    long TicketId,
    string SuggestionId,
    Labelled Intent,
    Labelled Sentiment,
    Labelled Language,
    Labelled Priority,
    IReadOnlyList<WarningDto> Warnings,
    bool Handoff,
    ProviderDto Provider);
