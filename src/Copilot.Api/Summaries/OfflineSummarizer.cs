using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Copilot.Api.Boundaries;
using Copilot.Api.Knowledge;
using Copilot.Api.Languages;
using Copilot.Api.Threads;
using Copilot.Connectors.Helpdesk;
using ThreadState = Copilot.Api.Threads.ThreadState;

namespace Copilot.Api.Summaries;

/// <summary>
/// Summary without a model, in the thread's language. What the customer wants comes from the
/// customer's own words (their first message first); what was tried from the agents' replies
/// and the customer's "I already…"; status and next step from who spoke last and what they said
/// ("thanks, it works now" needs no reply). English sentences are retold in the third person
/// ("they can't log in", "the agent asked them to …"); other languages are quoted as written,
/// framed by that language's <see cref="SummaryPhrases"/>. Time is read from the thread (its
/// newest comment), never from the clock, so the same thread always gives the same summary.
/// </summary>
public sealed partial class OfflineSummarizer(ILanguageDetector detector) : ISummarizer
{
    public const string NothingTried = "Nothing recorded yet.";
    private const int MaxQuote = 200;

    public OfflineSummarizer() : this(new LanguageDetector())
    {
    }

    public ThreadSummary Summarize(HelpdeskThread thread, bool includeInternalNotes) =>
        Summarize(thread, includeInternalNotes, asOf: null);

    /// <summary>As <see cref="Summarize(HelpdeskThread, bool)"/>, with waiting times measured up to <paramref name="asOf"/> when given.</summary>
    public ThreadSummary Summarize(HelpdeskThread thread, bool includeInternalNotes, DateTimeOffset? asOf)
    {
        var corpus = new ThreadCorpus(thread, includeInternalNotes);
        var customerText = string.Join("\n", corpus.Comments.Where(c => c.IsCustomer).Select(c => c.Text));
        var language = detector.Detect(customerText.Length > 0 ? customerText : thread.Ticket.Subject, thread.Ticket.Requester.Locale).Code;
        var phrases = SummaryPhrases.For(language);
        var (status, next) = ThreadState.Describe(corpus, asOf, phrases);
        var ranked = RankAsks(corpus, corpus.Comments.Where(c => c.IsCustomer).ToList());
        var wants = ranked.Count == 0 ? null : ranked[0];
        return new ThreadSummary(CustomerWants(corpus, phrases, wants), Tried(corpus, phrases, wants?.Sentence), status, next) { Language = phrases.Language };
    }

