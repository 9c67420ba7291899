using System.Text.RegularExpressions;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Threads;

/// <summary>Feedback with nothing else to answer (<see cref="ThanksOnly.Suggests"/>): a suggestion for the product, or thanks and praise.</summary>
/// <param name="Settled">The customer also says their problem is sorted ("Apple refunded it within an hour actually").</param>
/// <param name="Suggestion">They suggest something for the product; otherwise they only thank us or praise ("Great service!").</param>
internal sealed record CustomerFeedback(bool Settled, bool Suggestion);

internal static partial class ThanksOnly
{
    private const int MaxFeedbackWords = 90;
    private const int MaxFeedbackAsideWords = 20;

    /// <summary>
    /// The customer's messages since our last answer (all of them before any answer) make a suggestion for the product
    /// ("Would be nice if your app made it clearer that the trial turns into a paid thing.", "Maybe make the "paused" thing a
    /// bit more obvious though?") and otherwise only thank, remark, tell how it turned out or jab ("So you're just passing the
    /// buck?"); or, before any answer of ours, a new message only thanks or praises ("Just wanted to say thank you to Priya
    /// for sorting out my bridge last week. Great service!": <see cref="CustomerFeedback.Suggestion"/> false; after an answer that is
    /// <see cref="Of"/>'s thanks). Null when we answered last, when there is neither, or when beside it they ask for
    /// something, name something wrong, or turn to a new problem or an order: those still need an answer.
    /// </summary>
    public static CustomerFeedback? Suggests(HelpdeskThread thread)
    {
        if (Turns.AnsweredLast(thread))
        {
            return null;
        }
        var text = string.Join('\n', Turns.Unanswered(thread).Select(c => ThreadText.Clean(c.Text)));
        if (text.Length == 0 || ThreadText.WordCount(text) > MaxFeedbackWords)
        {
            return null;
        }
        var sentences = ThreadText.Sentences(text);
        var suggestions = sentences.Where(s => Suggestion().IsMatch(s)).ToList();
        var suggests = suggestions.Count > 0;
        if (suggests ? !suggestions.All(Proposes) : !Praises(thread, sentences))
        {
            return null;
        }
        var rest = sentences.Where(s => !suggestions.Contains(s)).ToList();
        return rest.All(suggests ? FeedbackAside : PraiseAside)
            ? new CustomerFeedback(rest.Any(s => Cues.Fixed().IsMatch(s) || Outcome().IsMatch(s) || Cues.Gone().IsMatch(s) || Settled().IsMatch(s)), suggests)
            : null;
    }

    /// <summary>
    /// A new ticket (no agent has answered) that thanks or praises; not thanks "in advance" or a hope that we can help, which
    /// open a request.
    /// </summary>
    private static bool Praises(HelpdeskThread thread, IReadOnlyList<string> sentences) =>
        !Turns.Spoken(thread).Any(c => c.Author.Role == AuthorRole.Agent)
        && sentences.Any(s => Praise().IsMatch(s)) && !sentences.Any(s => Beforehand().IsMatch(s));

    /// <summary>
    /// A suggestion that reports no fault, symptom, order or money owed and asks nothing for the customer ("Would be nice if it
    /// didn't crash", "it would be great if you could tell me when it ships" still need an answer); "please" alone asks nothing.
    /// </summary>
    private static bool Proposes(string sentence) =>
        !Cues.Problem().IsMatch(sentence) && !Cues.Symptom().IsMatch(sentence) && !Cues.NewProblem().IsMatch(sentence)
        && !Cues.Order().IsMatch(sentence) && !Owed().IsMatch(sentence) && !ForMe().IsMatch(sentence)
        && Cues.Request().Matches(sentence).All(m => Please().IsMatch(m.Value));

    /// <summary>
    /// A sentence beside a suggestion that leaves nothing to answer: thanks or goodbye, a jab, how it turned out ("Apple
    /// refunded it within an hour actually"), or a remark of up to <see cref="MaxFeedbackAsideWords"/> words that names
    /// nothing wrong ("Well that's a bit embarrassing, never noticed the paused label.").
    /// </summary>
    private static bool FeedbackAside(string sentence)
    {
        if (Cues.Request().IsMatch(sentence) || Cues.Ongoing().IsMatch(sentence) || Cues.Symptom().IsMatch(sentence) || Contrast().IsMatch(sentence))
        {
            return false;
        }
        if (Closes(sentence) || Jab().IsMatch(sentence))
        {
            return true;
        }
        var plain = Plain(sentence);
        return !sentence.Contains('?') && ThreadText.WordCount(sentence) <= MaxFeedbackAsideWords
            && (Calm(plain) || Settled().IsMatch(sentence) && !Cues.Problem().IsMatch(plain) && !Cues.NewProblem().IsMatch(plain));
    }

    /// <summary>
    /// A sentence of a message that only thanks or praises: thanks, praise, or a remark of up to <see cref="MaxRemarkWords"/>
    /// words, none naming anything wrong or asking anything ("The app wouldn't accept my top up." is a request).
    /// </summary>
    private static bool PraiseAside(string sentence)
    {
        if (sentence.Contains('?') || Cues.Request().IsMatch(sentence) || Cues.Ongoing().IsMatch(sentence) || Cues.Symptom().IsMatch(sentence) || Contrast().IsMatch(sentence))
        {
            return false;
        }
        var plain = Plain(sentence);
        // Praise may name what is new ("love the new scenes"); nothing else may.
        return Praise().IsMatch(sentence) && Calm(Novelty().Replace(plain, " "))
            || (Closes(sentence) || ThreadText.WordCount(sentence) <= MaxRemarkWords) && Calm(plain);
    }

