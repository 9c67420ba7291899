using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Freshdesk;

/// <summary>
/// One tenant's Freshdesk account: tickets with their conversations, solutions, canned responses, agents,
/// roles and groups, all through the same <see cref="IFreshdeskApi"/> transport. A ticket costs two calls
/// for threads up to 100 entries: the ticket with its requester, and one page of conversations.
/// </summary>
public sealed partial class FreshdeskClient : IHelpdeskClient, IHelpdeskAccountDirectory
{
    private readonly HelpdeskTransport<IFreshdeskApi> _transport;
    private readonly FreshdeskClientOptions _options;
    private readonly FreshdeskAccountCache _accounts;
    private readonly TimeProvider _time;
    private readonly string _account;
    private readonly Uri _portal;

    internal FreshdeskClient(IFreshdeskApi api, HelpdeskConnection connection, FreshdeskClientOptions options, FreshdeskAccountCache accounts, TimeProvider time)
    {
        _transport = new HelpdeskTransport<IFreshdeskApi>(api, FreshdeskClientFactory.Kind, "Freshdesk", options, time, FreshdeskErrors.Parse);
        _options = options;
        _accounts = accounts;
        _time = time;
        _account = HelpdeskBackoff.AccountOf(connection.BaseUrl);
        _portal = new Uri(connection.BaseUrl.GetLeftPart(UriPartial.Authority) + "/");
    }

    public string Kind => FreshdeskClientFactory.Kind;

    public async Task<HelpdeskThread?> GetThreadAsync(long ticketId, CancellationToken cancellationToken)
    {
        var ticket = await _transport.GetAsync((api, ct) => api.GetTicketAsync(ticketId, ct), notFoundIsNull: true, cancellationToken);
        if (ticket is null)
        {
            return null;
        }
        var conversations = await ReadAllAsync<FdConversation>((api, page, ct) => api.GetConversationsAsync(ticketId, page, ct), notFoundIsNull: true, bulk: false, cancellationToken);
        if (conversations is null)
        {
            return null;
        }
        // Agents are named when the account's agents are already known: the thread itself costs no more calls.
        var requester = FreshdeskMapping.Requester(ticket);
        var comments = FreshdeskMapping.Thread(ticket, requester, conversations, KnownAgents());
        return new HelpdeskThread(FreshdeskMapping.Ticket(ticket, requester), comments);
    }

    /// <summary>
    /// A canned response only writes text: its reply, with Freshdesk's placeholders in the copilot's names; it
    /// changes no field. One call; the ticket itself is the caller's (the assist it already read).
    /// </summary>
    public async Task<MacroPreview?> PreviewMacroAsync(long ticketId, long macroId, CancellationToken cancellationToken)
    {
        var response = await _transport.GetAsync((api, ct) => api.GetCannedResponseAsync(macroId, ct), notFoundIsNull: true, cancellationToken);
        if (response is null)
        {
            return null;
        }
        var text = FreshdeskMapping.MacroText(response);
        return new MacroPreview(macroId, text.Length == 0 ? null : text, CommentPublic: true, Status: null, Tags: null, GroupId: null, AssigneeId: null);
    }
}
