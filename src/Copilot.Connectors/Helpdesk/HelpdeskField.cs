namespace Copilot.Connectors.Helpdesk;

/// <summary>How a ticket field takes a value, as far as the copilot writes one.</summary>
public enum HelpdeskFieldType
{
    /// <summary>Free text (Zendesk <c>text</c>, <c>textarea</c>; Freshdesk <c>custom_text</c>, <c>custom_paragraph</c>): any string.</summary>
    Text,

    /// <summary>One of its <see cref="HelpdeskField.Options"/> (Zendesk <c>tagger</c>; Freshdesk <c>custom_dropdown</c>): the helpdesk refuses any other value.</summary>
    Dropdown,

    /// <summary>
    /// Any of its <see cref="HelpdeskField.Options"/> at once (Zendesk <c>multiselect</c>). Each option has a tag, and adding
    /// the tag to a ticket selects the option beside those already chosen: the copilot adds an option that way.
    /// </summary>
    MultiSelect,

    /// <summary>Anything else (number, checkbox, date, lookup…): the copilot writes no text into it.</summary>
    Other,
}

/// <summary>A dropdown's or multi-select's option: <see cref="Value"/> is what is written (Zendesk's tag, Freshdesk's choice), <see cref="Label"/> what agents see.</summary>
public sealed record HelpdeskFieldOption(string Value, string Label);

/// <summary>
/// A ticket field's definition as the helpdesk gives it.
/// </summary>
/// <param name="Key">The key a <see cref="TicketChange.CustomFields"/> entry writes it by (Zendesk's field id, Freshdesk's <c>cf_…</c> name).</param>
/// <param name="Title">What agents see it called.</param>
/// <param name="VendorType">The helpdesk's own name of its type (<c>tagger</c>, <c>custom_dropdown</c>…), for messages.</param>
/// <param name="Active">False for a field the helpdesk keeps but no longer shows or takes values for.</param>
public sealed record HelpdeskField(string Key, string Title, HelpdeskFieldType Type, string VendorType, bool Active, IReadOnlyList<HelpdeskFieldOption> Options);
