using System.Globalization;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Freshdesk;

public sealed partial class FreshdeskClient
{
    /// <summary>
    /// One page of Freshdesk's ticket list, tickets updated since <paramref name="since"/>, oldest change first; only
    /// resolved and closed tickets are kept. The list has no status filter; <paramref name="next"/> is the next
    /// page's number, taken from the <c>Link</c> header. A bulk read: holds of the account's budget are waited out.
    /// </summary>
    public async Task<SolvedTicketsPage> ExportSolvedAsync(DateTimeOffset since, string? next, CancellationToken cancellationToken)
    {
        var query = FirstPage(("order_by", "updated_at"), ("order_type", "asc"),
            ("updated_since", since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        if (next is not null)
        {
            query["page"] = next;
        }
        var (body, link) = await PacedAsync(bulk: true,
            () => _transport.GetPageAsync((api, ct) => api.ListTicketsAsync(query, ct), notFoundIsNull: false, cancellationToken), cancellationToken);
        var tickets = body ?? [];
        var solved = tickets
            .Where(t => FreshdeskMapping.IsSolved(t.Status))
            .Select(t => new SolvedTicketHeader(t.Id, t.Subject ?? string.Empty, FreshdeskMapping.Status(t.Status), t.Tags ?? [], t.GroupId, t.CreatedAt, t.UpdatedAt))
            .ToList();
        var following = tickets.Count > 0 && HelpdeskPaging.NextPage(link) is { } page && page.TryGetValue("page", out var number) ? number : null;
        return new SolvedTicketsPage(solved, following, tickets.Count);
    }
}
