using System.Globalization;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Zendesk;

/// <summary>Ticket field definitions: one field by its id (<c>GET /api/v2/ticket_fields/{id}</c>).</summary>
public sealed partial class ZendeskClient
{
    public async Task<HelpdeskField?> GetTicketFieldAsync(string key, CancellationToken cancellationToken)
    {
        if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return null;
        }
        var response = await _transport.GetAsync((api, ct) => api.GetTicketFieldAsync(id, ct), notFoundIsNull: true, cancellationToken);
        return response?.TicketField is { } field ? Field(field) : null;
    }

    internal static HelpdeskField Field(ZdTicketField field)
    {
        var type = field.Type ?? "";
        var kind = type switch
        {
            "tagger" => HelpdeskFieldType.Dropdown,
            "multiselect" => HelpdeskFieldType.MultiSelect,
            "text" or "textarea" => HelpdeskFieldType.Text,
            _ => HelpdeskFieldType.Other,
        };
        var options = kind is not (HelpdeskFieldType.Dropdown or HelpdeskFieldType.MultiSelect) ? [] : (field.CustomFieldOptions ?? [])
            .Where(o => !string.IsNullOrEmpty(o.Value))
            .Select(o => new HelpdeskFieldOption(o.Value!, o.Name ?? o.RawName ?? o.Value!))
            .ToList();
        return new HelpdeskField(field.Id.ToString(CultureInfo.InvariantCulture), field.Title ?? $"Field {field.Id}", kind, type, field.Active ?? true, options);
    }
}
