using System.Text;
using Copilot.Api.Knowledge;
using Copilot.Api.Languages;
using Copilot.Api.Tenants;
using Copilot.Api.Threads;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Drafts.Offline;

/// <summary>
/// A reply drafted without a model, in the customer's one language: a greeting with the requester's name (as the team
/// last greeted them on the thread, <see cref="TeamGreeting"/>),
/// the body of the best source that fits (a macro with its placeholders filled, an article passage with
/// its steps whole, or a past reply only when nothing in it was specific to its case), and one closing.
/// What the sources say to agents is returned as guidance, never pasted; past replies are returned as
/// colleagues' cases. When the only fitting source is in another language the draft says so and links it;
/// with no relevant source it is a holding reply that asks for the missing details, and one that says we are looking into it
/// when the customer has just sent what we asked for (<see cref="Turns.SuppliesAsked"/>) or the only sources that fit say
/// what our replies already said (<see cref="AlreadySaid"/>); a "thanks, solved"
/// message gets a short acknowledgement, a suggestion for the product (or a new ticket of thanks or praise) thanks and a promise
/// to pass it on (<see cref="ThanksOnly.Suggests"/>); when our answer is the last message, a check-in, or only an offer of more help when the
/// conversation is over (<see cref="Turns.Closed"/>). An upset customer is apologised to before the answer (<see cref="Apologies"/>).
/// Internal notes never reach the draft.
/// </summary>
public sealed class OfflineDrafter(ILanguageDetector detector) : IOfflineDrafter
{
    /// <summary>Below this share of the question's terms a source is not about the question.</summary>
    public const double MinRelevance = 0.25;
    private const int MaxColleagueCases = 3;
    private const int MaxGuidance = 6;

