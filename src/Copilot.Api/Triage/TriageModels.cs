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
    ProviderDto Provider)
{
    /// <summary>Offline: the learned intent model's likeliest intents with their calibrated probabilities (also when the intent is "other"); empty otherwise.</summary>
    public IReadOnlyList<Labelled> IntentCandidates { get; init; } = [];
}
