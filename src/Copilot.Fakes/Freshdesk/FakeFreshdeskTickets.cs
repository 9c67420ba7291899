using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Copilot.Fakes.Freshdesk;

/// <summary>Tickets: view a ticket (with includes), list its conversations, list tickets.</summary>
internal static class FakeFreshdeskTickets
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null };
    private static readonly string[] TicketIncludes = ["conversations", "requester", "company", "stats"];
    private static readonly string[] ListIncludes = ["requester", "description", "stats"]; // the list embeds no company (a single ticket does)

    public static void Map(IEndpointRouteBuilder app, FakeFreshdeskData data, TimeProvider time)
    {
        app.MapGet("/api/v2/tickets/{id}", (HttpContext http, string id) => Show(http, data, id));
        app.MapGet("/api/v2/tickets/{id}/conversations", (HttpContext http, string id) => Conversations(http, data, id));
        app.MapGet("/api/v2/tickets", (HttpContext http) => List(http, data, time));
        app.MapPut("/api/v2/tickets/{id}", (HttpContext http, string id) => FakeFreshdeskUpdates.UpdateAsync(http, data, id));
        app.MapPost("/api/v2/tickets/{id}/notes", (HttpContext http, string id) => FakeFreshdeskUpdates.AddNoteAsync(http, data, id));
    }

    internal static IResult Write(object body) => Results.Json(body, Json, "application/json; charset=utf-8");

    /// <summary>Freshdesk answers an unknown record with a bare 404.</summary>
    internal static IResult Missing() => Results.StatusCode(StatusCodes.Status404NotFound);

    internal static IResult Invalid(string field, string message) => Results.Text(
        JsonSerializer.Serialize(new { description = "Validation failed", errors = new[] { new { field, message, code = "invalid_value" } } }),
        "application/json; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    internal static long? Id(string id) => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <returns>The includes asked for, or null when one is not among <paramref name="allowed"/>.</returns>
    private static HashSet<string>? Includes(HttpRequest request, string[] allowed)
    {
        var asked = request.Query["include"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        return asked.All(allowed.Contains) ? asked : null;
    }

    private static IResult Show(HttpContext http, FakeFreshdeskData data, string id)
    {
        if (Includes(http.Request, TicketIncludes) is not { } includes)
        {
            return Invalid("include", $"It should be one of these values: '{string.Join(',', TicketIncludes)}'");
        }
        lock (data.Sync)
        {
            if (Id(id) is not { } ticketId || data.Tickets.FirstOrDefault(t => t.Id == ticketId) is not { } ticket)
            {
                return Missing();
            }
            var body = FakeFreshdeskShapes.Ticket(ticket, description: true);
            if (includes.Contains("requester"))
            {
                body["requester"] = data.Contacts.FirstOrDefault(c => c.Id == ticket.RequesterId) is { } requester ? FakeFreshdeskShapes.Requester(requester) : null;
            }
            if (includes.Contains("conversations"))
            {
                // Only the oldest ten.
                body["conversations"] = Ordered(ticket).Take(10).Select(c => FakeFreshdeskShapes.Conversation(c, ticket.Id)).ToList();
            }
            return Write(body);
        }
    }

    private static IResult Conversations(HttpContext http, FakeFreshdeskData data, string id)
    {
        lock (data.Sync)
        {
            if (Id(id) is not { } ticketId || data.Tickets.FirstOrDefault(t => t.Id == ticketId) is not { } ticket)
            {
                return Missing();
            }
            var page = FakeFreshdeskPaging.Page(http, Ordered(ticket));
            return page is null ? Invalid("page", "It should be a Positive Integer")
                : Write(page.Select(c => FakeFreshdeskShapes.Conversation(c, ticket.Id)).ToList());
        }
    }

    private static List<FakeFdConversation> Ordered(FakeFdTicket ticket) => ticket.Conversations.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToList();

    /// <summary>
    /// Filtered by <c>requester_id</c> when given. Without <c>updated_since</c>, only tickets created in the last 30 days (as Freshdesk does); ordered by
    /// <c>order_by</c> (created_at, updated_at) and <c>order_type</c> (desc unless asc); pages past <see cref="FakeFreshdeskData.MaxTicketListPage"/>
    /// (300, as Freshdesk) are a 400.
    /// </summary>
    private static IResult List(HttpContext http, FakeFreshdeskData data, TimeProvider time)
    {
        var query = http.Request.Query;
        if (Includes(http.Request, ListIncludes) is not { } includes)
        {
            return Invalid("include", $"It should be one of these values: '{string.Join(',', ListIncludes)}'");
        }
        DateTimeOffset? since = null;
        if (query["updated_since"].ToString() is { Length: > 0 } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return Invalid("updated_since", "It should be a valid date in the 'combined date and time ISO8601' format");
            }
            since = parsed;
        }
        lock (data.Sync)
        {
            var recent = time.GetUtcNow().AddDays(-30);
            var requester = query["requester_id"].ToString();
            var hits = data.Tickets.Where(t => since is { } s ? t.UpdatedAt >= s : t.CreatedAt >= recent)
                .Where(t => requester.Length == 0 || t.RequesterId.ToString(CultureInfo.InvariantCulture) == requester);
            Func<FakeFdTicket, DateTimeOffset> key = query["order_by"] == "updated_at" ? t => t.UpdatedAt : t => t.CreatedAt;
            var ordered = (query["order_type"] == "asc" ? hits.OrderBy(key) : hits.OrderByDescending(key)).ThenBy(t => t.Id).ToList();
            if (int.TryParse(query["page"], CultureInfo.InvariantCulture, out var number) && number > data.MaxTicketListPage)
            {
                return Invalid("page", $"It should be a Positive Integer less than or equal to {data.MaxTicketListPage}");
            }
            var page = FakeFreshdeskPaging.Page(http, ordered);
            if (page is null)
            {
                return Invalid("page", "It should be a Positive Integer");
            }
            return Write(page.Select(t =>
            {
                var shape = FakeFreshdeskShapes.Ticket(t, includes.Contains("description"));
                if (includes.Contains("requester"))
                {
                    shape["requester"] = data.Contacts.FirstOrDefault(c => c.Id == t.RequesterId) is { } r ? FakeFreshdeskShapes.Requester(r) : null;
                }
                return shape;
            }).ToList());
        }
    }
}