    /// <summary>
    /// A suggestion for the product: "would be nice if", "maybe make…", "you should add…", "I'd suggest", "feature request",
    /// "es wäre schön, wenn", "ce serait bien si", "sería útil que", "het zou handig zijn als", "seria bom se", "sarebbe utile se".
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:(?:it )?(?:would|'d) be (?:nice|great|good|better|helpful|useful|handy|easier|clearer) (?:if|to)|it'd be (?:nice|great|good|better|helpful|useful|handy) (?:if|to)|(?:maybe|perhaps) (?:you (?:could|should|can|might) |just )?(?:make|add|put|show|mark|highlight|label|change|consider|let|warn|display)|you (?:should|could|might want to|ought to) (?:make|add|put|show|mark|highlight|label|change|consider|warn|display|mention) |(?:i'd|i would) (?:suggest|recommend)|(?:my |one )suggestion (?:would be|is)|feature request|(?:please )?consider (?:adding|making|changing|showing)|i wish (?:your|the|you)|why not (?:make|add|show|put)|w[äa]re (?:es )?(?:sch[öo]n|gut|toll|hilfreich|praktisch|besser|klasse),? wenn|(?:ich w[üu]rde|mein) (?:vorschlagen|vorschlag)|ce serait (?:bien|bon|utile|pratique|mieux|super) (?:que|si|de)|je (?:sugg[èe]re|propose) |ser[íi]a (?:bueno|genial|[úu]til|mejor|estupendo) (?:que|si)|(?:les )?sugiero|(?:het )?zou (?:fijn|mooi|handig|goed|beter|prettig) zijn (?:als|om)|ik stel voor|seria (?:bom|[óo]timo|[úu]til|melhor) (?:se|que)|sugiro|sarebbe (?:bello|utile|meglio|comodo|ottimo) (?:se|che)|suggerisco)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Suggestion();

    /// <summary>
    /// Thanks (<see cref="Cues.Thanks"/>) or praise: "thank you", "great service", "brilliant", "love the new scenes", "keep it up", "Kompliment",
    /// "génial", "geweldig", "fantástico", "ótimo", "complimenti".
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:" + Cues.Thanks + @"|great (?:service|job|work|support|app|product)|brilliant|amazing|fantastic|awesome|wonderful|superb|love (?:the|your|it|this)|keep it up|well done|kudos|compliments?|kompliment|klasse|hervorragend|bravo|g[ée]nial|formidable|excellent|genial|estupendo|fant[áa]stic[oa]|geweldig|prima|[óo]tim[oa]|excelente|complimenti|ottim[oa]|bravissim[oi])(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Praise();

    /// <summary>What praise may say is new or more: "new", "also", "too", "again", "more", "neue", "nouveau", "nuevo", "nieuwe", "novo", "nuovo".</summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:new|also|too|again|more|neue[nmrs]?|auch|nouve(?:au|lle)s?|aussi|nuev[oa]s?|tambi[ée]n|nieuwe?|ook|nov[oa]s?|tamb[ée]m|nuov[oa]|anche)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Novelty();

    /// <summary>Thanks ahead of help, or a hope for it: "thanks in advance", "hope you can help", "im Voraus", "d'avance", "de antemano", "alvast", "spero".</summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:in advance|ahead of time|hop(?:e|ing)|im voraus|hoffe|d'avance|par avance|esp[èe]re|de antemano|por adelantado|espero|alvast|hoop|antecipadamente|in anticipo|spero)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Beforehand();

    /// <summary>Money or goods owed to the customer, which a suggestion does not ask for: "refund", "money back", "compensation", "Erstattung"…</summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:refund\w*|money back|reimburse\w*|compensat\w*|credit (?:me|my)|erstatt\w*|r[üu]ckerstattung|rembours\w*|reembols\w*|terugbetal\w*|rimbors\w*)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Owed();

    /// <summary>What was owed came through: "Apple refunded it", "the credit came through", "erstattet", "remboursé", "reembolsado".</summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:refunded|reimbursed|credited|came through|went through|sorted (?:it|that|this)(?: out)?|erstattet|zur[üu]ckerstattet|rembours[ée]e?s?|reembolsad[oa]s?|terugbetaald|rimborsat[oi])(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Settled();

    /// <summary>The customer as the one something is for: "tell me", "let me", "for me", "mir", "mich".</summary>
    [GeneratedRegex(@"(?<![\p{L}'])(?:me|mir|mich)(?![\p{L}'])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForMe();

    /// <summary>The word of politeness among <see cref="Cues.Request"/>'s: "please", "bitte", "svp", "por favor", "graag", "per favore".</summary>
    [GeneratedRegex(@"^(?:please|bitte|s'il vous pla[îi]t|svp|por favor|graag|alstublieft|alsjeblieft|per favore)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Please();

    /// <summary>A short jab that needs no answer: "So you're just passing the buck?", "Really?", "Seriously?".</summary>
    [GeneratedRegex(@"^\W*(?:(?:so,? )?(?:you're|you are) (?:just )?\w+ing\b[^.!?\n]{0,30}\?|really\?|seriously\?|is that (?:it|all)\?)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Jab();
}
