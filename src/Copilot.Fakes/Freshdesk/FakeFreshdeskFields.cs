using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Copilot.Fakes.Freshdesk;

/// <summary>
/// Ticket fields (<c>GET /api/v2/ticket_fields</c>, optionally <c>?type=…</c>): Freshdesk's own fields, their choices as
/// it gives them (objects), then the account's custom fields (a dropdown's choices a list of strings), in one unpaged list.
/// A ticket update's <c>custom_fields</c> are checked against them as Freshdesk does.
/// </summary>
internal static class FakeFreshdeskFields
{
    public static void Map(IEndpointRouteBuilder app, FakeFreshdeskData data) =>
        app.MapGet("/api/v2/ticket_fields", (HttpContext http) => List(http, data));

    private static IResult List(HttpContext http, FakeFreshdeskData data)
    {
        var type = http.Request.Query["type"].ToString();
        lock (data.Sync)
        {
            var fields = Defaults(data).Concat(data.TicketFields.OrderBy(f => f.Id).Select((f, i) => Shape(f.Id, f.Name, f.Label, f.Type, 100 + i, f.Type == "custom_dropdown" ? f.Choices : null)));
            return FakeFreshdeskTickets.Write(fields.Where(f => type.Length == 0 || (string?)f["type"] == type).ToList());
        }
    }

    /// <summary>
    /// The update's first custom field Freshdesk would refuse, as its 400 <c>Validation failed</c>: a name the account has
    /// no field of (<c>invalid_field</c>), or a dropdown value that is not one of its choices (<c>invalid_value</c>).
    /// </summary>
    public static IResult? Invalid(FakeFreshdeskData data, JsonObject? customFields)
    {
        foreach (var (name, value) in customFields ?? [])
        {
            if (data.TicketFields.FirstOrDefault(f => f.Name == name) is not { } field)
            {
                return Refused(name, "Unexpected/invalid field in request", "invalid_field");
            }
            var text = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString();
            if (field.Type == "custom_dropdown" && text is not null && !field.Choices.Contains(text, StringComparer.Ordinal))
            {
                return Refused(name, $"It should be one of these values: '{string.Join(',', field.Choices)}'", "invalid_value");
            }
        }
        return null;
    }

    private static IResult Refused(string field, string message, string code) => Results.Text(
        JsonSerializer.Serialize(new { description = "Validation failed", errors = new[] { new { field, message, code } } }),
        "application/json; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    private static IEnumerable<Dictionary<string, object?>> Defaults(FakeFreshdeskData data)
    {
        yield return Shape(43000000001, "requester", "Search a requester", "default_requester", 1, null);
        yield return Shape(43000000002, "subject", "Subject", "default_subject", 2, null);
        yield return Shape(43000000003, "ticket_type", "Type", "default_ticket_type", 3, new[] { "Question", "Incident", "Problem", "Feature Request" });
        yield return Shape(43000000004, "source", "Source", "default_source", 4,
            new Dictionary<string, int> { ["Email"] = 1, ["Portal"] = 2, ["Phone"] = 3, ["Chat"] = 7, ["Feedback Widget"] = 9, ["Outbound Email"] = 10 });
        yield return Shape(43000000005, "status", "Status", "default_status", 5, new Dictionary<string, string[]>
        {
            ["2"] = ["Open", "Being Processed"], ["3"] = ["Pending", "Awaiting your Reply"], ["4"] = ["Resolved", "This ticket has been Resolved"], ["5"] = ["Closed", "This ticket has been Closed"],
        });
        yield return Shape(43000000006, "priority", "Priority", "default_priority", 6, new Dictionary<string, int> { ["Low"] = 1, ["Medium"] = 2, ["High"] = 3, ["Urgent"] = 4 });
        yield return Shape(43000000007, "group", "Group", "default_group", 7, data.Groups.DistinctBy(g => g.Name).ToDictionary(g => g.Name, g => g.Id));
        yield return Shape(43000000008, "agent", "Agent", "default_agent", 8, data.Agents.DistinctBy(a => a.Name).ToDictionary(a => a.Name, a => a.Id));
        yield return Shape(43000000009, "description", "Description", "default_description", 9, null);
    }

    private static Dictionary<string, object?> Shape(long id, string name, string label, string type, int position, object? choices)
    {
        var shape = FakeFreshdeskShapes.Stamped(new()
        {
            ["id"] = id,
            ["name"] = name,
            ["label"] = label,
            ["description"] = null,
            ["position"] = position,
            ["required_for_closure"] = false,
            ["required_for_agents"] = name is "requester" or "subject" or "status" or "priority" or "source",
            ["type"] = type,
            ["default"] = type.StartsWith("default_", StringComparison.Ordinal),
            ["customers_can_edit"] = false,
            ["label_for_customers"] = label,
            ["required_for_customers"] = false,
            ["displayed_to_customers"] = false,
        });
        if (choices is not null)
        {
            shape["choices"] = choices;
        }
        return shape;
    }
}
