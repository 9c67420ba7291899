using Copilot.Api.Boundaries;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Threads;

/// <summary>What the customer and the agents said to each other: the thread's public messages of the two sides.</summary>
internal static class Turns
{
    /// <summary>The public comments of the customer and the agents, in order (internal notes and system comments left out).</summary>
    public static List<HelpdeskComment> Spoken(HelpdeskThread thread) =>
        thread.Comments.Where(c => c.Public && c.Author.Role is AuthorRole.Customer or AuthorRole.Agent).ToList();

    /// <summary>Whether an agent's public reply is the last public message, after the customer wrote: no reply is due.</summary>
    public static bool AnsweredLast(HelpdeskThread thread) => AnsweredLast(Spoken(thread));

    private static bool AnsweredLast(List<HelpdeskComment> spoken) =>
        spoken.Count > 0 && spoken[^1].Author.Role == AuthorRole.Agent && spoken.Any(c => c.Author.Role == AuthorRole.Customer);

    /// <summary>
    /// Whether a message asks the customer for something ("could you send me the date of your last ride?"): a sentence
    /// that asks, not one that is only politeness ("Let me know if there's anything else!").
    /// </summary>
    public static bool AsksCustomer(IEnumerable<string> sentences) =>
        sentences.Any(s => Cues.AsksCustomer().IsMatch(s) && !Cues.Courtesy().IsMatch(s));

    /// <summary>
    /// Whether the agent's public reply that is the last message asks the customer for something
    /// (<see cref="AsksCustomer(IEnumerable{string})"/>), read as the summary reads it: a reply sent in parts is one message.
    /// </summary>
    public static bool AskedLast(HelpdeskThread thread)
    {
        var spoken = Spoken(thread);
        return AnsweredLast(spoken) && AsksCustomer(ThreadText.Sentences(ThreadText.Clean(SocialParts.Join(spoken)[^1].Text)));
    }

    /// <summary>
    /// Whether the conversation is over: our answer is the last message and the ticket is solved (or closed), or that answer asks
    /// the customer for nothing and answered only their thanks or "it works now" (<see cref="ThanksOnly.Answered"/>).
    /// </summary>
    public static bool Closed(HelpdeskThread thread) =>
        AnsweredLast(thread) && (Solved(thread.Ticket) || ThanksOnly.Answered(thread) == LastWord.Thanks && !AskedLast(thread));

    /// <summary>Whether the helpdesk has the ticket as solved or closed.</summary>
    public static bool Solved(HelpdeskTicket ticket) => (ticket.Status ?? "").Trim().ToLowerInvariant() is "solved" or "closed";

    /// <summary>The customer's public messages since an agent last answered in public (all of them before any answer).</summary>
    public static List<HelpdeskComment> Unanswered(HelpdeskThread thread) =>
        Spoken(thread).AsEnumerable().Reverse().TakeWhile(c => c.Author.Role == AuthorRole.Customer).Reverse().ToList();

    /// <summary>
    /// Whether the customer's latest messages only give what our last answer asked for ("Last ride was 8 November from
    /// Vondelpark, card ends 4412." after "please reply with the date and start station of your last ride and the last four
    /// digits of your card"): our answer asked them for something, and since then they ask nothing, name nothing wrong and
    /// turn to no new problem. The next step is ours; the article we answered from would ask them again.
    /// </summary>
    public static bool SuppliesAsked(HelpdeskThread thread)
    {
        var spoken = Spoken(thread);
        var latest = Unanswered(thread);
        var answer = spoken.Count - latest.Count - 1;
        if (latest.Count == 0 || answer < 0)
        {
            return false;
        }
        var ours = SocialParts.Join(spoken.Take(answer + 1).ToList())[^1].Text;
        if (!AsksCustomer(ThreadText.Sentences(ThreadText.Clean(ours))))
        {
            return false;
        }
        var told = string.Join("\n", latest.Select(c => ThreadText.Clean(c.Text)));
        return told.Length > 0 && !told.Contains('?') && !Cues.Request().IsMatch(told) && !Cues.Problem().IsMatch(told)
            && !Cues.Symptom().IsMatch(told) && NewProblem(thread) is null;
    }

    /// <summary>Terms the new problem of a follow-up needs to say what it is about.</summary>
    public const int MinNewProblemTerms = 3;

    /// <summary>
    /// The new problem the customer's latest message turns to after an agent has answered: its sentences from the first
    /// that opens one (<see cref="Cues.NewProblem"/>: "Turned it on and the bridge connected. BUT now the app says 2 of the
    /// 3 bulbs are unreachable??"), venting left out; null when the message opens none, or names nothing in it. A
    /// follow-up that leans on what came before ("Why did this happen though?") opens none: the first turns still say
    /// what the ticket is about.
    /// </summary>
    public static string? NewProblem(HelpdeskThread thread)
    {
        var spoken = Spoken(thread);
        var latest = spoken.FindLastIndex(c => c.Author.Role == AuthorRole.Customer);
        if (latest < 1 || !spoken.Take(latest).Any(c => c.Author.Role == AuthorRole.Agent))
        {
            return null;
        }
        var sentences = ThreadText.Sentences(ThreadText.Clean(spoken[latest].Text));
        var first = sentences.ToList().FindIndex(s => Cues.NewProblem().IsMatch(s) && !Cues.Fixed().IsMatch(s));
        if (first < 0)
        {
            return null;
        }
        var problem = string.Join(" ", sentences.Skip(first).Where(s => !Venting.IsAllOf(s)));
        return ThreadText.Terms(problem).Distinct().Count() >= MinNewProblemTerms ? problem : null;
    }
}
