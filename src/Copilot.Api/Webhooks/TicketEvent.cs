using System.Globalization;

namespace Copilot.Api.Webhooks;

public enum TicketEventKind { Ignored, Created, Solved, Reopened, SatisfactionRated, CommentAdded }

/// <summary>
/// One helpdesk event in the copilot's terms, whichever helpdesk reported it (<see cref="ZendeskEventParser"/>,
/// <see cref="FreshdeskEventParser"/>). Timestamps are ISO-8601 UTC text.
/// </summary>
/// <param name="Id">The helpdesk's event id, or one derived from the delivery; null when the delivery names none.</param>
/// <param name="Type">The event's type as the helpdesk (or the rule an admin wrote) names it.</param>
/// <param name="Satisfaction"><c>good</c> or <c>bad</c> for <see cref="TicketEventKind.SatisfactionRated"/>.</param>
public sealed record TicketEvent(string? Id, string Type, TicketEventKind Kind, long TicketId, string Time, string? TicketCreatedAt, string? Satisfaction)
{
    /// <summary>The statuses, in the copilot's words, after which a ticket counts as solved.</summary>
    private static readonly string[] Closed = ["solved", "closed"];

    /// <summary>
    /// A status change as an outcome: into solved/closed from anything else is a solve; out of solved/closed into
    /// anything else is a reopen; any other change is no outcome.
    /// </summary>
    /// <param name="previous">The status before, in the copilot's words (lower case); null when unknown.</param>
    public static TicketEventKind StatusChange(string? previous, string? current)
    {
        var wasClosed = previous is not null && Closed.Contains(previous);
        var isClosed = current is not null && Closed.Contains(current);
        return (isClosed && !wasClosed) ? TicketEventKind.Solved
            : (wasClosed && current is not null && !isClosed) ? TicketEventKind.Reopened
            : TicketEventKind.Ignored;
    }

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
