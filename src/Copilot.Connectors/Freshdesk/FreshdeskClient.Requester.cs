using System.Globalization;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Freshdesk;

public sealed partial class FreshdeskClient
{
    /// <summary>One call: the ticket list filtered by <c>requester_id</c>, every date (Freshdesk lists 30 days unless asked), newest update first.</summary>
    public async Task<IReadOnlyList<TicketListing>> GetRequesterTicketsAsync(long requesterId, int max, CancellationToken cancellationToken)
    {
        if (max <= 0 || requesterId <= 0)
        {
            return [];
        }
        var query = FirstPage(("requester_id", requesterId.ToString(CultureInfo.InvariantCulture)), ("order_by", "updated_at"), ("order_type", "desc"), ("updated_since", AllTickets));
        query["per_page"] = Math.Clamp(max, 1, PageSize).ToString(CultureInfo.InvariantCulture);
        var (tickets, _) = await _transport.GetPageAsync((api, ct) => api.ListTicketsAsync(query, ct), notFoundIsNull: false, cancellationToken);
        return (tickets ?? [])
            .Where(t => t.RequesterId is null || t.RequesterId == requesterId)
            .Select(t => new TicketListing(t.Id, string.IsNullOrWhiteSpace(t.Subject) ? $"Ticket {t.Id}" : t.Subject, FreshdeskMapping.Status(t.Status), t.UpdatedAt)
            {
                Url = new Uri(_portal, $"a/tickets/{FreshdeskMapping.Id(t.Id)}").ToString(),
            })
            .OrderByDescending(t => t.UpdatedAt)
            .Take(max)
            .ToList();
    }
}
