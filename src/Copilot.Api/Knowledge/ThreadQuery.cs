using Copilot.Api.Boundaries;
using Copilot.Api.Threads;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Knowledge;

/// <summary>
/// What a ticket thread asks the knowledge base, as one query text: the subject, the customer's
/// informative turns (greetings, thanks, sign-offs, "ok", bare ids dropped) and the latest open
/// question. A long chat that opens with "Hello" and closes with "Thank you" is searched by its middle.
/// A new problem the customer turns to after an agent's answer (<see cref="Threads.Turns.NewProblem"/>: "Turned
/// it on and the bridge connected. BUT now the app says 2 of the 3 bulbs are unreachable") leads the query,
/// ahead of the subject: it is what is open now, and an embedding model reads a query's first words only (96
/// tokens for the built-in one).
/// </summary>
/// <remarks>
/// Internal notes (when the tenant lets the copilot read them) are searched only when the customer
/// said nothing informative, as on a ticket an agent opened for a phone call: otherwise they record
/// how the case was handled (order numbers, shipments, returns) and pull retrieval towards logistics.
/// </remarks>
public static class ThreadQuery
{
    /// <summary>Content words (stop words, numbers and ids aside) a turn needs to say what the ticket is about.</summary>
    public const int MinContentWords = 1;

    /// <summary>A turn that opens with thanks or an apology is informative only with this many content words.</summary>
    public const int MinContentWordsAfterCourtesy = 3;

    /// <summary>Words kept at most: beyond this a thread repeats itself, and an embedding model reads no further.</summary>
    public const int MaxWords = 250;

    public static string Build(HelpdeskThread thread, bool includeInternalNotes)
    {
        var customer = Topical(Turns(thread, c => c.Public && c.Author.Role == AuthorRole.Customer));
        var notes = includeInternalNotes ? Turns(thread, c => !c.Public) : [];
        var subject = thread.Ticket.Subject;
        if (customer.Any(Informative))
        {
            subject = WithoutVenting(subject);
        }
        var turns = customer.Any(Informative) ? customer.Where(Informative).ToList()
            : notes.Any(Informative) ? notes.Where(Informative).ToList()
            : customer;
        // The newest customer turn that asks something is what the agent must answer now: it is always kept.
        var latestQuestion = turns.FindLastIndex(IsQuestion);
        var newProblem = customer.Any(Informative) ? Threads.Turns.NewProblem(thread) : null;
        var kept = new SortedSet<int>();
        var words = ThreadText.WordCount(subject) + (newProblem is null ? 0 : ThreadText.WordCount(newProblem));
        foreach (var i in Enumerable.Range(0, turns.Count).Where(i => i == latestQuestion).Concat(Enumerable.Range(0, turns.Count)))
        {
            var count = ThreadText.WordCount(turns[i]);
            if (kept.Contains(i) || (kept.Count > 0 && words + count > MaxWords))
            {
                continue;
            }
            kept.Add(i);
            words += count;
        }
        var ordered = kept.Select(i => turns[i]).Prepend(subject);
        return string.Join("\n", (newProblem is null ? ordered : ordered.Prepend(newProblem)).Where(t => t.Length > 0));
    }

    /// <summary>
    /// The turns without the sentences that only vent or ask for a person (<see cref="Venting"/>): "This is the worst
    /// service I've ever had. Three bikes didn't unlock. I want to speak to a manager today" is searched as the bikes.
    /// When that leaves nothing informative, the turns are searched as written.
    /// </summary>
    private static List<string> Topical(List<string> turns)
    {
        var topical = turns.Select(WithoutVenting).ToList();
        return topical.Any(Informative) ? topical : turns;
    }

    private static string WithoutVenting(string text)
    {
        var sentences = ThreadText.Sentences(text);
        var kept = sentences.Where(s => !Venting.IsAllOf(s)).ToList();
        return kept.Count == sentences.Count ? text : string.Join(" ", kept);
    }

    private static List<string> Turns(HelpdeskThread thread, Func<HelpdeskComment, bool> include) =>
        thread.Comments.Where(include).Select(c => Cleaned(c.Text)).ToList();

    /// <summary>Says something about the topic: enough content words, and not only greetings, thanks or politeness.</summary>
    public static bool IsInformative(string turn) => Informative(Cleaned(turn));

    /// <summary>
    /// Without quotes, signature, greeting and closing; a short chat line that cleaning empties
    /// ("Hi i ordered the wrong item" reads as a greeting line) is kept as written.
    /// </summary>
    private static string Cleaned(string text)
    {
        var cleaned = ThreadText.Clean(text);
        return cleaned.Length == 0 && ThreadText.WordCount(text) <= ShortLine ? text.Trim() : cleaned;
    }

    private const int ShortLine = 12;

    private static bool Informative(string cleanedTurn)
    {
        var content = ContentWords(cleanedTurn);
        var needed = Cues.Courtesy().IsMatch(cleanedTurn.TrimStart()) ? MinContentWordsAfterCourtesy : MinContentWords;
        return content >= needed;
    }

    private static bool IsQuestion(string text) => text.Contains('?') || Cues.Request().IsMatch(text);

    /// <summary>Searchable words that are not stop words and hold no digit (order numbers, usernames, codes).</summary>
    private static int ContentWords(string text) =>
        FtsQuery.Terms(text, maxTerms: 64).Count(t => t.Length > 2 && !t.Any(char.IsDigit) && !Filler.Contains(t));

    /// <summary>Chat fillers that pass the stop-word list but say nothing about the topic.</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "great", "good", "nice", "cool", "fine", "perfect", "awesome", "super", "sure", "alright", "right", "yeah", "yep", "nope",
        "much", "appreciate", "appreciated", "help", "helpful", "day", "wonderful", "excellent", "bye", "goodbye", "com", "thing", "well", "guess", "think", "know", "want", "need", "else", "anything", "nothing", "everything",
    };
}
