using System.Text.RegularExpressions;
using Copilot.Api.Knowledge;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Threads;

/// <summary>
/// What the customer is asking, as terms: the subject, the first and the latest customer message; or the new problem the
/// latest message turns to after an agent's answer (<see cref="Turns.NewProblem"/>).
/// </summary>
internal sealed partial class Question
{
    private readonly HashSet<string> _terms;
    private readonly HashSet<string> _latestTerms;

    private Question(HashSet<string> terms, HashSet<string> latestTerms, bool mentionsBilling, bool hasOrderNumber, bool mentionsOrder, bool mentionsMessage)
    {
        MentionsOrder = mentionsOrder;
        MentionsMessage = mentionsMessage;
        _terms = terms;
        _latestTerms = latestTerms;
        MentionsBilling = mentionsBilling;
        HasOrderNumber = hasOrderNumber;
    }

    public bool MentionsBilling { get; }
    public bool HasOrderNumber { get; }

    /// <summary>About an order, its delivery or its return.</summary>
    public bool MentionsOrder { get; }

    /// <summary>The customer saw an error, a message or a state on a screen (<see cref="Cues.ShownMessage"/>).</summary>
    public bool MentionsMessage { get; }

    public static Question From(HelpdeskThread thread)
    {
        var customer = thread.Comments.Where(c => c.Public && c.Author.Role == AuthorRole.Customer).Select(c => ThreadText.Clean(c.Text)).ToList();
        var first = customer.FirstOrDefault() ?? "";
        var latest = customer.LastOrDefault() ?? "";
        var all = $"{thread.Ticket.Subject}\n{first}\n{latest}";
        // A new problem the customer turned to is the question now; the subject and first message tell the one answered.
        var problem = Turns.NewProblem(thread);
        var terms = ThreadText.Terms(problem ?? all).ToHashSet(StringComparer.Ordinal);
        var latestTerms = ThreadText.Terms(problem ?? $"{thread.Ticket.Subject}\n{latest}").ToHashSet(StringComparer.Ordinal);
        // "Any update?" says nothing about the topic; then the whole question decides.
        if (latestTerms.Count < 3)
        {
            latestTerms = terms;
        }
        return new Question(terms, latestTerms, Cues.Billing().IsMatch(all), OrderNumber().IsMatch(all), Cues.Order().IsMatch(all), Cues.ShownMessage().IsMatch(all));
    }

    /// <summary>0..1: the share of the question's terms the source covers, title matches counting double.</summary>
    public double Relevance(KnowledgeHit hit)
    {
        if (_terms.Count == 0)
        {
            return 0;
        }
        var title = ThreadText.Terms(hit.Title).ToHashSet(StringComparer.Ordinal);
        var body = ThreadText.Terms(hit.Passage).ToHashSet(StringComparer.Ordinal);
        var matched = _terms.Count(t => body.Contains(t) || title.Contains(t));
        // One shared word (a product name) is not a topic match.
        if (matched < Math.Min(2, _terms.Count))
        {
            return 0;
        }
        var inTitle = _terms.Count(title.Contains);
        return Math.Min(1.0, (matched + inTitle) / (double)Math.Min(_terms.Count, 10));
    }

    /// <summary>How many of the latest message's terms a sentence contains.</summary>
    public double Overlap(string sentence) =>
        ThreadText.Terms(sentence).Distinct().Count(_latestTerms.Contains);

    [GeneratedRegex(@"\b([A-Z]{2,4}-\d{4,}|#?\d{6,})\b")]
    private static partial Regex OrderNumber();
}
