using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Zendesk;

public sealed partial class ZendeskClient
{
    /// <summary>One <c>PUT /api/v2/tickets/{id}</c>: fields, <c>additional_tags</c>, <c>custom_fields</c> by id, the note as a private comment.</summary>
    public async Task<bool> UpdateTicketAsync(long ticketId, TicketChange change, CancellationToken cancellationToken)
    {
        var body = Body(change);
        var response = await _transport.GetAsync((api, ct) => api.UpdateTicketAsync(ticketId, new() { ["ticket"] = body }, ct), notFoundIsNull: true, cancellationToken);
        return response is not null;
    }

    internal static Dictionary<string, object> Body(TicketChange change)
    {
        var ticket = new Dictionary<string, object>();
        void Set(string key, object? value)
        {
            if (value is not null)
            {
                ticket[key] = value;
            }
        }
        Set("priority", change.Priority);
        Set("type", change.Type);
        Set("status", change.Status);
        Set("group_id", change.GroupId);
        Set("assignee_id", change.AssigneeId);
        if (change.AddTags is { Count: > 0 } tags)
        {
            ticket["additional_tags"] = tags;
        }
        if (change.CustomFields is { Count: > 0 } fields)
        {
            ticket["custom_fields"] = fields.Select(f => new Dictionary<string, object> { ["id"] = long.Parse(f.Key, System.Globalization.CultureInfo.InvariantCulture), ["value"] = f.Value }).ToList();
        }
        if (change.InternalNote is { } note)
        {
            ticket["comment"] = new Dictionary<string, object> { ["body"] = note, ["public"] = false };
        }
        return ticket;
    }
}
