using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Copilot.Fakes.Freshdesk;

/// <summary>
/// Update a ticket (<c>PUT /api/v2/tickets/{id}</c>: priority 1–4, status, type, group, responder, <c>tags</c> replacing
/// the ticket's, <c>custom_fields</c> by name) and create a note (<c>POST /api/v2/tickets/{id}/notes</c>, written by the
/// account's first agent, the API key's owner). A value Freshdesk would refuse — a custom field the account lacks, a
/// dropdown value none of its choices is — is a 400 naming the field, and nothing is changed.
/// </summary>
internal static class FakeFreshdeskUpdates
{
    public static async Task<IResult> UpdateAsync(HttpContext http, FakeFreshdeskData data, string id)
    {
        if (await ReadAsync(http) is not { } body)
        {
            return FakeFreshdeskTickets.Invalid("body", "It should be a JSON object");
        }
        if (body["priority"] is { } p && (p.GetValueKind() != JsonValueKind.Number || p.GetValue<int>() is < 1 or > 4))
        {
            return FakeFreshdeskTickets.Invalid("priority", "It should be one of these values: '1,2,3,4'");
        }
        lock (data.Sync)
        {
            if (FakeFreshdeskTickets.Id(id) is not { } ticketId || data.Tickets.FirstOrDefault(t => t.Id == ticketId) is not { } ticket)
            {
                return FakeFreshdeskTickets.Missing();
            }
            if (FakeFreshdeskFields.Invalid(data, body["custom_fields"] as JsonObject) is { } refused)
            {
                return refused;
            }
            ticket.Priority = body["priority"]?.GetValue<int>() ?? ticket.Priority;
            ticket.Status = body["status"]?.GetValue<int>() ?? ticket.Status;
            ticket.Type = body["type"]?.GetValue<string>() ?? ticket.Type;
            ticket.GroupId = body["group_id"]?.GetValue<long>() ?? ticket.GroupId;
            ticket.ResponderId = body["responder_id"]?.GetValue<long>() ?? ticket.ResponderId;
            if (body["tags"] is JsonArray tags)
            {
                ticket.Tags = tags.Select(t => t!.GetValue<string>()).Distinct().ToList();
            }
            foreach (var (name, value) in body["custom_fields"] as JsonObject ?? [])
            {
                ticket.CustomFields[name] = value?.ToString() ?? "";
            }
            ticket.UpdatedAt = DateTimeOffset.UtcNow;
            return FakeFreshdeskTickets.Write(FakeFreshdeskShapes.Ticket(ticket, description: true));
        }
    }

    public static async Task<IResult> AddNoteAsync(HttpContext http, FakeFreshdeskData data, string id)
    {
        if (await ReadAsync(http) is not { } body || body["body"]?.GetValue<string>() is not { Length: > 0 } text)
        {
            return FakeFreshdeskTickets.Invalid("body", "It should not be blank");
        }
        lock (data.Sync)
        {
            if (FakeFreshdeskTickets.Id(id) is not { } ticketId || data.Tickets.FirstOrDefault(t => t.Id == ticketId) is not { } ticket)
            {
                return FakeFreshdeskTickets.Missing();
            }
            var now = DateTimeOffset.UtcNow;
            var note = new FakeFdConversation
            {
                Id = data.Tickets.SelectMany(t => t.Conversations).Select(c => c.Id).DefaultIfEmpty(ticketId * 1000).Max() + 1,
                UserId = data.Agents.FirstOrDefault()?.Id ?? 0,
                Incoming = false,
                Private = body["private"]?.GetValue<bool>() ?? true,
                Body = text,
                CreatedAt = now,
            };
            ticket.Conversations.Add(note);
            ticket.UpdatedAt = now;
            return Results.Json(FakeFreshdeskShapes.Conversation(note, ticket.Id), statusCode: StatusCodes.Status201Created);
        }
    }

    private static async Task<JsonObject?> ReadAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
