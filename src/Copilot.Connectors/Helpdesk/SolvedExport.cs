namespace Copilot.Connectors.Helpdesk;

/// <summary>
/// A solved (or closed) ticket as a helpdesk's ticket listing describes it, without its thread: enough to choose
/// which tickets to read. <see cref="GroupId"/> is the helpdesk's group; <see cref="Tags"/> may name the intent.
/// </summary>
public sealed record SolvedTicketHeader(
    long Id, string Subject, string Status, IReadOnlyList<string> Tags, long? GroupId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// One page of an export of solved tickets, oldest change first. <see cref="Next"/> is where the export goes on
/// (the helpdesk's cursor, or the next page's number); null at the end of the stream.
/// <see cref="Listed"/> counts every ticket the page held, solved or not.
/// </summary>
public sealed record SolvedTicketsPage(IReadOnlyList<SolvedTicketHeader> Tickets, string? Next, int Listed);