    public DraftText Draft(DraftInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var language = Language(input);
        var book = Phrasebook.For(language, AddressOf(input, language));
        var ticket = input.Thread.Ticket;
        var firstName = MacroText.FirstWord(MacroText.KnownName(ticket.Requester.Name));
        var greeting = TeamGreeting.Of(input.Thread, book.Language, detector) ?? book.Greet(firstName.Length > 0 ? firstName : null);
        var closing = Closing(book, input.AgentName);
        var feedback = ThanksOnly.Suggests(input.Thread);
        switch (NoAnswerDue(input.Thread, feedback))
        {
            case DraftKind.Acknowledgement:
                var acknowledgement = ThanksOnly.Of(input.Thread) == LastWord.NextStep ? book.AcknowledgeNextStep : book.Acknowledge;
                return new DraftText(Compose(greeting, acknowledgement, closing), []) { Kind = DraftKind.Acknowledgement, Language = book.Language };
            case DraftKind.Closed:
                // The conversation is over (solved, or our answer to "thanks, it works now"): asking whether it helped would ask again.
                return new DraftText(Compose(greeting, book.Closed, closing), []) { Kind = DraftKind.Closed, Language = book.Language };
            case DraftKind.FollowUp:
                // Nothing new to answer: asking again for details, or pasting an article, would repeat what the customer has.
                // Our answer asked for something: a reminder of it, not "did my last message help?".
                var checkIn = Turns.AskedLast(input.Thread) ? book.FollowUpAsked : book.FollowUp;
                return new DraftText(Compose(greeting, checkIn, closing), []) { Kind = DraftKind.FollowUp, Language = book.Language };
        }

        var sorry = input.Apology switch
        {
            Apology.ForWritingAgain => book.SorryAgain,
            Apology.ForTheTrouble => book.SorryTrouble,
            _ => null,
        };
        if (feedback is not null)
        {
            // A suggestion for the product, or a new message of thanks or praise, is thanked and passed on: no source answers
            // it, and nothing needs asking.
            var noted = (sorry is null ? "" : sorry + " ") + (feedback.Settled ? book.Settled + " " : "") + (feedback.Suggestion ? book.SuggestionNoted : book.PraiseNoted);
            return new DraftText(Compose(greeting, noted, closing), []) { Kind = DraftKind.Feedback, Language = book.Language };
        }

        var question = input.Question ?? Question.From(input.Thread, book.Language);
        // Whether a source is about the question: the share of the question's terms it covers or, where the embedding model
        // found it close enough to show, that similarity (a paraphrase shares few words). The sources about it are tried in
        // retrieval's order, whose score weighs rare words and meaning: a share of plain words favours long passages.
        var relevant = input.Sources
            .Select(hit => (Hit: hit, Words: question.Relevance(hit)))
            .Select(x => (x.Hit, x.Words, Relevance: input.FromMeaning ? Math.Max(x.Words, x.Hit.Similarity ?? 0) : x.Words))
            .Where(x => x.Relevance >= MinRelevance)
            .OrderByDescending(x => x.Hit.Score)
            .ToList();
        var colleagues = relevant.Where(x => x.Hit.Kind == SourceKind.PastReply).Select(x => x.Hit.SourceId).Take(MaxColleagueCases).ToList();
        var guidance = relevant.Where(x => x.Hit.Kind != SourceKind.PastReply)
            .SelectMany(x => Guidance.Split(x.Hit.Passage).Guidance.Select(g => new GuidanceNote(x.Hit.SourceId, g)))
            .DistinctBy(g => g.Text, StringComparer.Ordinal).Take(MaxGuidance).ToList();

        if (Turns.SuppliesAsked(input.Thread))
        {
            // The customer sent what we asked for: the next step is ours, and the article we answered from would ask again.
            return new DraftText(Compose(greeting, Looking(book, sorry), closing), [])
            {
                Kind = DraftKind.Holding, Language = book.Language, Guidance = guidance, ColleagueCaseIds = colleagues,
            };
        }

        var values = MacroText.Values(ticket, input.AgentName);
        DraftBody? answer = null, elsewhere = null;
        var said = AlreadySaid.On(input.Thread);
        var passedOver = false;
        foreach (var hit in Candidates(relevant))
        {
            if (DraftBodies.From(hit, values, question, detector) is not { } body)
            {
                continue;
            }
            // An answer our replies already gave is not pasted again; once we have replied, a source answers only if it
            // speaks to what the customer has said since.
            if (said.Repeats(body.Text) || said.Replied && !said.SpeaksToNew(body.Text))
            {
                passedOver = true;
                continue;
            }
            if (body.Language == book.Language)
            {
                answer = body;
                break;
            }
            elsewhere ??= hit.Url is { Length: > 0 } ? body : null;
        }

        // What the ticket's procedure asks of the customer, in the customer's words (English procedures only).
        var asks = input.Procedure is { } procedure && book.Language == "en" ? ProcedureAsks.From(procedure) : [];
        var cited = new List<string>();
        string text;
        var kind = DraftKind.Answer;
        var foundByMeaning = false;
        if (answer is not null)
        {
            // A macro, or a reply that already opens with thanks, needs no thanks of ours; one that apologises, no apology.
            var opensWithThanks = answer.Source.Kind == SourceKind.Macro || Cues.Courtesy().IsMatch(answer.Text);
            var apology = Cues.Apology().IsMatch(answer.Text) ? null : sorry;
            var body = new StringBuilder(opensWithThanks ? (apology is null ? "" : apology + "\n\n")
                : Opening(book, apology) + (answer.Source.Kind == SourceKind.PastReply ? "\n\n" : " " + book.ArticleIntro + "\n\n"));
            body.Append(answer.Text);
            cited.Add(answer.Source.SourceId);
            // Beside a macro or a past reply, an article is linked only when the answer links to nothing yet (a macro's own
            // guide link is the one to follow), and it fits the question at least as well and is on the same topic (its
            // title shares a word with the answer's).
            var chosen = relevant.First(x => x.Hit == answer.Source);
            var fit = chosen.Relevance;
            foundByMeaning = chosen.Words < MinRelevance;
            var topic = ThreadText.Terms(answer.Source.Title).ToHashSet(StringComparer.Ordinal);
            var link = answer.Source.Kind is SourceKind.Article or SourceKind.Document ? answer.Source
                : LinksSomewhere(answer.Text) ? null
                : relevant.Where(x => x.Relevance >= fit && ThreadText.Terms(x.Hit.Title).Any(topic.Contains)).Select(x => x.Hit).FirstOrDefault(h => h.Kind is SourceKind.Article && h.Url is { } url
                    && (h.Locale is null || h.Locale.StartsWith(book.Language, StringComparison.OrdinalIgnoreCase)) && !answer.Text.Contains(url, StringComparison.OrdinalIgnoreCase));
            if (link is not null && (link.Url is { Length: > 0 } || link == answer.Source) && input.CitationStyle != CitationStyle.None)
            {
                body.Append("\n\n").Append(CiteLine(book, link, input.CitationStyle));
                if (link != answer.Source)
                {
                    cited.Add(link.SourceId);
                }
            }
            if (answer.SignOff is not null && answer.Language == book.Language)
            {
                // A sign-off of the agent's name alone ("Sofia Jansen\nSpokewise Account Security") gets the closing words before
                // it; one with its own ("Best,", "Happy riding,") keeps them.
                closing = ThreadText.IsValediction(answer.SignOff.Split('\n')[0]) ? answer.SignOff : book.Closing + "\n" + answer.SignOff;
            }
            if (asks.Count > 0)
            {
                body.Append("\n\n").Append(AskList(book, asks));
            }
            text = Compose(greeting, body.ToString(), closing);
        }
        else if (elsewhere is not null)
        {
            kind = DraftKind.OtherLanguage;
            cited.Add(elsewhere.Source.SourceId);
            text = Compose(greeting, string.Format(System.Globalization.CultureInfo.InvariantCulture, book.OtherLanguage, $"{elsewhere.Source.Title} — {elsewhere.Source.Url}"), closing);
        }
        else
        {
            kind = DraftKind.Holding;
            text = Compose(greeting, asks.Count > 0 ? $"{Opening(book, sorry)} {AskList(book, asks)}\n\n{book.HoldingAfter}"
                : passedOver ? Looking(book, sorry)
                : Holding(book, question, sorry), closing);
        }
        return new DraftText(text, cited)
        {
            Kind = kind, Language = book.Language, Guidance = guidance, ColleagueCaseIds = colleagues,
            FollowedProcedure = asks.Count > 0 && kind != DraftKind.OtherLanguage,
            FoundByMeaning = foundByMeaning,
        };
    }

