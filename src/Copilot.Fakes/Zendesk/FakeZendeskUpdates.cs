using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Copilot.Fakes.Zendesk;

/// <summary>
/// Update ticket (<c>PUT /api/v2/tickets/{id}</c>): priority, type, status, group, assignee, <c>tags</c> (replace) and
/// <c>additional_tags</c> (add), <c>custom_fields</c> by id, and a <c>comment</c> (public or an internal note, written by
/// the account's first admin, the API user). Unknown priorities, types and statuses, and a dropdown's or multi-select's
/// value that is not one of its options, are refused as Zendesk does. Tags and those fields follow each other as in
/// Zendesk: choosing an option adds its tag (a dropdown's other options' tags go), and adding an option's tag chooses it.
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
            var before = ticket.Tags.ToHashSet(StringComparer.Ordinal);
            if (ticketJson["tags"] is JsonArray tags)
            {
                ticket.Tags = tags.Select(x => x!.GetValue<string>()).Distinct().ToList();
            }
            if (ticketJson["additional_tags"] is JsonArray added)
            {
                ticket.Tags = ticket.Tags.Concat(added.Select(x => x!.GetValue<string>())).Distinct().ToList();
            }
            KeepOneOptionPerDropdown(data, ticket, ticket.Tags.Where(t => !before.Contains(t)).ToList());
            foreach (var field in (ticketJson["custom_fields"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var fieldId = field["id"]!.GetValue<long>();
                if (data.TicketFields.FirstOrDefault(f => f.Id == fieldId && f.Type is "tagger" or "multiselect") is { } choice)
                {
                    // Choosing options is setting their tags: the field's value is read back from them.
                    var optionTags = choice.Options.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
                    ticket.Tags = ticket.Tags.Where(t => !optionTags.Contains(t)).Concat(Values(field["value"])).Distinct().ToList();
                    continue;
                }
                ticket.CustomFields[fieldId] = field["value"]?.ToString() ?? "";
            }
            ticket.UpdatedAt = DateTimeOffset.UtcNow;
            if (ticketJson["comment"] is JsonObject comment && comment["body"]?.GetValue<string>() is { Length: > 0 } body)
            {
                var author = data.Users.FirstOrDefault(u => u.Role == "admin")?.Id ?? -1;
                data.AddComment(ticket.Id, author, System.Net.WebUtility.HtmlEncode(body), comment["public"]?.GetValue<bool>() ?? true);
            }
            return FakeZendeskTickets.Write(new Dictionary<string, object?> { ["ticket"] = FakeZendeskShapes.Ticket(http.Request, ticket, data.TicketFields) });
        }
    }

    /// <summary>
    /// A dropdown (<c>tagger</c>) takes one of its options' tags, or nothing; a multi-select a list of them, or nothing:
    /// any other value is refused, the whole update with it, as Zendesk's 422 <c>RecordInvalid</c> with the field named in
    /// <c>details</c>.
    /// </summary>
    private static IResult? InvalidOption(FakeZendeskData data, JsonArray? fields)
    {
        foreach (var field in (fields ?? []).OfType<JsonObject>())
        {
            var id = field["id"]?.GetValueKind() == JsonValueKind.Number ? field["id"]!.GetValue<long>() : (long?)null;
            if (data.TicketFields.FirstOrDefault(f => f.Id == id && f.Type is "tagger" or "multiselect") is not { } choice)
            {
                continue;
            }
            var node = field["value"];
            var values = node?.GetValueKind() is JsonValueKind.Array && choice.Type == "multiselect" || node?.GetValueKind() is JsonValueKind.String or JsonValueKind.Null or null
                ? Values(node)
                : [node!.ToJsonString()];
            if (values.FirstOrDefault(v => choice.Options.All(o => o.Value != v)) is { } wrong)
            {
                var details = new { @base = new[] { new { description = $"{choice.Title}: {wrong} is not a valid value", error = "InvalidValue", field_key = choice.Id } } };
                return Results.Text(JsonSerializer.Serialize(new { error = "RecordInvalid", description = "Record validation errors", details }),
                    "application/json; charset=utf-8", statusCode: StatusCodes.Status422UnprocessableEntity);
            }
        }
        return null;
    }

    /// <summary>The options' tags a dropdown's or multi-select's value names: a list (a multi-select's), one tag, or none (null, "").</summary>
    private static List<string> Values(JsonNode? value) =>
        value is JsonArray list ? list.Select(v => v?.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v?.ToJsonString() ?? "").ToList()
        : value?.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } one ? [one]
        : [];

    /// <summary>A dropdown holds one option: a tag just added that is one of its options drops the others' (the last one added wins).</summary>
    private static void KeepOneOptionPerDropdown(FakeZendeskData data, FakeTicket ticket, IReadOnlyList<string> added)
    {
        foreach (var dropdown in data.TicketFields.Where(f => f.Type == "tagger"))
        {
            if (added.LastOrDefault(t => dropdown.Options.Any(o => o.Value == t)) is { } chosen)
            {
                ticket.Tags.RemoveAll(t => t != chosen && dropdown.Options.Any(o => o.Value == t));
            }
        }
    }

    private static IResult Invalid(string description) => Results.Text(
        JsonSerializer.Serialize(new { error = "RecordInvalid", description }), "application/json; charset=utf-8", statusCode: StatusCodes.Status422UnprocessableEntity);
}
