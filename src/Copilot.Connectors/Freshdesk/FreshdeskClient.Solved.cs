using Copilot.Connectors.Helpdesk;
using Copilot.Connectors.Text;

namespace Copilot.Connectors.Freshdesk;

/// <summary>Resolved and closed tickets with their public agent replies, for past replies and intent learning.</summary>
public sealed partial class FreshdeskClient
{
    /// <summary>Freshdesk lists only the last 30 days' tickets unless asked for tickets updated since a date.</summary>
    private const string AllTickets = "2000-01-01T00:00:00Z";

    /// <summary>Tickets listed, newest first, before the search for solved ones gives up.</summary>
    private const int MaxListedPerSolved = 10;

    public async Task<IReadOnlyList<SolvedTicket>> GetSolvedTicketsAsync(int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return [];
        }
        // The list has no status filter; the requester and description come with it (one extra credit each).
        var first = FirstPage(("include", "requester,description"), ("order_by", "updated_at"), ("order_type", "desc"), ("updated_since", AllTickets));
        var listed = await ReadAllAsync<FdTicket>((api, page, ct) => api.ListTicketsAsync(page, ct), notFoundIsNull: false, bulk: true, cancellationToken, first,
            enough: read => read.Count(t => FreshdeskMapping.IsSolved(t.Status)) >= max || read.Count >= max * MaxListedPerSolved) ?? [];
        // A bulk read like the rest: a hold that falls just before the agents are read is waited out.
        var agents = await PacedAsync(bulk: true, () => AgentsAsync(cancellationToken), cancellationToken);
        var solved = new List<SolvedTicket>();
        foreach (var ticket in listed.Where(t => FreshdeskMapping.IsSolved(t.Status)).DistinctBy(t => t.Id).Take(max))
        {
            var conversations = await ReadAllAsync<FdConversation>((api, page, ct) => api.GetConversationsAsync(ticket.Id, page, ct),
                notFoundIsNull: true, bulk: true, cancellationToken);
            if (conversations is not null)
            {
                solved.Add(Solved(ticket, conversations, agents));
            }
        }
        return solved;
    }

    private SolvedTicket Solved(FdTicket ticket, List<FdConversation> conversations, IReadOnlyDictionary<long, FdAgent> agents)
    {
        var requester = FreshdeskMapping.Requester(ticket);
        var comments = FreshdeskMapping.Thread(ticket, requester, conversations, agents);
        var customer = comments.Where(c => c.Public && c.Author.Role == AuthorRole.Customer).Select(c => c.Text).Where(t => t.Length > 0);
        var replies = comments.Where(c => c.Public && c.Author.Role == AuthorRole.Agent && c.Author.Id != requester.Id)
            .Select(c => AuthorLine.Remove(c.Text, c.Author.Name)).Where(t => t.Length > 0).ToList();
        var people = comments.Select(c => c.Author.Name).Prepend(requester.Name)
            .Where(n => !n.StartsWith("User ", StringComparison.Ordinal)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var url = new Uri(_portal, $"a/tickets/{FreshdeskMapping.Id(ticket.Id)}").ToString();
        return new SolvedTicket(ticket.Id, ticket.Subject ?? string.Empty, string.Join("\n\n", customer), replies, ticket.UpdatedAt, people, url)
        {
            Tags = ticket.Tags ?? [],
        };
    }
}
