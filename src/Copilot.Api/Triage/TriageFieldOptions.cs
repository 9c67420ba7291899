using System.Text.RegularExpressions;

namespace Copilot.Api.Triage;

/// <summary>
/// Where the sidebar writes an applied triage on the ticket (<c>Copilot:Tenants:{id}:TriageFields</c>): the intent in
/// a custom field and/or as a tag, the priority in the ticket's own priority field. Sentiment and language are shown,
/// never written.
/// </summary>
public sealed partial class TriageFieldOptions
{
    public static readonly string[] Priorities = ["low", "normal", "high", "urgent"];

    /// <summary>A ticket field (Zendesk custom field id) whose value is the intent; unset: no field.</summary>
    public long? IntentFieldId { get; set; }

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

    public IEnumerable<string> Validate(string key)
    {
        if (IntentFieldId is <= 0)
        {
            yield return $"{key}:IntentFieldId must be a ticket field id (a positive number).";
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
}