    private static string CustomerWants(ThreadCorpus corpus, SummaryPhrases phrases, RankedSentence? best)
    {
        if (best is null)
        {
            return string.IsNullOrWhiteSpace(corpus.Thread.Ticket.Subject)
                ? phrases.NotSaidYet
                : $"\"{ThreadText.Trim(corpus.Thread.Ticket.Subject.Trim(), MaxQuote)}\"";
        }
        var text = Quote(best.Sentence);
        var at = Index(best);
        // "Why does Win 7 keep: - Changing PC time for DLS …" ends in its one list item.
        if (text.EndsWith(':') && at + 1 < best.From.Sentences.Count && TextBlocks.Bullet().IsMatch(best.From.Sentences[at + 1])
            && (at + 2 == best.From.Sentences.Count || !TextBlocks.Bullet().IsMatch(best.From.Sentences[at + 2]))
            && Quote(best.From.Sentences[at + 1]) is { Length: > 0 } item)
        {
            // The item goes on with the sentence: "keep: - Changing PC time" reads "keep changing PC time".
            var joined = text.TrimEnd(':') + " " + (item.Length > 1 && char.IsUpper(item[0]) && !char.IsUpper(item[1]) ? char.ToLowerInvariant(item[0]) + item[1..] : item);
            text = ThreadText.Trim(Cues.QuestionOpening().IsMatch(text) ? joined.TrimEnd('.', '!', ' ') + "?" : joined, MaxQuote);
        }
        // A short opening ("Order #123 never arrived.") is clearer with the sentence that follows it,
        // and a question ("How do I stop it?") with the statement of the problem just before it.
        if (!best.IsAsk && ThreadText.WordCount(text) < 14 && at + 1 < best.From.Sentences.Count
            && Sentence(best.From.Sentences[at + 1]) is { } following)
        {
            text += " " + Quote(following);
        }
        // A question needs the problem stated just before it; a statement from the middle of a message, the
        // message's opening sentence ("One of my bulbs just died."), after one that only says who writes ("Me again …").
        bool Opens(int i) => !Cues.Announcement().IsMatch(best.From.Sentences[i].Trim());
        var contextAt = best.IsAsk ? at - 1 : Enumerable.Range(0, at).Where(Opens).DefaultIfEmpty(-1).First();
        var context = at > 0 && contextAt >= 0 && Sentence(best.From.Sentences[contextAt]) is { } before && !Cues.Tried().IsMatch(before) && !Venting.IsAllOf(before) && Opens(contextAt)
            ? Quote(before) : null;
        if (phrases.Language != "en")
        {
            return $"\"{(context is null ? "" : context + " ")}{text}\"";
        }
        // "Can you deliver to my new address instead please:" asks, though it ends on the address that follows.
        var asks = best.IsQuestion || QuestionForm().IsMatch(text) || text.EndsWith('?');
        var said = Said(phrases, asks && text.TrimEnd().EndsWith(':') ? text.TrimEnd().TrimEnd(':') + "?" : text, asks);
        return context is null ? said : $"{phrases.CustomerSays} {EndSentence(ReportedSpeech.Retell(context))} {said}";
    }

    /// <summary>Customer sentences, best statement of the customer's need first.</summary>
    internal static List<RankedSentence> RankAsks(ThreadCorpus corpus, IReadOnlyList<CleanComment> customer)
    {
        var ranked = new List<RankedSentence>();
        for (var k = 0; k < customer.Count; k++)
        {
            var comment = customer[k];
            // The need is stated in the first message; later ones mostly answer the agent's questions ("yes, it has plenty of
            // ventilation") or follow up, which the status and next step report. A first message that only announces a
            // question (Cues.Announcement) gives way to the question itself.
            var messageWeight = k == 0 ? 1.8 : k == customer.Count - 1 ? 0.5 : 0.3;
            for (var i = 0; i < comment.Sentences.Count; i++)
            {
                var s = comment.Sentences[i];
                var words = ThreadText.WordCount(Quote(s));
                if (words == 0)
                {
                    continue;
                }
                var isQuestion = s.TrimEnd().EndsWith('?');
                var isRequest = Cues.Request().IsMatch(s);
                var score = messageWeight
                    + 0.6 / (1 + i)
                    + Math.Min(1.2, (isRequest ? 0.8 : 0) + (isQuestion ? 0.6 : 0) + (Cues.Problem().IsMatch(s) ? 0.6 : 0))
                    + 0.8 * corpus.Centrality(s, comment)
                    // "I tried to verify it, but the link had expired" is what went wrong; "I already restarted it" is not.
                    - (Cues.Tried().IsMatch(s) && !isQuestion && !Cues.But().IsMatch(s) ? 0.8 : 0)
                    - (Cues.Courtesy().IsMatch(s) || Cues.Resolved().IsMatch(s) && !Cues.Ongoing().IsMatch(s) || Cues.Announcement().IsMatch(s.Trim()) ? 1.2 : 0)
                    // "This is the third time I'm writing": how the customer feels, not what they want.
                    - (Venting.IsAllOf(s) ? 1.2 : 0)
                    - (words < 4 ? 1.2 : 0)
                    - (words > 45 ? 0.4 : 0);
                ranked.Add(new RankedSentence(s, comment, score, isQuestion || isRequest, isQuestion));
            }
        }
        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        return ranked;
    }

