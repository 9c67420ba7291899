using System.Text;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Triage;

/// <summary>What applying triage writes into the intent field: <see cref="Value"/>, which agents see as <see cref="Label"/>.</summary>
/// <param name="AddsOption">
/// The field is a multi-select: <see cref="Value"/> is the option's tag, added to the ticket's tags, which selects the option
/// beside those already chosen rather than replacing them.
/// </param>
public sealed record FieldWrite(string Value, string Label, bool AddsOption = false);

/// <summary>
/// The value an intent takes in the tenant's intent field, by the field's definition, so the helpdesk never gets a value
/// it refuses: a text field takes the intent's name; a dropdown one of its options — the one whose value or label is the
/// intent's name, or whose value is the tag the intent adds — compared without case, spaces, '_' or '-'
/// ("Billing question" and <c>billing_question</c> are one); a multi-select the same option, added beside those chosen;
/// none fits, or an inactive field or one of another type (number, checkbox, date…): nothing.
/// </summary>
public static class IntentFieldValue
{
    public static FieldWrite? For(HelpdeskField? field, string intent, string? tag = null)
    {
        if (field is not { Active: true } || string.IsNullOrWhiteSpace(intent))
        {
            return null;
        }
        if (field.Type == HelpdeskFieldType.Text)
        {
            return new FieldWrite(intent, intent);
        }
        if (field.Type is not (HelpdeskFieldType.Dropdown or HelpdeskFieldType.MultiSelect))
        {
            return null;
        }
        var wanted = Fold(intent);
        var option = field.Options.FirstOrDefault(o => Fold(o.Value) == wanted)
            ?? field.Options.FirstOrDefault(o => Fold(o.Label) == wanted)
            ?? (tag is null ? null : field.Options.FirstOrDefault(o => Fold(o.Value) == Fold(tag)));
        return option is null ? null : new FieldWrite(option.Value, option.Label, AddsOption: field.Type == HelpdeskFieldType.MultiSelect);
    }

    /// <summary>Lower case, without white space, '_' or '-'.</summary>
    internal static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Where(c => !char.IsWhiteSpace(c) && c is not '_' and not '-'))
        {
            folded.Append(char.ToLowerInvariant(c));
        }
        return folded.ToString();
    }
}