    /// <summary>
    /// The short draft a thread gets when no answer is due, whoever writes drafts: an acknowledgement of the customer's
    /// "thanks, solved" or of what they will do next (<see cref="ThanksOnly"/>), an offer of more help when the conversation
    /// is over (<see cref="Turns.Closed"/>), a check-in when our answer is the last message; null when an answer is due, as it is
    /// to a suggestion for the product even beside thanks ("Works now, thanks! Maybe add that to the manual."), and to a new
    /// ticket of thanks or praise.
    /// </summary>
    public static DraftKind? NoAnswerDue(HelpdeskThread thread) => NoAnswerDue(thread, ThanksOnly.Suggests(thread));

    private static DraftKind? NoAnswerDue(HelpdeskThread thread, CustomerFeedback? feedback) =>
        feedback is not null ? null
        : ThanksOnly.Of(thread) != LastWord.Open ? DraftKind.Acknowledgement
        : Turns.Closed(thread) ? DraftKind.Closed
        : Turns.AnsweredLast(thread) ? DraftKind.FollowUp
        : null;

    /// <summary>A macro is a reply the team already wrote for this case: it goes first when it covers nearly as much of the question as retrieval's first source.</summary>
    private static IEnumerable<KnowledgeHit> Candidates(List<(KnowledgeHit Hit, double Words, double Relevance)> relevant)
    {
        if (relevant.Count == 0)
        {
            return [];
        }
        var best = relevant[0].Relevance;
        var macros = relevant.Where(x => x.Hit.Kind == SourceKind.Macro && x.Relevance >= best * 0.8).Select(x => x.Hit);
        return macros.Concat(relevant.Select(x => x.Hit)).Distinct();
    }