    /// <param name="wants">The sentence the summary already gives as what the customer wants; not told twice.</param>
    private static string Tried(ThreadCorpus corpus, SummaryPhrases phrases, string? wants)
    {
        var agent = new List<(string Sentence, CleanComment From, double Score)>();
        foreach (var comment in corpus.Comments.Where(c => c.IsAgentReply))
        {
            var best = comment.Sentences
                .Where(TellsAgentStep)
                .Select(s => (Sentence: s, From: comment, Score: corpus.Centrality(s, comment) + (Cues.AsksCustomer().IsMatch(s) ? 0.5 : 0) + ActionWeight(s)))
                .OrderByDescending(x => x.Score)
                .FirstOrDefault();
            if (best.Sentence is not null)
            {
                agent.Add(best);
            }
        }
        // The agent's most telling step, and where the agent left it when that came later.
        var picked = agent.OrderByDescending(a => a.Score).Take(1).ToList();
        if (agent.Count > 1 && agent[^1].From != picked[0].From && agent[^1].Sentence.Trim() != picked[0].Sentence.Trim())
        {
            picked.Add(agent[^1]);
        }
        var items = picked.OrderBy(a => a.From.Index).Select(a => (a.From.Index, Text: AgentDid(phrases, a.Sentence))).ToList();
        var attempt = corpus.Comments.Where(c => c.IsCustomer)
            .SelectMany(c => c.Sentences.Where(s => !ReferenceEquals(s, wants) && (phrases.Language == "en" ? Cues.Attempted() : Cues.Tried()).IsMatch(s) && !s.TrimEnd().EndsWith('?') && !Cues.Courtesy().IsMatch(s) && !Cues.Resolved().IsMatch(s)).Select(s => (c.Index, Sentence: s)))
            .FirstOrDefault();
        if (attempt.Sentence is not null)
        {
            items.Add((attempt.Index, phrases.Language == "en" ? $"The customer says {ReportedSpeech.Retell(AttemptClause(Quote(attempt.Sentence)))}" : $"{phrases.CustomerTried} \"{Quote(attempt.Sentence)}\""));
        }
        return items.Count == 0
            ? phrases.NothingTried
            : string.Join(' ', items.OrderBy(i => i.Index).Select(i => EndSentence(i.Text)));
    }

    /// <summary>
    /// The part of an English sentence that tells the attempt and how it went: "I tried deleting and reinstalling, but nothing
    /// gets past loading" out of "When I first restored … I tried deleting and reinstalling, but …", and "I tried and it's
    /// still the same" without the "... moreover, my song history is empty" that follows.
    /// </summary>
    private static string AttemptClause(string sentence)
    {
        var m = Cues.Attempted().Match(sentence);
        if (!m.Success)
        {
            return sentence;
        }
        var start = m.Value.StartsWith('i') || m.Value.StartsWith('I') || m.Value.StartsWith("we", StringComparison.OrdinalIgnoreCase)
            ? m.Index
            : sentence.AsSpan(0, m.Index).LastIndexOfAny(",;:") + 1;
        var after = m.Index + m.Length;
        var end = AttemptEnd().Match(sentence, after) is { Success: true } stop ? stop.Index : sentence.Length;
        var clause = sentence[start..end].TrimStart(' ', '(', ')', '-', '"', '\'').TrimEnd();
        // "tried everything but …" says who tried only in the message's author: the retelling needs its "I".
        return clause.StartsWith("tried", StringComparison.OrdinalIgnoreCase) || clause.StartsWith("already", StringComparison.OrdinalIgnoreCase)
            ? "I " + char.ToLowerInvariant(clause[0]) + clause[1..] : clause;
    }

