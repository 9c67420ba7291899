using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Offline;

/// <summary>
/// Extractive summary without a model. What the customer wants comes only from the customer's
/// own words; what was tried from agent replies and the customer's "I already…" statements;
/// status and next step from who spoke last and when. Quoted sentences stay as written
/// (trimmed to about 200 characters); the connecting words are English.
/// Time is read from the thread (its newest comment), never from the clock, so the same
/// thread always gives the same summary.
/// </summary>
public sealed class OfflineSummarizer : ISummarizer
{
    public const string NothingTried = "Nothing recorded yet.";
    private const int MaxQuote = 200;

    public ThreadSummary Summarize(HelpdeskThread thread, bool includeInternalNotes) =>
        Summarize(thread, includeInternalNotes, asOf: null);

    /// <summary>As <see cref="Summarize(HelpdeskThread, bool)"/>, with waiting times measured up to <paramref name="asOf"/> when given.</summary>
    public ThreadSummary Summarize(HelpdeskThread thread, bool includeInternalNotes, DateTimeOffset? asOf)
    {
        var corpus = new ThreadCorpus(thread, includeInternalNotes);
        var wants = CustomerWants(corpus);
        var tried = Tried(corpus);
        var state = ThreadState.Describe(corpus, asOf);
        return new ThreadSummary(wants, tried, state.Status, state.NextStep);
    }

    private static string CustomerWants(ThreadCorpus corpus)
    {
        var customer = corpus.Comments.Where(c => c.IsCustomer).ToList();
        var ranked = RankAsks(corpus, customer);
        if (ranked.Count == 0)
        {
            return string.IsNullOrWhiteSpace(corpus.Thread.Ticket.Subject)
                ? "The customer has not said yet."
                : $"Subject: \"{ThreadText.Trim(corpus.Thread.Ticket.Subject.Trim(), MaxQuote)}\"";
        }
        var best = ranked[0];
        var text = ThreadText.Trim(best.Sentence, MaxQuote);
        // A later, separate ask (a follow-up question) is worth a second sentence.
        var follow = ranked.Skip(1).FirstOrDefault(r => r.From != best.From && r.IsAsk && r.Score >= best.Score * 0.6);
        return follow is null ? text : $"{text} Later: \"{ThreadText.Trim(follow.Sentence, MaxQuote)}\"";
    }

    /// <summary>Customer sentences, best statement of the customer's need first.</summary>
    internal static List<RankedSentence> RankAsks(ThreadCorpus corpus, IReadOnlyList<CleanComment> customer)
    {
        var ranked = new List<RankedSentence>();
        for (var k = 0; k < customer.Count; k++)
        {
            var comment = customer[k];
            var messageWeight = k == 0 ? 1.0 : k == customer.Count - 1 ? 0.7 : 0.4;
            for (var i = 0; i < comment.Sentences.Count; i++)
            {
                var s = comment.Sentences[i];
                var words = ThreadText.WordCount(s);
                if (words == 0)
                {
                    continue;
                }
                var isQuestion = s.TrimEnd().EndsWith('?');
                var isRequest = Cues.Request().IsMatch(s);
                var score = messageWeight
                    + 0.6 / (1 + i)
                    + Math.Min(1.6, (isRequest ? 1.2 : 0) + (isQuestion ? 0.8 : 0))
                    + 0.8 * corpus.Centrality(s, comment)
                    - (Cues.Tried().IsMatch(s) && !isQuestion ? 0.8 : 0)
                    - (Cues.Courtesy().IsMatch(s) ? 1.0 : 0)
                    - (words < 4 ? 1.0 : 0)
                    - (words > 45 ? 0.4 : 0);
                ranked.Add(new RankedSentence(s, comment, score, isQuestion || isRequest));
            }
        }
        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        return ranked;
    }

    private static string Tried(ThreadCorpus corpus)
    {
        var items = new List<string>();
        foreach (var comment in corpus.Comments)
        {
            if (comment.IsAgentReply)
            {
                var best = comment.Sentences
                    .Where(s => ThreadText.WordCount(s) >= 4 && !Cues.Courtesy().IsMatch(s))
                    .Select(s => (Sentence: s, Score: corpus.Centrality(s, comment) + (Cues.AsksCustomer().IsMatch(s) ? 0.4 : 0) + ActionWeight(s)))
                    .OrderByDescending(x => x.Score)
                    .FirstOrDefault();
                if (best.Sentence is not null)
                {
                    items.Add($"{FirstName(comment.Comment.Author)} (agent) wrote: \"{ThreadText.Trim(best.Sentence, MaxQuote)}\"");
                }
            }
            else if (comment.IsCustomer)
            {
                foreach (var s in comment.Sentences.Where(s => Cues.Tried().IsMatch(s) && !s.TrimEnd().EndsWith('?')).Take(1))
                {
                    items.Add($"The customer says: \"{ThreadText.Trim(s, MaxQuote)}\"");
                }
            }
        }
        // The most recent attempts matter most; older ones are in the thread.
        return items.Count == 0 ? NothingTried : string.Join(' ', items.TakeLast(4).Select(EndSentence));
    }

    /// <summary>A period after the closing quote, unless the quoted sentence already ends one.</summary>
    private static string EndSentence(string item) =>
        item.TrimEnd('"', ' ') is { Length: > 0 } inner && ".!?…".Contains(inner[^1]) ? item : item + ".";

    /// <summary>Sentences with steps or actions ("restart", "reset", "refunded") say what was done.</summary>
    private static double ActionWeight(string sentence) =>
        (sentence.Any(char.IsDigit) ? 0.3 : 0) + (Cues.Tried().IsMatch(sentence) ? 0.3 : 0);

    internal static string FirstName(HelpdeskUser user)
    {
        var name = user.Name.Trim();
        var space = name.IndexOf(' ');
        return space > 0 ? name[..space] : name.Length > 0 ? name : "Someone";
    }

    internal sealed record RankedSentence(string Sentence, CleanComment From, double Score, bool IsAsk);
}
