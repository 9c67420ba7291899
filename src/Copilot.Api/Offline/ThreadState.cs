using System.Globalization;

namespace Copilot.Api.Offline;

/// <summary>Who the ticket is waiting on, since when, and what should happen next.</summary>
internal static class ThreadState
{
    public static (string Status, string NextStep) Describe(ThreadCorpus corpus, DateTimeOffset? asOf)
    {
        var ticketStatus = (corpus.Thread.Ticket.Status ?? "").Trim().ToLowerInvariant();
        var solved = ticketStatus is "solved" or "closed";
        var publicComments = corpus.Comments.Where(c => c.IsCustomer || c.IsAgentReply).ToList();
        var now = asOf ?? (corpus.Comments.Count > 0 ? corpus.Comments.Max(c => c.Comment.CreatedAt) : corpus.Thread.Ticket.UpdatedAt);

        string status, next;
        if (publicComments.Count == 0)
        {
            status = "New: no messages in the thread yet.";
            next = "Read the ticket and send a first reply.";
        }
        else if (publicComments[^1].IsCustomer)
        {
            (status, next) = WaitingOnAgent(corpus, publicComments, solved, now);
        }
        else
        {
            (status, next) = WaitingOnCustomer(publicComments, solved, now);
        }

        if (ticketStatus.Length > 0)
        {
            status += $" Ticket status: {ticketStatus}.";
        }
        var note = corpus.Comments.LastOrDefault(c => c.IsInternalNote && c.Text.Length > 0);
        if (note is not null)
        {
            status += $" Latest internal note ({OfflineSummarizer.FirstName(note.Comment.Author)}, {Ago(now - note.Comment.CreatedAt)}): \"{ThreadText.Trim(note.Text.ReplaceLineEndings(" "), 200)}\"";
        }
        return (status, next);
    }

    private static (string, string) WaitingOnAgent(ThreadCorpus corpus, List<CleanComment> publicComments, bool solved, DateTimeOffset now)
    {
        var lastAgent = publicComments.FindLastIndex(c => c.IsAgentReply);
        var unanswered = publicComments.Skip(lastAgent + 1).ToList();
        var waited = now - unanswered[0].Comment.CreatedAt;
        string status;
        if (lastAgent < 0)
        {
            status = unanswered.Count == 1
                ? "Waiting on the agent: the customer has had no reply yet."
                : $"Waiting on the agent: the customer has written {unanswered.Count} times and had no reply yet.";
        }
        else
        {
            var gap = unanswered[0].Comment.CreatedAt - publicComments[lastAgent].Comment.CreatedAt;
            status = $"Waiting on the agent: the customer replied {Duration(gap)} after our last answer"
                + (unanswered.Count > 1 ? $" and has written {unanswered.Count} times since." : ".");
        }
        if (waited >= TimeSpan.FromMinutes(1))
        {
            status += $" Unanswered for {Duration(waited)}.";
        }
        if (solved)
        {
            status += " The customer wrote after the ticket was solved.";
        }

        var ask = OfflineSummarizer.RankAsks(corpus, unanswered).FirstOrDefault(r => r.IsAsk);
        var billing = unanswered.Any(c => Cues.Billing().IsMatch(c.Text));
        string next;
        if (ask is not null)
        {
            var quote = $"\"{ThreadText.Trim(ask.Sentence, 200)}\"";
            next = billing
                ? $"Check the charge or order, and hand to billing if a refund or correction is needed; the open question: {quote}"
                : $"Answer the open question: {quote}";
        }
        else
        {
            next = billing
                ? "Reply to the customer's latest message; hand to billing if it concerns a charge or refund."
                : "Reply to the customer's latest message and confirm whether the issue is solved.";
        }
        return (status, solved ? "Reopen the ticket and " + char.ToLowerInvariant(next[0]) + next[1..] : next);
    }

    private static (string, string) WaitingOnCustomer(List<CleanComment> publicComments, bool solved, DateTimeOffset now)
    {
        var lastAgent = publicComments[^1];
        var since = now - lastAgent.Comment.CreatedAt;
        var ago = since >= TimeSpan.FromMinutes(1) ? $" {Ago(since)}" : "";
        if (solved)
        {
            return ($"Solved: our last answer went out{ago}; the customer has not written since.",
                "Nothing to do unless the customer writes again.");
        }
        var lastCustomer = publicComments.FindLastIndex(c => c.IsCustomer);
        var asked = lastAgent.Sentences.LastOrDefault(s => Cues.AsksCustomer().IsMatch(s) && !Cues.Courtesy().IsMatch(s));
        var answered = lastCustomer < 0
            ? "we wrote first"
            : $"we answered {Duration(lastAgent.Comment.CreatedAt - publicComments[lastCustomer].Comment.CreatedAt)} after their last message";
        if (asked is not null)
        {
            return ($"Waiting on the customer: {answered} and asked for something{ago}; no reply since.",
                $"Follow up if the customer does not reply; we asked: \"{ThreadText.Trim(asked, 200)}\"");
        }
        return ($"Waiting on the customer: {answered}{ago}; no reply since.",
            "Follow up in a few days, or solve the ticket if our answer fixed the problem.");
    }

    private static string Ago(TimeSpan span) => span < TimeSpan.FromMinutes(1) ? "just now" : Duration(span) + " ago";

    /// <summary>"5 minutes", "2 hours", "3 days": rounded down, as people say it.</summary>
    internal static string Duration(TimeSpan span)
    {
        span = span.Duration();
        static string Unit(int n, string unit) => n.ToString(CultureInfo.InvariantCulture) + " " + unit + (n == 1 ? "" : "s");
        return span.TotalMinutes < 1 ? "less than a minute"
            : span.TotalHours < 1 ? Unit((int)span.TotalMinutes, "minute")
            : span.TotalHours < 48 ? Unit((int)span.TotalHours, "hour")
            : Unit((int)span.TotalDays, "day");
    }
}