    private static bool LinksSomewhere(string text) =>
        text.Contains("https://", StringComparison.OrdinalIgnoreCase) || text.Contains("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The detected language, unless the text was too short to tell and the requester's profile says otherwise.</summary>
    private static string Language(DraftInput input)
    {
        const double Unsure = 0.3;
        var locale = input.Thread.Ticket.Requester.Locale;
        return input.Language.Confidence < Unsure && locale is { Length: >= 2 } ? locale[..2].ToLowerInvariant() : input.Language.Code;
    }

    /// <summary>
    /// How the reply addresses the customer where the language has a choice (German "Sie" or "du", Dutch "u" or "je", Spanish
    /// "usted" or "tú", French "vous" or "tu", Italian "Lei" or "tu"): as the team's replies on the thread do, else as the
    /// sources in the language do (their text is pasted), else as the customer writes; the language's usual form otherwise
    /// (<see cref="Phrasebook.For(string?)"/>).
    /// </summary>
    private static Address AddressOf(DraftInput input, string language)
    {
        var spoken = Turns.Spoken(input.Thread);
        return AddressForms.FirstKnown(language,
            spoken.Where(c => c.Author.Role == AuthorRole.Agent).Select(c => c.Text),
            input.Sources.Where(s => s.Locale is null || s.Locale.StartsWith(language, StringComparison.OrdinalIgnoreCase)).Select(s => s.Passage),
            spoken.Where(c => c.Author.Role == AuthorRole.Customer).Select(c => ThreadText.Clean(c.Text)));
    }

    private static string Compose(string greeting, string body, string closing) => $"{greeting}\n\n{body.Trim()}\n\n{closing}".Trim();

    private static string Closing(Phrasebook book, string? agentName) =>
        string.IsNullOrWhiteSpace(agentName) ? book.Closing : book.Closing + "\n" + agentName.Trim();

    /// <summary>The line naming the linked article: its title and link, or its title alone (the tenant's citation style).</summary>
    private static string CiteLine(Phrasebook book, KnowledgeHit hit, CitationStyle style) =>
        hit.Url is { Length: > 0 } url && style == CitationStyle.Link
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, book.CiteLine, hit.Title, url)
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, book.CiteLine.Replace(" — {1}", "", StringComparison.Ordinal), hit.Title);

    private static string AskList(Phrasebook book, IReadOnlyList<string> asks) =>
        book.HoldingAsk + "\n" + string.Join('\n', asks.Select(a => "- " + a));

    /// <summary>
    /// No source fits: say what we need to know, promise nothing else. What the customer already told (the order number, the
    /// charge's date and amount, what happened, the message quoted, the version, a promo code written out) is not asked again; told everything, the reply
    /// says we are looking into it, as it does to a question that reports nothing wrong (<see cref="Question.AsksForInformation"/>).
    /// An upset customer hears <paramref name="sorry"/> first.
    /// </summary>
    private static string Holding(Phrasebook book, Question question, string? sorry)
    {
        if (question.AsksForInformation)
        {
            return Looking(book, sorry);
        }
        var details = new List<string>();
        var purchase = question.MentionsBilling || question.MentionsOrder;
        if (question.MentionsOrder && !question.HasOrderNumber)
        {
            details.Add(book.DetailOrder);
        }
        else if (question.MentionsBilling && !question.HasOrderNumber && !question.GivesChargeDetails)
        {
            // A charge that is no order (a subscription, a ride, a fee) is found by its date and amount, not an order number;
            // the one the customer gave ("three charges of 10 €") is not asked again.
            details.Add(question.GivesChargeAmount ? book.DetailChargeDate : question.GivesChargeDate ? book.DetailChargeAmount : book.DetailCharge);
        }
        if (!question.DescribesWhatHappened)
        {
            details.Add(book.DetailWhat);
        }
        if (!purchase)
        {
            // The exact words of an error are worth asking for only where the customer saw one: a flickering bulb shows none.
            if (question.MentionsMessage && !question.QuotesMessage)
            {
                details.Add(book.DetailError);
            }
            // A code that does not work is found by the code, not by the phone it was typed on; a question on no device
            // (a jacket's washing, a store's hours) is not asked for one.
            if (question.AboutVoucher)
            {
                if (!question.GivesCode)
                {
                    details.Add(book.DetailCode);
                }
            }
            else if (!question.GivesVersion && question.ConcernsDevice)
            {
                details.Add(book.DetailDevice);
            }
        }
        return details.Count == 0
            ? Looking(book, sorry)
            : $"{Opening(book, sorry)} {book.HoldingAsk}\n" + string.Join('\n', details.Select(d => "- " + d)) + "\n\n" + book.HoldingAfter;
    }

    /// <summary>The holding reply that asks nothing: our thanks (and apology), and that we are looking into it.</summary>
    private static string Looking(Phrasebook book, string? sorry) => $"{Opening(book, sorry)} {book.HoldingLooking}";

    /// <summary>Our thanks for the message, and the apology an upset customer is owed (<see cref="DraftInput.Apology"/>).</summary>
    private static string Opening(Phrasebook book, string? sorry) => sorry is null ? book.Thanks : book.Thanks + " " + sorry;
}
