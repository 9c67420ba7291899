using System.Text.RegularExpressions;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Actions;

/// <summary>Another open ticket of the same requester, and how alike the two subjects are (0–1).</summary>
public sealed record LikelyDuplicate(TicketListing Ticket, double Score);

/// <summary>
/// The requester's other open tickets whose subject is like this one's: the Dice coefficient of the two subjects'
/// words (lower case, without "re:"/"fwd:", short and common words), at least <see cref="Floor"/>. One helpdesk call.
/// </summary>
public static partial class Duplicates
{
    public const double Floor = 0.5;
    public const int MaxListed = 20;

    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "not", "you", "your", "our", "from", "this", "that", "about", "please", "help", "issue", "problem",
        "question", "again", "still", "ticket", "request", "der", "die", "das", "und", "les", "des", "por", "con", "para",
    };

    public static async Task<IReadOnlyList<LikelyDuplicate>> FindAsync(IHelpdeskClient helpdesk, HelpdeskTicket ticket, CancellationToken cancellationToken)
    {
        if (ticket.Requester.Id <= 0 || Words(ticket.Subject).Count == 0)
        {
            return [];
        }
        var listed = await helpdesk.GetRequesterTicketsAsync(ticket.Requester.Id, MaxListed, cancellationToken);
        return listed
            .Where(t => t.Id != ticket.Id && t.Status is "new" or "open" or "pending" or "hold")
            .Select(t => new LikelyDuplicate(t, Score(ticket.Subject, t.Subject)))
            .Where(d => d.Score >= Floor)
            .OrderByDescending(d => d.Score).ThenByDescending(d => d.Ticket.UpdatedAt)
            .ToList();
    }

    public static double Score(string a, string b)
    {
        var (x, y) = (Words(a), Words(b));
        return x.Count + y.Count == 0 ? 0 : Math.Round(2.0 * x.Intersect(y).Count() / (x.Count + y.Count), 2);
    }

    private static HashSet<string> Words(string subject) =>
        Word().Matches(Prefix().Replace(subject.ToLowerInvariant(), ""))
            .Select(m => m.Value).Where(w => w.Length > 2 && !Common.Contains(w)).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^\s*((re|fwd?|aw|wg)\s*:\s*)+")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
