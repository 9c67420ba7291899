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
    /// <summary>Where applying this triage writes on the ticket (the tenant's mapping), for the values shown or the agent's changes.</summary>
    public TriageTargetsDto ApplyTo { get; init; } = TriageTargetsDto.None;

    /// <summary>Offline: the learned intent model's likeliest intents with their calibrated probabilities (also when the intent is "other"); empty otherwise.</summary>
    public IReadOnlyList<Labelled> IntentCandidates { get; init; } = [];
}

/// <summary>
/// Where an applied triage goes: the intent into <see cref="IntentFieldId"/> (when set) and as the tag
/// <see cref="IntentTags"/> names for it (one per intent the agent can choose), the priority into the ticket's
/// priority when <see cref="Priority"/>.
/// </summary>
public sealed record TriageTargetsDto(long? IntentFieldId, IReadOnlyDictionary<string, string> IntentTags, bool Priority, IReadOnlyList<string> Priorities)
{
    public static readonly TriageTargetsDto None = new(null, new Dictionary<string, string>(), false, TriageFieldOptions.Priorities);

    public static TriageTargetsDto For(TriageFieldOptions options, IEnumerable<string> intents) => new(
        options.IntentFieldId,
        intents.Distinct(StringComparer.Ordinal).Select(i => (i, Tag: options.TagFor(i))).Where(x => x.Tag is not null)
            .ToDictionary(x => x.i, x => x.Tag!, StringComparer.Ordinal),
        options.SetPriority,
        TriageFieldOptions.Priorities);
}
