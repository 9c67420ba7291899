using System.Globalization;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Zendesk;

/// <summary>
/// One tenant's Zendesk account: tickets, Help Center articles and macros, users and the app's
/// signing key, all through the same <see cref="IZendeskApi"/> transport. A typical ticket costs
/// two calls: the ticket with its users sideloaded, and one page of comments.
/// </summary>
public sealed partial class ZendeskClient : IHelpdeskClient, IHelpdeskAccountDirectory
{
    /// <summary>Zendesk's largest page for cursor-paged lists.</summary>
    internal const int PageSize = 100;

    private const int MaxPages = HelpdeskPaging.MaxPages;

    /// <summary>Search answers at most this many results; asking for a page past them is a 422.</summary>
    public const int MaxSearchResults = 1000;

    private readonly HelpdeskTransport<IZendeskApi> _transport;
    private readonly ZendeskClientOptions _options;
    private readonly TimeProvider _time;
    private readonly Uri _agentTickets;

    internal ZendeskClient(IZendeskApi api, HelpdeskConnection connection, ZendeskClientOptions options, TimeProvider time)
    {
        _transport = new HelpdeskTransport<IZendeskApi>(api, ZendeskClientFactory.Kind, "Zendesk", options, time, ZendeskErrors.Parse);
        _options = options;
        _time = time;
        _agentTickets = new Uri(connection.BaseUrl, "/agent/tickets/");
    }

    public string Kind => ZendeskClientFactory.Kind;

    public async Task<HelpdeskThread?> GetThreadAsync(long ticketId, CancellationToken cancellationToken)
    {
        var response = await _transport.GetAsync((api, ct) => api.GetTicketAsync(ticketId, ct), notFoundIsNull: true, cancellationToken);
        if (response?.Ticket is not { } ticket)
        {
            return null;
        }
        var users = new Dictionary<long, HelpdeskUser>();
        ZendeskMapping.AddUsers(users, response.Users);
        var requesterId = ticket.RequesterId ?? 0;
        var requester = users.GetValueOrDefault(requesterId) ?? new HelpdeskUser(requesterId, $"User {requesterId}", null, AuthorRole.Customer, null);
        var comments = await GetCommentsAsync(ticketId, users, requester, cancellationToken);
        return comments is null ? null : new HelpdeskThread(ZendeskMapping.Ticket(ticket, requester), comments);
    }

    public async Task<MacroPreview?> PreviewMacroAsync(long ticketId, long macroId, CancellationToken cancellationToken)
    {
        var response = await _transport.GetAsync((api, ct) => api.GetTicketAfterMacroAsync(ticketId, macroId, ct), notFoundIsNull: true, cancellationToken);
        if (response?.Result?.Ticket is not { } after)
        {
            return null;
        }
        var comment = after.Comment?.Body ?? (after.Comment?.HtmlBody is { } html ? Text.HtmlText.ToText(html) : null);
        return new MacroPreview(macroId, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), after.Comment?.Public ?? true,
            after.Status, after.Tags, after.GroupId, after.AssigneeId);
    }

    public async Task<IReadOnlyList<SolvedTicket>> GetSolvedTicketsAsync(int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return [];
        }
        var found = new List<ZdTicket>();
        IDictionary<string, string>? next = new Dictionary<string, string>
        {
            // Solved and closed: Zendesk closes a solved ticket a few days later (4 by default), and it stays an answer.
            ["query"] = "type:ticket status>=solved",
            ["sort_by"] = "updated_at",
            ["sort_order"] = "desc",
        };
        max = Math.Min(max, MaxSearchResults);
        for (var page = 0; next is not null && found.Count < max && page < MaxPages; page++)
        {
            var query = next;
            var response = await _transport.GetAsync((api, ct) => api.SearchAsync(query, ct), notFoundIsNull: false, cancellationToken);
            found.AddRange((response?.Results ?? []).Where(r => r.ResultType is null or "ticket"));
            next = response?.Results is { Count: > 0 } ? HelpdeskPaging.NextPage(response.NextPage) : null;
        }
        var solved = new List<SolvedTicket>();
        foreach (var ticket in found.DistinctBy(t => t.Id).Take(max))
        {
            var users = new Dictionary<long, HelpdeskUser>();
            var requesterId = ticket.RequesterId ?? 0;
            var requester = new HelpdeskUser(requesterId, $"User {requesterId}", null, AuthorRole.Customer, null);
            var comments = await GetCommentsAsync(ticket.Id, users, requester, cancellationToken);
            if (comments is null)
            {
                continue;
            }
            var customer = comments.Where(c => c.Public && (c.Author.Id == requesterId || c.Author.Role == AuthorRole.Customer)).Select(c => c.Text);
            var replies = comments.Where(c => c.Public && c.Author.Role == AuthorRole.Agent && c.Author.Id != requesterId)
                .Select(c => Text.AuthorLine.Remove(c.Text, c.Author.Name)).Where(t => t.Length > 0).ToList();
            var customerText = string.Join("\n\n", customer.Where(t => t.Length > 0));
            if (customerText.Length == 0)
            {
                customerText = Text.HtmlText.ToText(ticket.Description);
            }
            var people = users.Values.Select(u => u.Name).Concat(comments.Select(c => c.Author.Name))
                .Where(n => !n.StartsWith("User ", StringComparison.Ordinal)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var url = new Uri(_agentTickets, ticket.Id.ToString(CultureInfo.InvariantCulture)).ToString();
            solved.Add(new SolvedTicket(ticket.Id, ticket.Subject ?? string.Empty, customerText, replies, ticket.UpdatedAt, people, url) { Tags = ticket.Tags ?? [] });
        }
        return solved;
    }

    /// <summary>Every comment of a ticket, oldest first, following cursor pages; null when the ticket is gone.</summary>
    private async Task<List<HelpdeskComment>?> GetCommentsAsync(
        long ticketId, Dictionary<long, HelpdeskUser> users, HelpdeskUser requester, CancellationToken cancellationToken)
    {
        var comments = new List<HelpdeskComment>();
        IDictionary<string, string>? next = new Dictionary<string, string>
        {
            ["include"] = "users",
            ["page[size]"] = PageSize.ToString(CultureInfo.InvariantCulture),
            ["sort"] = "created_at",
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; next is not null && page < MaxPages && seen.Add(HelpdeskPaging.Key(next)); page++)
        {
            var query = next;
            var response = await _transport.GetAsync((api, ct) => api.GetCommentsAsync(ticketId, query, ct), notFoundIsNull: true, cancellationToken);
            if (response is null)
            {
                return null;
            }
            ZendeskMapping.AddUsers(users, response.Users);
            foreach (var comment in response.Comments ?? [])
            {
                var author = ZendeskMapping.Author(comment, users, requester);
                comments.Add(new HelpdeskComment(comment.Id, author, comment.Public, ZendeskMapping.CommentText(comment), comment.CreatedAt));
            }
            next = response.Meta?.HasMore == true ? HelpdeskPaging.NextPage(response.Links?.Next) : null;
        }
        return comments;
    }
}
