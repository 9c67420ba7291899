using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Copilot.Fakes.Zendesk;

/// <summary>Support API: show ticket, list comments, search, show ticket field.</summary>
internal static class FakeZendeskTickets
{
    public const string NotFound = """{"error":"RecordNotFound","description":"Not found"}""";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null };

    public static void Map(IEndpointRouteBuilder app, FakeZendeskData data)
    {
        app.MapGet("/api/v2/tickets/{id}", (HttpContext http, string id) => ShowTicket(http, data, id));
        app.MapGet("/api/v2/tickets/{id}/comments", (HttpContext http, string id) => ListComments(http, data, id));
        app.MapGet("/api/v2/search", (HttpContext http) => Search(http, data));
        app.MapGet("/api/v2/incremental/tickets/cursor.json", (HttpContext http) => FakeZendeskExport.Tickets(http, data));
        app.MapPut("/api/v2/tickets/{id}", (HttpContext http, string id) => FakeZendeskUpdates.UpdateAsync(http, data, id));
        app.MapGet("/api/v2/tickets/{id}/macros/{macroId}/apply", (HttpContext http, string id, string macroId) => TicketAfterMacro(data, id, macroId));
        app.MapGet("/api/v2/ticket_fields/{id}", (HttpContext http, string id) => ShowTicketField(http, data, id));
    }

    /// <summary>Show Ticket Field: a custom field of the account by id.</summary>
    private static IResult ShowTicketField(HttpContext http, FakeZendeskData data, string id)
    {
        lock (data.Sync)
        {
            return TicketId(id) is { } fieldId && data.TicketFields.FirstOrDefault(f => f.Id == fieldId) is { } field
                ? Write(new Dictionary<string, object?> { ["ticket_field"] = FakeZendeskShapes.TicketField(http.Request, field) })
                : Missing();
        }
    }

    /// <summary>
    /// Show Ticket After Changes: the ticket as the macro would leave it, nothing changed. Ticket placeholders are
    /// filled in; <c>{{current_user.…}}</c> is left for the agent who applies it, as the agent's workspace fills it.
    /// </summary>
    private static IResult TicketAfterMacro(FakeZendeskData data, string id, string macroId)
    {
        lock (data.Sync)
        {
            var ticket = TicketId(id) is { } ticketId ? data.Tickets.FirstOrDefault(t => t.Id == ticketId) : null;
            var macro = TicketId(macroId) is { } mId ? data.Macros.FirstOrDefault(m => m.Id == mId && m.Active) : null;
            if (ticket is null || macro is null)
            {
                return Missing();
            }
            var requester = data.Users.FirstOrDefault(u => u.Id == ticket.RequesterId)?.Name ?? "";
            var comment = macro.Comment
                .Replace("{{ticket.requester.first_name}}", requester.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "", StringComparison.Ordinal)
                .Replace("{{ticket.requester.name}}", requester, StringComparison.Ordinal)
                .Replace("{{ticket.id}}", ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var after = new Dictionary<string, object?>
            {
                ["id"] = ticket.Id,
                ["status"] = macro.Status ?? ticket.Status,
                ["tags"] = macro.SetTags.Count > 0 ? macro.SetTags : ticket.Tags,
                ["group_id"] = null,
                ["assignee_id"] = ticket.AssigneeId,
                ["comment"] = string.IsNullOrEmpty(comment) ? null : new Dictionary<string, object?> { ["body"] = FakeZendeskShapes.PlainText(comment), ["public"] = true },
            };
            return Write(new Dictionary<string, object?> { ["result"] = new Dictionary<string, object?> { ["ticket"] = after } });
        }
    }

    internal static IResult Write(object body) => Results.Json(body, Json, "application/json; charset=utf-8");

    internal static IResult Missing() => Results.Text(NotFound, "application/json; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    private static bool Includes(HttpRequest request, string what) =>
        request.Query["include"].ToString().Split(',', StringSplitOptions.TrimEntries).Contains(what);

    internal static long? TicketId(string id) => long.TryParse(id.EndsWith(".json") ? id[..^5] : id, out var value) ? value : null;

    private static IResult ShowTicket(HttpContext http, FakeZendeskData data, string id)
    {
        lock (data.Sync)
        {
            var ticket = TicketId(id) is { } ticketId ? data.Tickets.FirstOrDefault(t => t.Id == ticketId) : null;
            if (ticket is null)
            {
                return Missing();
            }
            var body = new Dictionary<string, object?> { ["ticket"] = FakeZendeskShapes.Ticket(http.Request, ticket, data.TicketFields) };
            if (Includes(http.Request, "users"))
            {
                var ids = new HashSet<long> { ticket.RequesterId };
                if (ticket.AssigneeId is { } assignee)
                {
                    ids.Add(assignee);
                }
                body["users"] = Users(http.Request, data, ids);
            }
            return Write(body);
        }
    }

    private static IResult ListComments(HttpContext http, FakeZendeskData data, string id)
    {
        lock (data.Sync)
        {
            var ticket = TicketId(id) is { } ticketId ? data.Tickets.FirstOrDefault(t => t.Id == ticketId) : null;
            if (ticket is null)
            {
                return Missing();
            }
            var descending = http.Request.Query["sort"] == "-created_at" || http.Request.Query["sort_order"] == "desc";
            var ordered = (descending ? ticket.Comments.OrderByDescending(c => c.CreatedAt) : ticket.Comments.OrderBy(c => c.CreatedAt)).ThenBy(c => c.Id).ToList();
            if (FakeZendeskPaging.Page(http.Request, ordered, FakeZendeskPaging.MaxPageSize) is not (var page, var paging))
            {
                return FakeZendeskPaging.InvalidCursor();
            }
            var body = new Dictionary<string, object?>(paging) { ["comments"] = page.Select(FakeZendeskShapes.Comment).ToList() };
            if (Includes(http.Request, "users"))
            {
                body["users"] = Users(http.Request, data, page.Select(c => c.AuthorId).ToHashSet());
            }
            return Write(body);
        }
    }

    private static List<Dictionary<string, object?>> Users(HttpRequest request, FakeZendeskData data, HashSet<long> ids) =>
        data.Users.Where(u => ids.Contains(u.Id)).Select(u => FakeZendeskShapes.User(request, u)).ToList();

    private const int MaxSearchResults = 1000;

    private static readonly string[] StatusOrder = ["new", "open", "pending", "hold", "solved", "closed"];

    /// <summary>A status term ("status:solved", "status&gt;=solved"…) as a test of a ticket's status; null for any other term.</summary>
    private static Func<string, bool>? StatusTerm(string term)
    {
        var m = System.Text.RegularExpressions.Regex.Match(term, "^status(:|>=|<=|>|<)([a-z]+)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        if (!m.Success)
        {
            return null;
        }
        var bound = Array.IndexOf(StatusOrder, m.Groups[2].Value.ToLowerInvariant());
        return m.Groups[1].Value switch
        {
            ":" => s => Array.IndexOf(StatusOrder, s.ToLowerInvariant()) == bound,
            ">=" => s => Array.IndexOf(StatusOrder, s.ToLowerInvariant()) >= bound,
            ">" => s => Array.IndexOf(StatusOrder, s.ToLowerInvariant()) > bound,
            "<=" => s => Array.IndexOf(StatusOrder, s.ToLowerInvariant()) <= bound,
            _ => s => Array.IndexOf(StatusOrder, s.ToLowerInvariant()) < bound,
        };
    }

    /// <summary>
    /// Understands "type:ticket", "status:x" (and "status&gt;=x", "status&gt;x", "status&lt;x", "status&lt;=x" in Zendesk's order of
    /// statuses), "requester:{user id}" and free words matched against subjects; like Zendesk, it answers at most 1,000 results
    /// (a page past them is a 422).
    /// </summary>
    private static IResult Search(HttpContext http, FakeZendeskData data)
    {
        var query = http.Request.Query["query"].ToString();
        if (string.IsNullOrWhiteSpace(query))
        {
            return Results.Text("""{"error":"invalid","description":"The query parameter is required"}""", "application/json; charset=utf-8", statusCode: 400);
        }
        var terms = query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var type = terms.FirstOrDefault(t => t.StartsWith("type:", StringComparison.OrdinalIgnoreCase))?[5..];
        var status = terms.Select(StatusTerm).OfType<Func<string, bool>>().FirstOrDefault();
        var requester = terms.FirstOrDefault(t => t.StartsWith("requester:", StringComparison.OrdinalIgnoreCase))?[10..];
        var words = terms.Where(t => !t.Contains(':') && StatusTerm(t) is null).ToList();
        lock (data.Sync)
        {
            IEnumerable<FakeTicket> hits = type is null or "ticket" ? data.Tickets : [];
            hits = hits.Where(t => status is null || status(t.Status))
                .Where(t => requester is null || t.RequesterId.ToString(System.Globalization.CultureInfo.InvariantCulture) == requester)
                .Where(t => words.All(w => t.Subject.Contains(w, StringComparison.OrdinalIgnoreCase)));
            var descending = http.Request.Query["sort_order"] != "asc";
            Func<FakeTicket, DateTimeOffset> key = http.Request.Query["sort_by"] == "created_at" ? t => t.CreatedAt : t => t.UpdatedAt;
            var ordered = (descending ? hits.OrderByDescending(key) : hits.OrderBy(key)).ThenBy(t => t.Id).ToList();
            if (int.TryParse(http.Request.Query["page"], out var asked) && (asked - 1) * data.SearchPageSize >= MaxSearchResults)
            {
                return Results.Text("""{"error":"invalid","description":"Invalid search: Requested response size was greater than Search Response Limits"}""",
                    "application/json; charset=utf-8", statusCode: 422);
            }
            var (page, paging) = FakeZendeskPaging.Offset(http.Request, ordered.Take(MaxSearchResults).ToList(), data.SearchPageSize);
            var results = page.Select(t =>
            {
                var shape = FakeZendeskShapes.Ticket(http.Request, t, data.TicketFields);
                shape["result_type"] = "ticket";
                return shape;
            }).ToList();
            return Write(new Dictionary<string, object?>(paging) { ["results"] = results, ["facets"] = null });
        }
    }
}
