using System.Globalization;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Zendesk;

public sealed partial class ZendeskClient
{
    private static readonly HashSet<string> Solved = new(["solved", "closed"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// One page of Zendesk's cursor-based incremental ticket export: <c>start_time</c> for the first page, the
    /// <c>after_cursor</c> of the page before for the rest, until <c>end_of_stream</c>. Only solved and closed
    /// tickets are kept; deleted ones are left out. Zendesk takes a start time at least a minute in the past (it leaves
    /// out the last minute's changes anyway): a later one starts there, and one in the future finds nothing.
    /// </summary>
    public async Task<SolvedTicketsPage> ExportSolvedAsync(DateTimeOffset since, string? next, CancellationToken cancellationToken)
    {
        var latest = _time.GetUtcNow().AddMinutes(-1);
        if (next is null && since > latest)
        {
            if (since > _time.GetUtcNow())
            {
                return new SolvedTicketsPage([], null, 0);
            }
            since = latest;
        }
        var query = next is null
            ? new Dictionary<string, string> { ["start_time"] = since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) }
            : new Dictionary<string, string> { ["cursor"] = next };
        var response = await _transport.GetAsync((api, ct) => api.ExportTicketsAsync(query, ct), notFoundIsNull: false, cancellationToken);
        var tickets = response?.Tickets ?? [];
        var solved = tickets
            .Where(t => t.Status is { } status && Solved.Contains(status))
            .Select(t => new SolvedTicketHeader(t.Id, t.Subject ?? string.Empty, t.Status!, t.Tags ?? [], t.GroupId, t.CreatedAt, t.UpdatedAt))
            .ToList();
        var more = response is { EndOfStream: false, AfterCursor: { Length: > 0 } } && tickets.Count > 0;
        return new SolvedTicketsPage(solved, more ? response!.AfterCursor : null, tickets.Count);
    }
}
