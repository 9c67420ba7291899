using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Replays;

/// <summary>
/// A solved ticket's thread cut where the copilot would have helped: every comment before the agent's first public
/// reply (the customer's messages, and any internal notes), and that reply — what the agent actually sent first.
/// </summary>
public sealed record ThreadCut(HelpdeskThread Before, HelpdeskComment Reply)
{
    public const string NoAgentReply = "no public agent reply";
    public const string NoCustomerMessage = "no customer message before the first agent reply";

    /// <returns>The cut, or null with the reason the ticket cannot be replayed.</returns>
    public static ThreadCut? Of(HelpdeskThread thread, out string? skip)
    {
        var requester = thread.Ticket.Requester.Id;
        var first = thread.Comments.ToList().FindIndex(c => c.Public && c.Author.Role == AuthorRole.Agent && c.Author.Id != requester);
        if (first < 0)
        {
            skip = NoAgentReply;
            return null;
        }
        var before = thread.Comments.Take(first).ToList();
        if (!before.Any(c => c.Public && c.Author.Role == AuthorRole.Customer))
        {
            skip = NoCustomerMessage;
            return null;
        }
        skip = null;
        // The ticket as it stood then: open, last changed by the comment before the reply.
        var ticket = thread.Ticket with { Status = "open", UpdatedAt = before[^1].CreatedAt };
        return new ThreadCut(new HelpdeskThread(ticket, before), thread.Comments[first]);
    }

    /// <summary>What the customer had written by then.</summary>
    public string CustomerText => string.Join("\n\n", Before.Comments.Where(c => c.Public && c.Author.Role == AuthorRole.Customer).Select(c => c.Text));
}
