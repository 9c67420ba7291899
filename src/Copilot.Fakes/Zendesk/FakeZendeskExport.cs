using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Copilot.Fakes.Zendesk;

/// <summary>
/// Incremental ticket export, cursor based (<c>/api/v2/incremental/tickets/cursor.json</c>): the tickets updated at or
/// after <c>start_time</c> (Unix seconds, at least a minute in the past, or a 400), oldest change first, <c>per_page</c> at a time (Zendesk's 1,000 unless
/// asked), then from <c>cursor</c>; <c>after_cursor</c>, <c>after_url</c> and <c>end_of_stream</c> as Zendesk sends them.
/// </summary>
internal static class FakeZendeskExport
{
    private const int DefaultPageSize = 1000;

    public static IResult Tickets(HttpContext http, FakeZendeskData data)
    {
        var query = http.Request.Query;
        long start;
        int offset;
        if (query["cursor"].ToString() is { Length: > 0 } cursor)
        {
            if (Decode(cursor) is not { } position)
            {
                return Invalid("cursor", "The cursor is not valid");
            }
            (start, offset) = position;
        }
        else if (long.TryParse(query["start_time"], NumberStyles.Integer, CultureInfo.InvariantCulture, out start) && start >= 0)
        {
            if (start > DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds())
            {
                return Invalid("start_time", "start_time must be more than one minute in the past");
            }
            offset = 0;
        }
        else
        {
            return Invalid("start_time", "start_time is required and must be a Unix time in seconds");
        }
        var size = int.TryParse(query["per_page"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var asked) && asked is > 0 and <= DefaultPageSize
            ? asked : DefaultPageSize;
        lock (data.Sync)
        {
            var changed = data.Tickets.Where(t => t.UpdatedAt.ToUnixTimeSeconds() >= start).OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id).ToList();
            var page = changed.Skip(offset).Take(size).ToList();
            var end = offset + page.Count >= changed.Count;
            var after = Encode(start, offset + page.Count);
            return FakeZendeskTickets.Write(new Dictionary<string, object?>
            {
                ["tickets"] = page.Select(t => FakeZendeskShapes.Ticket(http.Request, t, data.TicketFields)).ToList(),
                ["after_cursor"] = after,
                ["after_url"] = FakeZendeskShapes.Api(http.Request, "/api/v2/incremental/tickets/cursor.json?cursor=" + Uri.EscapeDataString(after)),
                ["before_cursor"] = null,
                ["before_url"] = null,
                ["end_of_stream"] = end,
            });
        }
    }

    private static IResult Invalid(string field, string description) => Results.Json(
        new Dictionary<string, object?>
        {
            ["error"] = "InvalidValue",
            ["description"] = description,
            ["details"] = new Dictionary<string, object?> { [field] = new[] { new Dictionary<string, string> { ["description"] = description } } },
        },
        statusCode: StatusCodes.Status400BadRequest);

    private static string Encode(long start, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{start}|{offset}")));

    private static (long Start, int Offset)? Decode(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('|');
            return parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var start) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var offset) && offset >= 0
                ? (start, offset) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
