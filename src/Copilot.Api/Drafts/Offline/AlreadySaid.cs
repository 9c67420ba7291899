using Copilot.Api.Threads;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Drafts.Offline;

/// <summary>
/// What the team has already told the customer on the thread, and what the customer has said since. An answer most of
/// whose words are in our replies is one we gave: pasted again it tells the customer what they were told ("Thank you
/// Priya, very helpful. … please copy her on the quote" was drafted the volume-pricing article Priya had just put in her
/// own words). And once we have replied, a source answers only if it speaks to something new in the customer's latest
/// messages: the sources were found by the whole thread, whose first message our reply answered ("Why did this happen
/// though?" after our refund reached the €10-hold article by the refund request's words).
/// </summary>
internal sealed class AlreadySaid
{
    /// <summary>Share of an answer's distinct terms our replies must hold for it to count as said.</summary>
    public const double Share = 0.5;

    /// <summary>Distinct terms an answer needs before it is judged: a short one ("I've passed it on") is mostly common words.</summary>
    public const int MinTerms = 8;

    /// <summary>Terms of the customer's latest messages, not in our replies, another source must hold to speak to them.</summary>
    public const int MinNewTerms = 3;

    private readonly HashSet<string> _said;
    private readonly HashSet<string> _new;

    private AlreadySaid(HashSet<string> said, HashSet<string> @new)
    {
        _said = said;
        _new = @new;
    }

    public static AlreadySaid On(HelpdeskThread thread)
    {
        var said = Turns.Spoken(thread).Where(c => c.Author.Role == AuthorRole.Agent)
            .SelectMany(c => ThreadText.Terms(ThreadText.Clean(c.Text))).ToHashSet(StringComparer.Ordinal);
        var latest = Turns.Unanswered(thread).SelectMany(c => ThreadText.Terms(ThreadText.Clean(c.Text))).Where(t => !said.Contains(t));
        return new AlreadySaid(said, latest.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Whether we have replied in public on the thread.</summary>
    public bool Replied => _said.Count > 0;

    /// <summary>Whether our replies already gave this answer (never before we have replied).</summary>
    public bool Repeats(string answer)
    {
        if (_said.Count == 0)
        {
            return false;
        }
        var terms = ThreadText.Terms(answer).Distinct(StringComparer.Ordinal).ToList();
        return terms.Count >= MinTerms && terms.Count(_said.Contains) >= Share * terms.Count;
    }

    /// <summary>Whether an answer speaks to what the customer has said since our last reply that we have not.</summary>
    public bool SpeaksToNew(string answer) =>
        ThreadText.Terms(answer).Distinct(StringComparer.Ordinal).Count(_new.Contains) >= MinNewTerms;
}
