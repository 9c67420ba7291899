using System.Text.RegularExpressions;
using Copilot.Api.Drafts.Guards;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Threads;

/// <summary>What the customer's latest message, after an agent's answer, leaves to do (<see cref="ThanksOnly.Of"/>).</summary>
internal enum LastWord
{
    /// <summary>Something to answer, or no agent has answered yet.</summary>
    Open,

    /// <summary>Only what the customer will do next ("OK, I'll try that tonight"): a short acknowledgement at most.</summary>
    NextStep,

    /// <summary>Only thanks, "it's solved" or goodbye: no answer is needed.</summary>
    Thanks,
}

/// <summary>
/// A thread whose latest customer message, after an agent's answer, only thanks, says the problem is
/// solved or says goodbye ("Thanks, it works now!", "Danke, funktioniert wieder"), or only says what the customer
/// will do next: it needs no answer, at most a short acknowledgement. The summary and the offline draft both read it here.
/// </summary>
internal static partial class ThanksOnly
{
    private const int MaxWords = 40;

    /// <summary>
    /// What the customer's messages since our last answer leave to do (<see cref="LastWord.Open"/> when we answered last: see
    /// <see cref="Answered"/>). A next step comes first: "Thanks, I'll try that tonight"
    /// is what comes next, not solved; a message that also confirms a fix ("It works now, I'll tell my friends") is a thanks.
    /// </summary>
    public static LastWord Of(HelpdeskThread thread) =>
        Turns.AnsweredLast(thread) || Read(thread) is not { } read ? LastWord.Open
        : TellsNextStep(read) ? LastWord.NextStep
        : IsThanks(read) ? LastWord.Thanks
        : LastWord.Open;

    /// <summary>
    /// What the customer's messages before our last answer left to do, when that answer is the last message: <see cref="LastWord.Thanks"/>
    /// when it answered only thanks or "it works now" ("Great, thanks for confirming! I'll close this ticket now."); <see cref="LastWord.Open"/>
    /// when the customer wrote last.
    /// </summary>
    public static LastWord Answered(HelpdeskThread thread)
    {
        if (!Turns.AnsweredLast(thread))
        {
            return LastWord.Open;
        }
        var lastCustomer = thread.Comments.ToList().FindLastIndex(c => c.Public && c.Author.Role == AuthorRole.Customer);
        return Of(thread with { Comments = thread.Comments.Take(lastCustomer + 1).ToList() });
    }

    private static bool IsThanks(Reading read)
    {
        if (ThreadText.WordCount(read.Text) > MaxWords)
        {
            return false;
        }
        var sentences = read.Sentences;
        return sentences.Any(s => Closes(s.Text)) && sentences.All(s => !Cues.Request().IsMatch(s.Text) && (Closes(s.Text) || s.Plain.Length == 0 || Remark(s.Text, s.Plain)));
    }

    /// <summary>
    /// Only what the customer will do next ("OK, I'll try that tonight", "I'll get the letter signed by our director this week
    /// and send everything", "Mal sehen, was morgen passiert"), with nothing asked, nothing wrong and no order or payment in it.
    /// </summary>
    private static bool TellsNextStep(Reading read)
    {
        if (read.FixConfirmed || ThreadText.WordCount(read.Text) > MaxNextStepWords)
        {
            return false;
        }
        var sentences = read.Sentences;
        return sentences.Any(s => NextStep().IsMatch(s.Text) && Calm(s.Plain))
            && sentences.All(s => !Cues.Request().IsMatch(s.Plain)
                && (Closes(s.Text) || s.Plain.Length == 0 || (NextStep().IsMatch(s.Text) || ThreadText.WordCount(s.Text) <= MaxAsideWords) && Calm(s.Plain)));
    }

    /// <summary>The customer's words since our last answer, their sentences with and without what says nothing is wrong, and whether they confirm a fix.</summary>
    private sealed record Reading(string Text, List<(string Text, string Plain)> Sentences, bool FixConfirmed);

    private const int MaxNextStepWords = 60;
    private const int MaxAsideWords = 25;

    private static bool Closes(string s) => Cues.Resolved().IsMatch(s) || Acknowledged().IsMatch(s) || Cues.Courtesy().IsMatch(s) || Surprise().IsMatch(s);

