using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Freshdesk;

public sealed partial class FreshdeskClient
{
    /// <summary>
    /// Freshdesk's two writes: <c>PUT /api/v2/tickets/{id}</c> for the fields (its tags replace the ticket's, so the
    /// ticket is read first when tags are added) and <c>POST …/notes</c> with <c>private: true</c> for the note.
    /// </summary>
    public async Task<bool> UpdateTicketAsync(long ticketId, TicketChange change, CancellationToken cancellationToken)
    {
        if (change.SetsFields)
        {
            var body = new Dictionary<string, object>();
            if (change.Priority is { } priority)
            {
                body["priority"] = FreshdeskMapping.PriorityCode(priority);
            }
            if (change.Type is { } type)
            {
                body["type"] = type;
            }
            if (change.Status is { } status && FreshdeskStatuses.Code(status) is { } code)
            {
                body["status"] = code;
            }
            if (change.GroupId is { } group)
            {
                body["group_id"] = group;
            }
            if (change.AssigneeId is { } assignee)
            {
                body["responder_id"] = assignee;
            }
            if (change.CustomFields is { Count: > 0 } fields)
            {
                body["custom_fields"] = fields.ToDictionary(f => f.Key, f => (object)f.Value);
            }
            if (change.AddTags is { Count: > 0 } added)
            {
                var current = await _transport.GetAsync((api, ct) => api.GetTicketAsync(ticketId, ct), notFoundIsNull: true, cancellationToken);
                if (current is null)
                {
                    return false;
                }
                body["tags"] = (current.Tags ?? []).Concat(added).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            }
            if (await _transport.GetAsync((api, ct) => api.UpdateTicketAsync(ticketId, body, ct), notFoundIsNull: true, cancellationToken) is null)
            {
                return false;
            }
        }
        if (change.InternalNote is { } note)
        {
            var body = new Dictionary<string, object> { ["body"] = System.Net.WebUtility.HtmlEncode(note).Replace("\n", "<br>", StringComparison.Ordinal), ["private"] = true };
            return await _transport.GetAsync((api, ct) => api.AddNoteAsync(ticketId, body, ct), notFoundIsNull: true, cancellationToken) is not null;
        }
        return true;
    }
}
