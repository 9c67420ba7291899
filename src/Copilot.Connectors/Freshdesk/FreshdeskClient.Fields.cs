using System.Text.Json;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Freshdesk;

/// <summary>Ticket field definitions: Freshdesk lists them all at once (<c>GET /api/v2/ticket_fields</c>); a field is found by its name.</summary>
public sealed partial class FreshdeskClient
{
    public async Task<HelpdeskField?> GetTicketFieldAsync(string key, CancellationToken cancellationToken)
    {
        var fields = await _transport.GetAsync((api, ct) => api.ListTicketFieldsAsync(ct), notFoundIsNull: false, cancellationToken) ?? [];
        return fields.FirstOrDefault(f => string.Equals(f.Name, key, StringComparison.Ordinal)) is { } field ? Field(field) : null;
    }

    internal static HelpdeskField Field(FdTicketField field)
    {
        var type = field.Type ?? "";
        var kind = type switch
        {
            "custom_dropdown" => HelpdeskFieldType.Dropdown,
            "custom_text" or "custom_paragraph" => HelpdeskFieldType.Text,
            _ => HelpdeskFieldType.Other,
        };
        var options = kind == HelpdeskFieldType.Dropdown ? Choices(field.Choices).DistinctBy(o => o.Value, StringComparer.Ordinal).ToList() : [];
        return new HelpdeskField(field.Name ?? "", field.Label ?? field.Name ?? $"Field {field.Id}", kind, type, Active: true, options);
    }

    /// <summary>
    /// A dropdown's choices: Freshdesk lists strings (the value written is the label shown); objects with a
    /// <c>value</c> (and <c>label</c>), as its admin API gives them, are read too.
    /// </summary>
    private static IEnumerable<HelpdeskFieldOption> Choices(JsonElement choices)
    {
        if (choices.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }
        foreach (var choice in choices.EnumerateArray())
        {
            if (choice.ValueKind == JsonValueKind.String && choice.GetString() is { Length: > 0 } text)
            {
                yield return new HelpdeskFieldOption(text, text);
            }
            else if (choice.ValueKind == JsonValueKind.Object && choice.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: > 0 } written)
            {
                var label = choice.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
                yield return new HelpdeskFieldOption(written, string.IsNullOrEmpty(label) ? written : label);
            }
        }
    }
}