    /// <summary>
    /// The customer's messages since our last answer, read together, and their sentences with and without the words that say
    /// nothing is wrong; null when no agent has answered yet, or when the customer asks, denies or objects to something.
    /// </summary>
    private static Reading? Read(HelpdeskThread thread)
    {
        var comments = Turns.Spoken(thread);
        var latest = comments.FindLastIndex(c => c.Author.Role == AuthorRole.Customer);
        if (latest <= 0 || !comments.Take(latest).Any(c => c.Author.Role == AuthorRole.Agent))
        {
            return null;
        }
        var lastAgent = comments.FindLastIndex(latest, c => c.Author.Role == AuthorRole.Agent);
        var text = string.Join('\n', comments.Skip(lastAgent + 1).Where(c => c.Author.Role == AuthorRole.Customer).Select(c => ThreadText.Clean(c.Text)));
        var raw = string.Join('\n', comments.Skip(lastAgent + 1).Where(c => c.Author.Role == AuthorRole.Customer).Select(c => ThreadText.Normalize(c.Text).Trim()));
        if (text.Length == 0)
        {
            text = raw; // cleaning took it all: the message was only "Thanks!"
        }
        // What is left to read once the words that say nothing is wrong are out: surprise at how well it went ("Didn't expect
        // that to be so easy"), "I didn't even notice", "no worries", "but understood", and a fix told as a negation or a
        // return ("it doesn't flicker anymore", "Die Lampe flackert nicht mehr", "solid green again").
        // Once the fix is confirmed, what caused it is told, not asked about ("it was the last connector, it wasn't pushed in").
        var fixConfirmed = Cues.Fixed().IsMatch(text) || Outcome().IsMatch(text) || Cues.Gone().IsMatch(text);
        var sentences = ThreadText.Sentences(text)
            .Select(s => (Text: s, Plain: Surprise().IsMatch(s) || fixConfirmed && Cause().IsMatch(s) && !Contrast().IsMatch(s) && !Cues.NewProblem().IsMatch(s) ? "" : Plain(s))).ToList();
        var plain = string.Join('\n', sentences.Select(s => s.Plain));
        return text.Contains('?') || CommitmentPatterns.Negation().IsMatch(plain) || Contrast().IsMatch(plain) ? null : new Reading(text, sentences, fixConfirmed);
    }

    /// <summary>The sentence without what says nothing is wrong: <see cref="Cues.Benign"/>, <see cref="Cues.Gone"/>, <see cref="Restored"/>.</summary>
    private static string Plain(string sentence) =>
        Restored().Replace(Cues.Gone().Replace(Cues.Benign().Replace(sentence, " "), " "), " ");

    /// <summary>
    /// A short aside beside the thanks ("Fair enough.", "4.99 lesson for him then!", "DM sent"): up to
    /// <see cref="MaxRemarkWords"/> words that name no problem, symptom, order, payment or anything new; or how it turned out, up to
    /// <see cref="MaxOutcomeWords"/> ("Clips arrived and are fitted, the strip is solid now.", "the shed has been connected
    /// for two days straight") or what the customer will do next ("I'll put the Bridge on my Christmas list!"), on the same
    /// conditions; or, up to <see cref="MaxOutcomeWords"/>, the steps of a return or a new order done as we asked ("I got the
    /// label and dropped off the parcel at noon", "J'ai aussi recommandé les E14"), which may name the parcel or the order
    /// but nothing wrong with them.
    /// </summary>
    /// <param name="plain">The sentence without the words that say nothing is wrong (<see cref="Cues.Benign"/>).</param>
    private static bool Remark(string sentence, string plain)
    {
        var words = ThreadText.WordCount(sentence);
        return (words <= MaxRemarkWords || words <= MaxOutcomeWords && (Outcome().IsMatch(sentence) || NextStep().IsMatch(sentence))) && Calm(plain)
            || words <= MaxOutcomeWords && SentBack().IsMatch(sentence) && Settled(plain);
    }

    /// <summary>
    /// Names no problem, symptom, fault, new matter, order or payment, does not vent ("I'll be honest, this is the worst service
    /// ever") and does not say the customer will leave ("I will take my business elsewhere", <see cref="Cues.Leaving"/>).
    /// </summary>
    /// <param name="plain">The sentence without the words that say nothing is wrong (<see cref="Plain"/>).</param>
    private static bool Calm(string plain) => Quiet(plain) && !NewMatter().IsMatch(plain) && !Cues.Order().IsMatch(plain);