    /// <summary>
    /// A list item that is no sentence of its own: it starts in lower case after its bullet, or ends on a semicolon
    /// ("- votre compte principal (…), avec votre Bridge et vos 14 lampes ;"). Quoted alone, it says nothing of what was done.
    /// </summary>
    internal static bool IsListFragment(string sentence)
    {
        var trimmed = sentence.Trim();
        var item = TextBlocks.Bullet().Replace(trimmed, "");
        return item.Length == 0 || item.Length < trimmed.Length && char.IsLower(item[0]) || item[^1] == ';';
    }

    /// <summary>
    /// Whether an agent's sentence can tell what the agent did: not politeness, a greeting, a list fragment, a sign-off
    /// (<see cref="Cues.SignOff"/>), a check-in after the answer (<see cref="Cues.CheckIn"/>) or sympathy alone (<see cref="Cues.Sympathy"/>).
    /// </summary>
    private static bool TellsAgentStep(string sentence)
    {
        var s = sentence.Trim();
        return ThreadText.WordCount(Quote(s)) >= 4 && !Cues.Courtesy().IsMatch(s) && !ThreadText.IsGreetingLine(s) && !IsListFragment(s)
            && !Cues.SignOff().IsMatch(s) && !Cues.CheckIn().IsMatch(s) && !Cues.Sympathy().IsMatch(s);
    }

    private static string AgentDid(SummaryPhrases phrases, string sentence)
    {
        var quote = Quote(sentence);
        if (phrases.Language == "en")
        {
            return "The agent " + ReportedSpeech.AgentAct(quote);
        }
        return $"{(Cues.AsksCustomer().IsMatch(sentence) ? phrases.AgentAsked : phrases.AgentSaid)} \"{quote}\"";
    }

    private static string Said(SummaryPhrases phrases, string text, bool asks)
    {
        var retold = ReportedSpeech.Retell(text);
        return retold.StartsWith("asks ", StringComparison.Ordinal) ? "The customer " + retold
            : asks ? $"{phrases.CustomerAsks} {retold}"
            : $"{phrases.CustomerSays} {retold}";
    }

    /// <summary>A sentence as it may be quoted: links and a list item's bullet dropped, at most about 200 characters.</summary>
    internal static string Quote(string sentence) =>
        ThreadText.Trim(WithoutLeadingSymbols(TextBlocks.Bullet().Replace(System.Net.WebUtility.HtmlDecode(Link().Replace(sentence, "")).Trim(), "")), MaxQuote);

    /// <summary>A sentence without the emoji and other symbols before its first word ("🤔 We'd like to help …"); letters stay, whatever their plane.</summary>
    private static string WithoutLeadingSymbols(string text)
    {
        var at = 0;
        while (at < text.Length && Rune.DecodeFromUtf16(text.AsSpan(at), out var rune, out var length) == System.Buffers.OperationStatus.Done
            && (Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.Format))
        {
            at += length;
        }
        return at == 0 ? text : text[at..];
    }

    private static string? Sentence(string s) =>
        ThreadText.WordCount(Quote(s)) >= 4 && !Cues.Courtesy().IsMatch(s) ? s : null;

    private static int Index(RankedSentence r)
    {
        for (var i = 0; i < r.From.Sentences.Count; i++)
        {
            if (ReferenceEquals(r.From.Sentences[i], r.Sentence))
            {
                return i;
            }
        }
        return r.From.Sentences.Count;
    }

    /// <summary>A period after the text, unless it already ends a sentence.</summary>
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

    internal sealed record RankedSentence(string Sentence, CleanComment From, double Score, bool IsAsk, bool IsQuestion);

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    /// <summary>An English request put as a question, whatever ends it: "Can you …", "Could we …", "Would you …".</summary>
    [GeneratedRegex(@"^(?:can|could|would|will) (?:you|we|i|someone)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionForm();

    /// <summary>Where an attempt's clause ends and something else begins: "...", ";", " - ", ", moreover", ", also".</summary>
    [GeneratedRegex(@"\.{2,}|…|;|\s[-–]\s|,\s*(?:moreover|also|and also|plus|btw|by the way)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AttemptEnd();
}
