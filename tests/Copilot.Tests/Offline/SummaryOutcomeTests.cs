using Copilot.Api.Summaries;


namespace Copilot.Tests.Offline;

/// <summary>Where a thread stands, as the summary says it: solved by the customer's thanks, still open, or in another language.</summary>
public sealed class SummaryOutcomeTests
{
    private readonly OfflineSummarizer _summarizer = new();

    [Fact]
    public void SummaryOfAThankYouThreadSaysNoReplyIsNeeded()
    {
        var thread = new Threads("Bridge keeps going offline")
            .FromCustomer("My Lumora Bridge goes offline every evening. How do I stop it from disconnecting?")
            .FromAgent("Please move the Bridge at least 1 metre away from the router and check that it is on the 2.4 GHz band.", after: TimeSpan.FromHours(2))
            .FromCustomer("Thank you, that fixed it! It has stayed online all week.", after: TimeSpan.FromDays(1))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Equal("Resolved: the customer says the issue is solved; no reply is needed.", summary.Status);
        Assert.Equal("No reply needed; solve the ticket.", summary.NextStep);
    }

    [Fact]
    public void AThankYouOnASolvedTicketNeedsNothingRatherThanAReopen()
    {
        var thread = new Threads("Schedules fixed", status: "solved")
            .FromCustomer("My schedules run an hour late since the update. How do I fix them?")
            .FromAgent("This is fixed in Bridge firmware 3.4.1; please install it from Settings > Bridge > Firmware.", after: TimeSpan.FromHours(4))
            .FromCustomer("Thanks, works perfectly now!", after: TimeSpan.FromHours(6))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.StartsWith("Resolved:", summary.Status);
        Assert.Equal("Nothing to do unless the customer writes again.", summary.NextStep);
        Assert.DoesNotContain("Reopen", summary.NextStep, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Thanks, that fixed it!", true)]
    [InlineData("Si, ya funciona, gracias.", true)]
    [InlineData("Danke, jetzt funktioniert es wieder besser als vorher.", true)]
    [InlineData("Thank you for the prompt response - I look forward to the bug being resolved in the next update if possible", false)]
    [InlineData("Thanks Chris. DM sent", false)]
    [InlineData("Ok thank you", false)]
    [InlineData("Danke, ich hoffe, das ist bald gelöst.", false)]
    [InlineData("Hij is weg, dank je wel!", false)]
    [InlineData("Dankeschön für die schnelle Hilfe!", false)]
    [InlineData("Valeu pela ajuda!", false)]
    [InlineData("Schade, aber verstanden. Danke für die Erklärung.", false)]
    [InlineData("Oh nice, I didn't even notice. Thanks!", false)]
    public void OnlyAFixTheCustomerConfirmsIsCalledSolvedAndThanksAloneNeedNoReply(string message, bool solved)
    {
        var thread = new Threads("Bridge offline")
            .FromCustomer("My Lumora Bridge goes offline every evening. How do I stop it from disconnecting?")
            .FromAgent("It's a known issue and logged as a bug; meanwhile please move the Bridge away from the router.", after: TimeSpan.FromHours(1))
            .FromCustomer(message, after: TimeSpan.FromHours(2))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        var phrases = SummaryPhrases.For(summary.Language);
        Assert.Equal(solved ? phrases.Resolved : phrases.Thanked, summary.Status);
        Assert.Equal(phrases.NextNoReply, summary.NextStep);
    }

    [Theory]
    [InlineData("Thanks, that fixed it!", "Great, thanks for confirming! I'll close this ticket now.", "resolved")]
    [InlineData("Ok thank you", "You're welcome, have a good evening.", "thanked")]
    [InlineData("Thanks, that fixed it!", "Glad to hear it! Could you also send me the serial number on the back of the Bridge, for our records?", "asked")]
    [InlineData("OK, I'll try that tonight.", "Sounds good, good luck!", "waiting")]
    public void OurAnswerToAThankYouClosesTheConversationUnlessItAsksForSomething(string customer, string ourAnswer, string expected)
    {
        var thread = new Threads("Bridge offline")
            .FromCustomer("My Lumora Bridge goes offline every evening. How do I stop it from disconnecting?")
            .FromAgent("Please move the Bridge at least 1 metre away from the router.", after: TimeSpan.FromHours(1))
            .FromCustomer(customer, after: TimeSpan.FromHours(2))
            .FromAgent(ourAnswer, after: TimeSpan.FromHours(3))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        var phrases = SummaryPhrases.For(summary.Language);
        var (status, next) = expected switch
        {
            "resolved" => (phrases.ResolvedAnswered, phrases.NextNoReply),
            "thanked" => (phrases.ThankedAnswered, phrases.NextNoReply),
            "asked" => (phrases.WaitingOnCustomerAsked, phrases.NextFollowUp),
            _ => (phrases.WaitingOnCustomer, phrases.NextFollowUp),
        };
        Assert.Equal(status, summary.Status);
        Assert.Equal(next, summary.NextStep);
    }

    [Fact]
    public void ThanksButStillBrokenIsNotResolved()
    {
        var thread = new Threads("Strip not lighting up")
            .FromCustomer("My Lumora Strip stopped lighting up yesterday. What can I do?")
            .FromAgent("Please unplug the controller for ten seconds and plug it back in.", after: TimeSpan.FromHours(1))
            .FromCustomer("Thanks, but it still doesn't light up.", after: TimeSpan.FromHours(2))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.StartsWith("Waiting on the agent:", summary.Status);
        Assert.Equal("Reply to the customer's latest message.", summary.NextStep);
    }

    [Theory]
    [InlineData("OK, I'll try that tonight and let you know.", "en", "The customer says what they will do next and asks nothing more.", "A short acknowledgement is enough; then wait for the customer.")]
    [InlineData("Danke. Ich werde das heute Abend ausprobieren.", "de", "Der Kunde schreibt, was er als Nächstes tut, und bittet um nichts weiter.", "Eine kurze Bestätigung genügt; dann auf den Kunden warten.")]
    // A suggestion beside the thanks is passed on, not left unanswered.
    [InlineData("It works now, thanks! Maybe add the fixed channel to the setup guide.", "en", "The customer makes a suggestion for the product and asks nothing more.", "Thank them for the suggestion and pass it on to the product team.")]
    [InlineData("Danke, jetzt klappt es. Es wäre schön, wenn das in der Anleitung stünde.", "de", "Der Kunde macht einen Vorschlag für das Produkt und bittet um nichts weiter.", "Für den Vorschlag danken und ihn an das Produktteam weitergeben.")]
    public void AMessageThatOnlyTellsWhatTheCustomerWillDoNextOrSuggestsSomethingGetsItsShortReply(string latest, string locale, string status, string next)
    {
        var thread = new Threads("Bridge offline", locale: locale)
            .FromCustomer(locale == "de" ? "Meine Bridge geht jeden Abend offline. Wie kann ich das verhindern?" : "My Lumora Bridge goes offline every evening. How do I stop it?")
            .FromAgent(locale == "de" ? "Bitte stellen Sie Ihren Router auf einen festen Kanal." : "Please set your router to a fixed channel.", after: TimeSpan.FromHours(2))
            .FromCustomer(latest, after: TimeSpan.FromHours(3))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Equal(status, summary.Status);
        Assert.Equal(next, summary.NextStep);
    }

    [Fact]
    public void ANewTicketThatOnlyThanksNeedsNoReply()
    {
        var thread = new Threads("Thank you").FromCustomer("Hi, just wanted to say thank you to Priya for sorting out my bridge last week. Great service!").Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Equal("The customer thanked us and asks nothing more; no reply is needed.", summary.Status);
        Assert.Equal("No reply needed; solve the ticket.", summary.NextStep);
    }

    [Theory]
    [InlineData("Thank you Priya, very helpful. My colleague Niamh in our finance team will look after invoicing, please copy her on the quote.")]
    [InlineData("Thanks Sophie. The old address is only 10 minutes away, so if it ends up there that's fine too. Just let me know what happens.")]
    [InlineData("Danke für die schnelle Antwort. Geben Sie mir Bescheid, sobald das Paket zurück ist.")]
    [InlineData("Thanks! My second order never came.")]
    [InlineData("Thanks. The flicker is back.")]
    [InlineData("Danke. Die Lampe geht nicht mehr an.")]
    public void AThankYouThatAlsoAsksForSomethingStillNeedsAReply(string latest)
    {
        var thread = new Threads("Order not arrived")
            .FromCustomer("My order was supposed to arrive last week and the tracking has not moved since. Can you check it?")
            .FromAgent("I've opened an investigation with the carrier and will update you as soon as I hear back.", after: TimeSpan.FromHours(2))
            .FromCustomer(latest, after: TimeSpan.FromDays(1))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.DoesNotContain("solve the ticket", summary.NextStep, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Ticket lösen", summary.NextStep, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Resolved", summary.Status);
        Assert.DoesNotContain("Gelöst", summary.Status);
        Assert.DoesNotContain("no reply", summary.NextStep, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("keine Antwort", summary.NextStep, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheNextStepQuotesWhatTheCustomerNeedsAnsweredNotTheirRequestForAManager()
    {
        var thread = new Threads("I want to speak to a manager")
            .FromCustomer("Three bikes in a row didn't unlock and I was charged for all three. I want to speak to a manager today, not another agent.")
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Equal("Reply to the customer's latest message.", summary.NextStep);
    }

    [Fact]
    public void AskingWhetherAnyoneReadsTheMessagesIsNotTheOpenQuestion()
    {
        var thread = new Threads("Birthday present still not delivered")
            .FromCustomer("I ordered a starter kit on 12 Nov as a birthday present. Where is it?")
            .FromAgent("Hi Sam,\n\nDeliveries to the UK take 3-7 business days, so it should arrive by 24 November.\n\nBest regards,\nPriya", after: TimeSpan.FromHours(2))
            .FromCustomer("It's the 26th and the tracking hasn't moved in a week. Is anyone actually reading this?", after: TimeSpan.FromDays(9))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.DoesNotContain("reading this", summary.NextStep);
    }

    [Fact]
    public void InternalNotesAreSummarisedOnlyWhenTheTenantIncludesThem()
    {
        var thread = new Threads("Refund for the returned starter kit")
            .FromCustomer("I returned the starter kit two weeks ago. When will I get my refund?")
            .InternalNote("Return RMA-88812 arrived at the warehouse on Monday; refund approved by Lena.", after: TimeSpan.FromHours(1))
            .Build();

        var without = _summarizer.Summarize(thread, includeInternalNotes: false);
        var with = _summarizer.Summarize(thread, includeInternalNotes: true);

        Assert.DoesNotContain("RMA-88812", without.ToText());
        Assert.Contains("Internal note (Priya): \"Return RMA-88812 arrived at the warehouse on Monday; refund approved by Lena.\"", with.Status);
    }

    [Fact]
    public void AGermanThreadIsSummarisedInGerman()
    {
        var thread = new Threads("Lampe flackert", requester: "Jonas Weber", locale: "de")
            .FromCustomer("Hallo,\n\nmeine Glow Lampe flackert seit dem Update. Können Sie mir sagen, wie ich das beheben kann?\n\nViele Grüße\nJonas")
            .FromAgent("Hallo Jonas,\n\nbitte installieren Sie die Firmware 3.4.1 über Einstellungen > Firmware.\n\nViele Grüße\nHannah", agent: Threads.Hannah, after: TimeSpan.FromHours(1))
            .FromCustomer("Danke, das hat geholfen! Die Lampe flackert nicht mehr.", after: TimeSpan.FromHours(3))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Equal("de", summary.Language);
        Assert.Equal("Der Agent schrieb: \"bitte installieren Sie die Firmware 3.4.1 über Einstellungen > Firmware.\"", summary.Tried);
        Assert.Equal("Gelöst: der Kunde sagt, das Problem ist behoben; keine Antwort nötig.", summary.Status);
        Assert.StartsWith("Kunde möchte: \"meine Glow Lampe flackert seit dem Update.", summary.ToText());
    }

    [Theory]
    [InlineData("fr", "Bonjour, ma commande n'est toujours pas arrivée. Pouvez-vous me dire où elle se trouve ?", "Statut : ")]
    [InlineData("es", "Hola, mi pedido todavía no ha llegado. ¿Podéis decirme dónde está?", "Estado: ")]
    [InlineData("nl", "Hallo, mijn bestelling is nog steeds niet aangekomen. Kunnen jullie zien waar die is?", "Status: Wacht op de agent")]
    [InlineData("pt", "Olá, a minha encomenda ainda não chegou. Podem dizer-me onde está?", "Estado: À espera do agente")]
    [InlineData("it", "Ciao, il mio ordine non è ancora arrivato. Potete dirmi dove si trova?", "Stato: In attesa dell'agente")]
    public void SummaryWordsFollowTheThreadsLanguage(string language, string message, string expectedStatusLine)
    {
        var thread = new Threads("…", locale: null).FromCustomer(message).Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Equal(language, summary.Language);
        Assert.Contains(expectedStatusLine.Replace(" : ", ": ", StringComparison.Ordinal), summary.ToText().Replace(" : ", ": ", StringComparison.Ordinal));
    }
}
