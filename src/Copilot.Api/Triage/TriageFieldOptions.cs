using System.Globalization;
using System.Text.RegularExpressions;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Triage;

/// <summary>
/// Where the sidebar writes an applied triage on the ticket (<c>Copilot:Tenants:{id}:TriageFields</c>): the intent in
/// a custom field and/or as a tag, the priority in the ticket's own priority field. Sentiment and language are shown,
/// never written. The intent's field is named as the tenant's helpdesk keys custom fields: a Zendesk field's id
/// (<see cref="IntentFieldId"/>), a Freshdesk field's name (<see cref="IntentFieldName"/>).
/// </summary>
public sealed partial class TriageFieldOptions
{
    public static readonly string[] Priorities = ["low", "normal", "high", "urgent"];

    /// <summary>Zendesk: the custom ticket field (its id) whose value is the intent; unset: no field.</summary>
    public long? IntentFieldId { get; set; }

    /// <summary>Freshdesk: the custom ticket field (its API name, <c>cf_…</c>) whose value is the intent; unset: no field.</summary>
    public string? IntentFieldName { get; set; }

    /// <summary>The intent field's key as the helpdesk writes it (<see cref="TicketChange.CustomFields"/>), or null.</summary>
    public string? IntentField => IntentFieldId?.ToString(CultureInfo.InvariantCulture) ?? (string.IsNullOrEmpty(IntentFieldName) ? null : IntentFieldName);

    /// <summary>The tag each intent adds (<c>IntentTags:billing = billing_question</c>); an intent not listed adds <see cref="IntentTagPrefix"/> + its name.</summary>
    public Dictionary<string, string> IntentTags { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Prefix of the tag for an intent not in <see cref="IntentTags"/>; empty: such intents add no tag.</summary>
    public string IntentTagPrefix { get; set; } = "intent_";

    /// <summary>Whether applying triage sets the ticket's priority.</summary>
    public bool SetPriority { get; set; } = true;

    /// <summary>The tag an intent adds, or null.</summary>
    public string? TagFor(string intent) =>
        IntentTags.TryGetValue(intent, out var tag) ? tag
        : IntentTagPrefix.Length == 0 || intent is "other" ? null
        : IntentTagPrefix + Tag().Replace(intent.ToLowerInvariant(), "_");

    /// <param name="helpdesk">The tenant's helpdesk (<see cref="HelpdeskKinds"/>): each names its fields its own way.</param>
    public IEnumerable<string> Validate(string key, string helpdesk)
    {
        if (IntentFieldId is <= 0)
        {
            yield return $"{key}:IntentFieldId must be a ticket field id (a positive number).";
        }
        if (IntentFieldName is not null && !FieldName().IsMatch(IntentFieldName))
        {
            yield return $"{key}:IntentFieldName must be a Freshdesk custom field's name as its API gives it: 'cf_' and lower-case letters, digits or '_' (such as cf_intent; was '{IntentFieldName}').";
        }
        if (helpdesk == HelpdeskKinds.Freshdesk && IntentFieldId is not null)
        {
            yield return $"{key}:IntentFieldId is a Zendesk field's id; a Freshdesk tenant names its intent field in {key}:IntentFieldName (such as cf_intent).";
        }
        if (helpdesk == HelpdeskKinds.Zendesk && IntentFieldName is not null)
        {
            yield return $"{key}:IntentFieldName is a Freshdesk field's name; a Zendesk tenant gives its intent field's id in {key}:IntentFieldId.";
        }
        foreach (var (intent, tag) in IntentTags.Where(t => !ValidTag().IsMatch(t.Value)))
        {
            yield return $"{key}:IntentTags:{intent} must be one tag: letters, digits, '_', '-', ':' or '/', at most 80 characters.";
        }
        if (IntentTagPrefix.Length > 0 && !ValidTag().IsMatch(IntentTagPrefix))
        {
            yield return $"{key}:IntentTagPrefix may hold only letters, digits, '_', '-', ':' or '/', at most 80 characters.";
        }
    }

    [GeneratedRegex(@"[^\p{L}\p{N}_\-:/]+")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^[\p{L}\p{N}_\-:/]{1,80}$")]
    private static partial Regex ValidTag();

    [GeneratedRegex(@"^cf_[\p{Ll}\p{N}_]{1,100}$")]
    private static partial Regex FieldName();
}
