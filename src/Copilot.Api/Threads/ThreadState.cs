using Copilot.Api.Boundaries;
using Copilot.Api.Summaries;

namespace Copilot.Api.Threads;

/// <summary>Who the ticket is waiting on, since when, and what should happen next, in the summary's language.</summary>
internal static class ThreadState
{
    public static (string Status, string NextStep) Describe(ThreadCorpus corpus, DateTimeOffset? asOf, SummaryPhrases phrases)
    {
        var solved = Turns.Solved(corpus.Thread.Ticket);
        var publicComments = corpus.Comments.Where(c => c.IsCustomer || c.IsAgentReply).ToList();
        var now = asOf ?? (corpus.Comments.Count > 0 ? corpus.Comments.Max(c => c.Comment.CreatedAt) : corpus.Thread.Ticket.UpdatedAt);

        string status, next;
        // What the customer's latest messages give that needs no answer from a source: a suggestion, or a new ticket's thanks.
        var feedback = publicComments.Count > 0 && publicComments[^1].IsCustomer ? ThanksOnly.Suggests(corpus.Thread) : null;
        if (publicComments.Count == 0)
        {
            (status, next) = (phrases.New, phrases.NextFirstReply);
        }
        else if (feedback is { Suggestion: true })
        {
            // Read as the draft reads it: a suggestion for the product is thanked and passed on, even beside "thanks, it works".
            (status, next) = (phrases.Suggested, phrases.NextPassOn);
        }
        // A new ticket that only thanks or praises (the feedback left) is a thanks, as one after our answer is.
        else if (publicComments[^1].IsCustomer && (feedback is null ? ThanksOnly.Of(corpus.Thread) : LastWord.Thanks) is var lastWord && lastWord != LastWord.Open)
        {
            // Read as the draft reads it: "OK, I'll try that tonight" needs a short acknowledgement at most; "Thank you" alone, or
            // "I look forward to the bug being fixed", no reply, though only a fix the customer confirms is called resolved.
            (status, next) = lastWord == LastWord.NextStep
                ? (phrases.NextStepTold, solved ? phrases.NextNothing : phrases.NextAcknowledge)
                : (ConfirmsFix(publicComments[^1]) ? phrases.Resolved : phrases.Thanked, solved ? phrases.NextNothing : phrases.NextNoReply);
        }
        else if (publicComments[^1].IsCustomer)
        {
            (status, next) = WaitingOnAgent(corpus, publicComments, solved, now, phrases);
        }
        else
        {
            // Our answer to a thanks or "it works now" that asks for nothing closes the conversation, as the draft reads it.
            (status, next) = solved ? (phrases.SolvedQuiet, phrases.NextNothing)
                : Turns.Closed(corpus.Thread) ? (publicComments.LastOrDefault(c => c.IsCustomer) is { } thanks && ConfirmsFix(thanks) ? phrases.ResolvedAnswered : phrases.ThankedAnswered, phrases.NextNoReply)
                : (Turns.AsksCustomer(publicComments[^1].Sentences) ? phrases.WaitingOnCustomerAsked : phrases.WaitingOnCustomer, phrases.NextFollowUp);
        }

        var note = corpus.Comments.LastOrDefault(c => c.IsInternalNote && c.Text.Length > 0);
        if (note is not null)
        {
            status += " " + phrases.Format(phrases.InternalNote, OfflineSummarizer.FirstName(note.Comment.Author), ThreadText.Trim(note.Text.ReplaceLineEndings(" "), 200));
        }
        return (status, next);
    }

    /// <summary>Whether the customer says the problem is gone ("it works now"), not only thanks or looks forward to a fix.</summary>
    internal static bool ConfirmsFix(CleanComment comment)
    {
        foreach (System.Text.RegularExpressions.Match m in Cues.Fixed().Matches(comment.Text))
        {
            if (!Cues.Ahead().IsMatch(comment.Text.AsSpan(Math.Max(0, m.Index - 60), Math.Min(60, m.Index))))
            {
                return true;
            }
        }
        return false;
    }

    private static (string, string) WaitingOnAgent(ThreadCorpus corpus, List<CleanComment> publicComments, bool solved, DateTimeOffset now, SummaryPhrases phrases)
    {
        var lastAgent = publicComments.FindLastIndex(c => c.IsAgentReply);
        var unanswered = publicComments.Skip(lastAgent + 1).ToList();
        var status = lastAgent < 0 ? phrases.WaitingOnAgent : phrases.WaitingOnAgentAgain;
        var waited = now - unanswered[0].Comment.CreatedAt;
        if (waited >= TimeSpan.FromMinutes(1))
        {
            status += " " + phrases.Format(phrases.UnansweredFor, phrases.Duration(waited));
        }
        if (solved)
        {
            status += " " + phrases.WroteAfterSolved;
        }
        // A request for a manager is shown as its own warning; the next step quotes what the customer needs answered.
        var ask = OfflineSummarizer.RankAsks(corpus, unanswered).FirstOrDefault(r => r.IsAsk && !Venting.IsAllOf(r.Sentence));
        var billing = unanswered.Any(c => Cues.Charge().IsMatch(c.Text));
        if (ask is null)
        {
            return (status, phrases.NextReply);
        }
        var quote = $"\"{OfflineSummarizer.Quote(ask.Sentence)}\"";
        // "Just let me know what happens" asks for something but is not a question to answer.
        return (status, phrases.Format(billing ? phrases.NextBilling : ask.IsQuestion ? phrases.NextAnswer : phrases.NextRequest, quote));
    }
}
