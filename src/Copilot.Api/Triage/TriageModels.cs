using Copilot.Api.Assist;
using Copilot.Connectors.Helpdesk;

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
/// Where an applied triage goes: the intent into <see cref="IntentField"/> (when the tenant names one and it takes the
/// intent) and as the tag <see cref="IntentTags"/> names for it (one per intent the agent can choose), the priority into
/// the ticket's priority when <see cref="Priority"/>.
/// </summary>
public sealed record TriageTargetsDto(IntentFieldDto? IntentField, IReadOnlyDictionary<string, string> IntentTags, bool Priority, IReadOnlyList<string> Priorities)
{
    public static readonly TriageTargetsDto None = new(null, new Dictionary<string, string>(), false, TriageFieldOptions.Priorities);

    /// <param name="field">The tenant's intent field as the helpdesk defines it; null when it names none, or the helpdesk has no such field or could not say.</param>
    public static TriageTargetsDto For(TriageFieldOptions options, IEnumerable<string> intents, HelpdeskField? field)
    {
        var choices = intents.Distinct(StringComparer.Ordinal).ToList();
        return new(
            IntentFieldDto.For(options, choices, field),
            choices.Select(i => (i, Tag: options.TagFor(i))).Where(x => x.Tag is not null).ToDictionary(x => x.i, x => x.Tag!, StringComparer.Ordinal),
            options.SetPriority,
            TriageFieldOptions.Priorities);
    }
}

/// <summary>
/// The tenant's intent field and, for each intent the agent can choose that it takes, exactly what applying writes into
/// it (<see cref="IntentFieldValue"/>, as the field action does): a dropdown's option, a text field's intent name. An
/// intent missing from <see cref="Values"/> writes no field; <c>other</c> never does.
/// </summary>
/// <param name="Key">The field as the helpdesk keys it: Zendesk's custom field id, Freshdesk's <c>cf_…</c> name.</param>
/// <param name="Title">What agents see the field called.</param>
public sealed record IntentFieldDto(string Key, string Title, IReadOnlyDictionary<string, FieldWrite> Values)
{
    /// <returns>null when the tenant names no field, the helpdesk did not describe it, or it takes none of the intents.</returns>
    public static IntentFieldDto? For(TriageFieldOptions options, IEnumerable<string> intents, HelpdeskField? field)
    {
        if (options.IntentField is not { } key || field is null)
        {
            return null;
        }
        var values = intents.Where(i => i != "other")
            .Select(i => (Intent: i, Write: IntentFieldValue.For(field, i, options.TagFor(i))))
            .Where(x => x.Write is not null)
            .ToDictionary(x => x.Intent, x => x.Write!, StringComparer.Ordinal);
        return values.Count == 0 ? null : new IntentFieldDto(key, field.Title, values);
    }
}