    /// <summary>
    /// <see cref="Calm"/> but for the parcel, the order and "also": a return or a new order told as done names them. Still
    /// nothing wrong, missing or broken, no "but", no payment.
    /// </summary>
    private static bool Settled(string plain) => Quiet(plain) && !Cues.But().IsMatch(plain);

    /// <summary>No venting, leaving, problem, symptom, new problem, fault or payment: what <see cref="Calm"/> and <see cref="Settled"/> share.</summary>
    private static bool Quiet(string plain) =>
        Boundaries.Venting.Spans(plain).Count == 0 && !Cues.Leaving().IsMatch(plain) && !Cues.Problem().IsMatch(plain) && !Cues.Symptom().IsMatch(plain)
        && !Cues.NewProblem().IsMatch(plain) && !Fault().IsMatch(plain) && !Cues.Billing().IsMatch(plain);


    private const int MaxRemarkWords = 6;
    private const int MaxOutcomeWords = 20;

    /// <summary>Words that tell how it turned out: "solid now", "connected", "fitted", "arrived", "läuft", "chegou"…</summary>
    [GeneratedRegex(@"(?<![\p{L}])(fixed|working|works|worked|solid|stable|steady|connected|arrived|fitted|installed|back (on|online|to normal)|(is|are) back|appeared|showed up|fine now|all good|done|sorted|angekommen|l[äa]uft|verbunden|arriv[ée]e?s?|connect[ée]e?s?|lleg[óo]|conectad[oa]s?|aangekomen|verbonden|chegou|chegaram|arrivat[oi]|collegat[oi])(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Outcome();

    /// <summary>A return to working order: "solid green again", "back online again", "online again", "läuft wieder", "werkt weer".</summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:(?:work(?:s|ing)?|online|connected|stable|solid(?: \w+)?|fine|normal|back|on) again|(?:l[äa]uft|funktioniert|verbunden|online) (?:\w+ )?wieder|wieder (?:online|verbunden|da)|(?:werkt|verbonden|online) weer|(?:fonctionne|marche|connect[ée]e?) (?:de nouveau|[àa] nouveau)|(?:funciona|conectad[oa]) (?:de nuevo|otra vez)|(?:funciona|ligad[oa]) de novo|(?:funziona|collegat[oa]) di nuovo)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Restored();

    /// <summary>
    /// What the customer will do next, or wait to see: "I'll try that tonight", "we'll send it", "Will set it up in December",
    /// "let's see", "ich werde", "mal sehen", "je vais", "on verra", "voy a", "ya veremos", "ik ga", "we zien wel", "vou",
    /// "vamos ver", "proverò", "vedremo".
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:i'll|i will|i'm going to|i am going to|we'll|we will|we're going to|we are going to|let's see|ich werde|werde ich|wir werden|werden wir|mal sehen|je vais|nous allons|on va|on verra|voy a|vamos a|ya veremos|ik ga|we gaan|we zien (?:het )?wel|vou|vamos ver|vado a|andr[òo]|prover[òo]|vedremo)(?![\p{L}])|^\W*will\s+\p{L}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NextStep();

    /// <summary>What caused it, told once it works: "Turns out it was the router", "it was the last connector", "it was set to WPA3 only", "lag am Dimmer", "c'était le variateur".</summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:turn(?:s|ed) out|it was (?:just |only )?(?:the|a|my|set|switched|turned|left|paused|plugged)|the (?:problem|issue|culprit|cause) was|(?:es|das) lag (?:an|am)|c'[ée]tait (?:le|la|juste)|era (?:el|la|o|a|s[óo])|het lag aan|lag aan)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cause();

    /// <summary>
    /// A step of a return or a new order the customer says they have done: "dropped off the parcel", "sent them back",
    /// "reordered", "got the return label", "déposé le colis", "Paket abgegeben", "lo he devuelto", "teruggestuurd", "devolvi",
    /// "rispedito".
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:dropped (?:it |them |the \w+ )?off|sent (?:it|them|the \w+) (?:back|off)|posted (?:it|them|the \w+)|returned (?:it|them|the \w+)|shipped (?:it|them) back|re-?ordered|ordered the (?:right|correct) \w+|printed (?:out )?the (?:return )?label|(?:got|received) the (?:return )?(?:label|rma)"
        + @"|d[ée]pos[ée]e?|renvoy[ée]e?s?|exp[ée]di[ée]e?s?|recommand[ée]e?s?|(?:re[çc]u|imprim[ée]) l'[ée]tiquette"
        + @"|abgegeben|zur[üu]ckgeschickt|zur[üu]ckgesendet|nachbestellt|neu bestellt|etikett (?:\w+ )?(?:erhalten|bekommen|ausgedruckt)"
        + @"|entregu[ée]|devolv[íi]|devuelto|he enviado|envi[ée] (?:el|la|los|las)|vuelto a pedir|(?:recib[íi]|recibido) la etiqueta"
        + @"|afgegeven|teruggestuurd|opgestuurd|opnieuw besteld|nabesteld|label ontvangen"
        + @"|entreguei|devolvi|enviei|voltei a encomendar|recebi a etiqueta"
        + @"|consegnato|restituit[oi]|rispedit[oi]|riordinat[oi]|ricevuto l'etichetta)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentBack();

    /// <summary>Something wrong with what was sent or ordered: "wrong", "missing", "damaged", "falsch", "manquant", "roto"…</summary>
    [GeneratedRegex(@"(?<![\p{L}])(dead|broken|stopped|wrong|missing|damaged|problem|issue|question|lost|kaputt|falsch\w*|fehlt|besch[äa]digt|verloren|cass[ée]e?s?|mauvais\w*|manquant\w*|ab[îi]m[ée]e?s?|perdu|rot[oa]s?|equivocad\w*|falta|dañad\w*|perdid\w*|kapot|verkeerd\w*|ontbreekt|beschadigd|kwijt|partid\w*|errad\w*|danificad\w*|rott[oi]|sbagliat\w*|manca|danneggiat\w*|pers[oi])(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Fault();

    /// <summary>Words that bring up something beside what was answered: another item, the same again (a fault: <see cref="Fault"/>).</summary>
    [GeneratedRegex(@"(?<![\p{L}])(also|too|another|other|again|more|else|new|auch|noch|andere[nmrs]?|wieder|aussi|autre|encore|tambi[ée]n|otr[oa]|otra vez|ook|ander[e]?|weer|tamb[ée]m|outr[oa]|anche|altr[oa])(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NewMatter();

    /// <summary>
    /// Surprise at how easy or quick it was: "Didn't expect that to be so easy.", "Never thought it would be that quick!",
    /// "Hätte nicht gedacht, dass es so einfach ist", "Je ne pensais pas que ce serait si simple".
    /// </summary>
    [GeneratedRegex(@"^\W*(?:i\s+)?(?:didn't|did not|never|wouldn't have|would not have)\s+(?:have\s+)?(?:expect(?:ed)?|thought|think|imagine[d]?|guess(?:ed)?)\b(?:(?!\b(?:but|work|working|broke|broken|wrong|again)\b)[^.!?\n]){0,50}\b(?:so|that|this|such)\s+(?:easy|easily|quick|quickly|fast|simple|smooth|painless|helpful)\b[^.!?\n]{0,20}[.!]*\s*$|^\W*(?:h[äa]tte|h[äa]tten)\s+(?:ich\s+)?nicht\s+gedacht\b[^.!?\n]{0,50}\bso\s+(?:einfach|schnell)\b|^\W*je\s+ne\s+(?:pensais|croyais)\s+pas\b[^.!?\n]{0,50}\bsi\s+(?:simple|facile|rapide)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Surprise();

    /// <summary>"Thanks, but…": what follows is a new question.</summary>
    [GeneratedRegex(@"(?<![\p{L}])(but|however|still|although|except|aber|doch|trotzdem|mais|toujours|pero|todav[íi]a|maar|nog steeds|mas|ainda|ma|ancora)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Contrast();

    /// <summary>
    /// What closes a conversation beside <see cref="Cues.Resolved"/> (which reads thanks and "it works now" in every
    /// language): a bare "solved", an acknowledgement ("got it", "fair enough") or a goodbye.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])((it|that|this) (works|worked|did it|fixed it|helped|solved it)|solved|sorted|fixed|perfect|great|awesome|brilliant|take care|have a (good|great|nice)|bye|goodbye|that's (it|all)|fair enough|no worries|understood|makes sense|got it|lesson learn(ed|t)|erledigt|gel[öo]st|r[ée]solu)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Acknowledged();
}
