using System.Globalization;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Zendesk;

public sealed partial class ZendeskClient
{
    /// <summary>One search: <c>type:ticket requester:{id}</c>, newest update first.</summary>
    public async Task<IReadOnlyList<TicketListing>> GetRequesterTicketsAsync(long requesterId, int max, CancellationToken cancellationToken)
    {
        if (max <= 0 || requesterId <= 0)
        {
            return [];
        }
        var query = new Dictionary<string, string>
        {
            ["query"] = $"type:ticket requester:{requesterId.ToString(CultureInfo.InvariantCulture)}",
            ["sort_by"] = "updated_at",
            ["sort_order"] = "desc",
            ["per_page"] = Math.Clamp(max, 1, PageSize).ToString(CultureInfo.InvariantCulture),
        };
        var body = await _transport.GetAsync((api, ct) => api.SearchAsync(query, ct), notFoundIsNull: false, cancellationToken);
        return (body?.Results ?? [])
            .Where(t => t.ResultType is null or "ticket")
            .Where(t => t.RequesterId is null || t.RequesterId == requesterId)
            .Select(t => new TicketListing(t.Id, t.Subject ?? t.RawSubject ?? $"Ticket {t.Id}", t.Status ?? "open", t.UpdatedAt == default ? t.CreatedAt : t.UpdatedAt)
            {
                Url = new Uri(_agentTickets, t.Id.ToString(CultureInfo.InvariantCulture)).ToString(),
            })
            .OrderByDescending(t => t.UpdatedAt)
            .Take(max)
            .ToList();
    }
}
