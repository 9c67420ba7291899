using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Copilot.Fakes.Zendesk;

/// <summary>
/// Update ticket (<c>PUT /api/v2/tickets/{id}</c>): priority, type, status, group, assignee, <c>tags</c> (replace) and
/// <c>additional_tags</c> (add), <c>custom_fields</c> by id, and a <c>comment</c> (public or an internal note, written by
/// the account's first admin, the API user). Unknown priorities, types and statuses, and a dropdown field's value that is
/// not one of its options, are refused as Zendesk does.
/// </summary>
internal static class FakeZendeskUpdates
{
    private static readonly string[] Priorities = ["low", "normal", "high", "urgent"];
    private static readonly string[] Types = ["problem", "incident", "question", "task"];
    private static readonly string[] Statuses = ["new", "open", "pending", "hold", "solved", "closed"];

    public static async Task<IResult> UpdateAsync(HttpContext http, FakeZendeskData data, string id)
    {
        JsonObject? ticketJson;
        try
        {
            ticketJson = (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted))?["ticket"] as JsonObject;
        }
        catch (JsonException)
        {
            ticketJson = null;
        }
        if (ticketJson is null)
        {
            return Invalid("The request body must be {\"ticket\": {...}}");
        }
        string? Text(string key) => ticketJson[key]?.GetValueKind() == JsonValueKind.String ? ticketJson[key]!.GetValue<string>() : null;
        if (Text("priority") is { } p && !Priorities.Contains(p) || Text("type") is { } t && !Types.Contains(t) || Text("status") is { } s && !Statuses.Contains(s))
        {
            return Invalid("Priority, type or status is not one Zendesk knows");
        }
        lock (data.Sync)
        {
            if (FakeZendeskTickets.TicketId(id) is not { } ticketId || data.Tickets.FirstOrDefault(x => x.Id == ticketId) is not { } ticket)
            {
                return FakeZendeskTickets.Missing();
            }
            if (InvalidOption(data, ticketJson["custom_fields"] as JsonArray) is { } refused)
            {
                return refused;
            }
            ticket.Priority = Text("priority") ?? ticket.Priority;
            ticket.Type = Text("type") ?? ticket.Type;
            ticket.Status = Text("status") ?? ticket.Status;
            ticket.GroupId = ticketJson["group_id"]?.GetValue<long>() ?? ticket.GroupId;
            ticket.AssigneeId = ticketJson["assignee_id"]?.GetValue<long>() ?? ticket.AssigneeId;
            if (ticketJson["tags"] is JsonArray tags)
            {
                ticket.Tags = tags.Select(x => x!.GetValue<string>()).Distinct().ToList();
            }
            if (ticketJson["additional_tags"] is JsonArray added)
            {
                ticket.Tags = ticket.Tags.Concat(added.Select(x => x!.GetValue<string>())).Distinct().ToList();
            }
            foreach (var field in (ticketJson["custom_fields"] as JsonArray ?? []).OfType<JsonObject>())
            {
                ticket.CustomFields[field["id"]!.GetValue<long>()] = field["value"]?.ToString() ?? "";
            }
            ticket.UpdatedAt = DateTimeOffset.UtcNow;
            if (ticketJson["comment"] is JsonObject comment && comment["body"]?.GetValue<string>() is { Length: > 0 } body)
            {
                var author = data.Users.FirstOrDefault(u => u.Role == "admin")?.Id ?? -1;
                data.AddComment(ticket.Id, author, System.Net.WebUtility.HtmlEncode(body), comment["public"]?.GetValue<bool>() ?? true);
            }
            return FakeZendeskTickets.Write(new Dictionary<string, object?> { ["ticket"] = FakeZendeskShapes.Ticket(http.Request, ticket) });
        }
    }

    /// <summary>
    /// A dropdown (<c>tagger</c>) takes one of its options' tags, or nothing: any other value is refused, the whole update
    /// with it, as Zendesk's 422 <c>RecordInvalid</c> with the field named in <c>details</c>.
    /// </summary>
    private static IResult? InvalidOption(FakeZendeskData data, JsonArray? fields)
    {
        foreach (var field in (fields ?? []).OfType<JsonObject>())
        {
            var id = field["id"]?.GetValueKind() == JsonValueKind.Number ? field["id"]!.GetValue<long>() : (long?)null;
            if (data.TicketFields.FirstOrDefault(f => f.Id == id && f.Type == "tagger") is not { } dropdown)
            {
                continue;
            }
            var value = field["value"]?.GetValueKind() == JsonValueKind.String ? field["value"]!.GetValue<string>() : field["value"]?.ToJsonString();
            if (!string.IsNullOrEmpty(value) && dropdown.Options.All(o => o.Value != value))
            {
                var details = new { @base = new[] { new { description = $"{dropdown.Title}: {value} is not a valid value", error = "InvalidValue", field_key = dropdown.Id } } };
                return Results.Text(JsonSerializer.Serialize(new { error = "RecordInvalid", description = "Record validation errors", details }),
                    "application/json; charset=utf-8", statusCode: StatusCodes.Status422UnprocessableEntity);
            }
        }
        return null;
    }

    private static IResult Invalid(string description) => Results.Text(
        JsonSerializer.Serialize(new { error = "RecordInvalid", description }), "application/json; charset=utf-8", statusCode: StatusCodes.Status422UnprocessableEntity);
}
