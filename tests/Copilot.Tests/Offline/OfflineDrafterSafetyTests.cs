using Copilot.Api.Drafts.Offline;
using Copilot.Api.Drafts;
using Copilot.Api.Knowledge;
using Copilot.Api.Languages;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Tests.Offline;

/// <summary>What an offline draft keeps out of the reply: guidance, other customers' cases, fragments, raw placeholders.</summary>
public sealed class OfflineDrafterSafetyTests
{
    private static readonly LanguageDetector Detector = new();

    private static HelpdeskThread RefundThread() => new Threads("Refund for a broken bulb")
        .FromCustomer("Hi, my new Glow bulb arrived broken. Can I get a refund for the broken bulb or a replacement?")
        .Build();

    private static DraftText Draft(HelpdeskThread thread, params KnowledgeHit[] sources) => OfflineDrafts.Draft(thread, sources);

    /// <summary>A flicker question, our answer about the dimmer, then <paramref name="latest"/> from the customer.</summary>
    private static HelpdeskThread AfterOurAnswer(string latest) => new Threads("Bulb flickering").FromCustomer("My bulb flickers when dimmed.")
        .FromAgent("Please set the wall dimmer to 100% and dim in the app.", TimeSpan.FromHours(1))
        .FromCustomer(latest, TimeSpan.FromHours(2))
        .Build();

    private static KnowledgeHit Article(string id, string title, string text, string locale = "en-us") =>
        new(SourceKind.Article, id, title, $"https://lumora.zendesk.com/hc/{locale}/articles/{id}", text, 5, locale);

    [Fact]
    public void GuidanceForAgentsIsReturnedAsGuidanceAndKeptOutOfTheReply()
    {
        var article = Article("4400050", "Broken bulb on arrival: refund or replacement",
            "A bulb that arrives broken is replaced or refunded at no cost. Send us a photo of the broken bulb and we ship a replacement within two days. "
            + "You don't need to return the broken bulb. Refunds go back to the card you paid with. Replacements ship from our warehouse in Venlo.\n"
            + "Ask the customer how they would like to be refunded. If the customer wants a replacement, offer express shipping.\n"
            + "Keep the original box if you can: it helps us file a claim with the carrier.");

        var draft = Draft(RefundThread(), article);

        Assert.Contains("Send us a photo of the broken bulb", draft.Text);
        Assert.DoesNotContain("Ask the customer", draft.Text);
        Assert.DoesNotContain("If the customer", draft.Text);
        Assert.Contains(draft.Guidance, g => g.Text.StartsWith("Ask the customer how they would like", StringComparison.Ordinal) && g.SourceId == "4400050");
    }

    [Fact]
    public void AGuidelineWrittenForAgentsIsNotPastedAndTheDraftHoldsInstead()
    {
        var guideline = Article("7000005", "Refund a broken bulb",
            "Verify the account before anything else. Ask the customer for the order number and a photo of the broken bulb. "
            + "If the customer is a Gold member, offer a refund immediately. Otherwise, escalate to tier 2. The bulb replacement ships within two days.");

        var draft = Draft(RefundThread(), guideline);

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.DoesNotContain("Gold member", draft.Text);
        Assert.DoesNotContain("ships within two days", draft.Text);
        Assert.NotEmpty(draft.Guidance);
    }

    [Fact]
    public void APastReplyWithCaseDetailsIsShownAsAColleaguesCaseAndNotPasted()
    {
        var past = new KnowledgeHit(SourceKind.PastReply, "117", "Refund for a broken bulb", "https://lumora.zendesk.com/agent/tickets/117",
            "Hi [name],\n\nSorry the bulb arrived broken. I've refunded [amount] to your card for order [order number]; the refund of the broken bulb shows within 5 days.", 4.2, null);

        var draft = Draft(RefundThread(), past);

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.DoesNotContain("[amount]", draft.Text);
        Assert.DoesNotContain("refunded", draft.Text);
        Assert.Equal(["117"], draft.ColleagueCaseIds);
        Assert.Empty(draft.CitedSourceIds);
    }

    [Fact]
    public void APastReplyTellingWhatWasDoneOnItsCaseIsNotPasted()
    {
        var past = new KnowledgeHit(SourceKind.PastReply, "118", "Broken bulb refund", null,
            "Hi [name],\n\nI have initiated the replacement of the broken bulb for you. The broken bulb does not need to be returned.", 4.2, null);

        var draft = Draft(RefundThread(), past);

        Assert.DoesNotContain("initiated", draft.Text);
        Assert.Equal(["118"], draft.ColleagueCaseIds);
    }

    [Fact]
    public void SeveralRepliesOfOnePastTicketAreAConversationAndNotPasted()
    {
        var past = new KnowledgeHit(SourceKind.PastReply, "119", "Broken bulb replacement", null,
            "Sorry the bulb arrived broken. A broken bulb is replaced free of charge.\nBest regards,\nLumora Home Support\n"
            + "The replacement bulb works like the broken one. Keep the broken bulb until the new one is in.\nBest regards,", 4.2, null);

        var draft = Draft(RefundThread(), past);

        Assert.DoesNotContain("replaced free of charge", draft.Text);
        Assert.Equal(["119"], draft.ColleagueCaseIds);
    }

    [Fact]
    public void AThankYouAfterTheAnswerGetsAShortAcknowledgementAndNoPassage()
    {
        var thread = AfterOurAnswer("Thanks, that worked! Have a nice day.\n\nEmily");
        var article = Article("4400013", "Fix a flickering bulb", "A traditional wall dimmer makes Lumora bulbs flicker; set the dimmer to 100%.");

        var draft = Draft(thread, article);

        Assert.Equal(DraftKind.Acknowledgement, draft.Kind);
        Assert.Empty(draft.CitedSourceIds);
        Assert.DoesNotContain("dimmer", draft.Text);
        Assert.StartsWith("Hi Emily,\n\nThanks for letting us know", draft.Text);
    }

    [Fact]
    public void WhenOurAnswerIsTheLastWordTheDraftIsACheckInNotTheArticleAgainNorAnAskForDetails()
    {
        var thread = new Threads("Lâmpada da sala a piscar", "Helena Sousa", "pending", "pt-PT")
            .FromCustomer("Comprei duas lâmpadas Glow há um mês. A da sala começou a piscar quando baixo a intensidade. Será defeito?")
            .FromAgent("Quando uma lâmpada pisca, a causa costuma ser o regulador de intensidade na parede: coloque-o no máximo.", TimeSpan.FromHours(1))
            .InternalNote("Waiting to hear whether the dimmer was the cause.", TimeSpan.FromHours(2))
            .Build();
        var article = Article("4400013", "Lâmpadas a piscar", "Um regulador de intensidade tradicional faz as lâmpadas Lumora piscar; coloque-o no máximo.", "pt");

        var draft = Draft(thread, article);

        Assert.Equal(DraftKind.FollowUp, draft.Kind);
        Assert.Empty(draft.CitedSourceIds);
        Assert.DoesNotContain("regulador", draft.Text);
        Assert.StartsWith("Olá Helena,\n\nQueria saber como está", draft.Text);
        Assert.True(Sendability.Check(draft.Text, "pt", new LanguageDetector()).Sendable);
    }

    [Theory]
    [InlineData("en", "Could you send me the date and start station of your last ride?", "I'm following up on my last message")]
    [InlineData("en", "Please reply from the email address on your account.", "I'm following up on my last message")]
    [InlineData("en", "I've refunded the unlock fee. Let me know if there's anything else!", "I wanted to check in")]
    [InlineData("nl", "Kun je me een foto van de plek sturen?", "Ik kom even terug op mijn vorige bericht")]
    [InlineData("pt", "Pode enviar-me uma foto do regulador, por favor.", "Escrevo-lhe novamente sobre a minha última mensagem")]
    [InlineData("pt", "Pode deixá-lo no máximo, isso funciona.", "Queria saber como está")]
    [InlineData("es", "Puedes enviarme una captura de pantalla del cargo.", "Te escribo de nuevo por mi último mensaje")]
    [InlineData("es", "Puedes encontrar todos los pasos en la app.", "Quería saber cómo va")]
    public void AFollowUpToOurRequestRemindsTheCustomerOfItRatherThanAskingWhetherItHelped(string language, string ourAnswer, string opening)
    {
        var customer = language switch
        {
            "nl" => "Ik kreeg een boete, maar de fiets stond in de zone.",
            "pt" => "Comprei duas lâmpadas Glow há um mês. A da sala começou a piscar quando baixo a intensidade. Será defeito?",
            "es" => "Me habéis cobrado dos veces el mismo viaje.",
            _ => "Someone changed my phone number, please lock my account.",
        };
        var thread = new Threads("Ticket", "Tom Baker", "pending", language == "pt" ? "pt-PT" : language)
            .FromCustomer(customer)
            .FromAgent(ourAnswer, TimeSpan.FromHours(1))
            .Build();

        var draft = Draft(thread);

        Assert.Equal(DraftKind.FollowUp, draft.Kind);
        Assert.True(draft.Text.Contains("\n\n" + opening, StringComparison.Ordinal), draft.Text);
        Assert.True(Sendability.Check(draft.Text, language, new LanguageDetector()).Sendable);
    }

    [Theory]
    [InlineData("en", "Thanks, that worked! Have a nice day.", "Great, thanks for confirming! I'll close this ticket now.", "pending", "closed")]
    [InlineData("en", "Ok thank you", "You're welcome!", "open", "closed")]
    [InlineData("en", "Thanks, that worked!", "Glad to hear it! Could you send me the serial number on the back of the Bridge, for our records?", "open", "follow-up")]
    [InlineData("en", "OK, I'll try that tonight.", "Sounds good, good luck!", "open", "follow-up")]
    [InlineData("en", "OK, I'll try that tonight.", "Sounds good, good luck!", "solved", "closed")]
    [InlineData("de", "Danke, das hat geholfen! Die Lampe flackert nicht mehr.", "Schön zu hören! Ich schließe das Ticket.", "open", "closed")]
    [InlineData("fr", "Merci, l'ampoule ne clignote plus.", "Parfait, merci pour votre retour !", "open", "closed")]
    [InlineData("es", "Gracias, ya no parpadea.", "¡Genial, gracias por avisarnos!", "open", "closed")]
    [InlineData("nl", "Het werkt weer, dank je wel!", "Fijn om te horen!", "open", "closed")]
    public void OurAnswerToAThankYouClosesTheConversationAndTheDraftOnlyOffersMoreHelp(string language, string thanks, string ourAnswer, string status, string kind)
    {
        var (asked, answered) = FlickerExchange[language];
        var thread = new Threads("Ticket", "Emily Clark", status, language)
            .FromCustomer(asked)
            .FromAgent(answered, TimeSpan.FromHours(1))
            .FromCustomer(thanks, TimeSpan.FromHours(2))
            .FromAgent(ourAnswer, TimeSpan.FromHours(3))
            .Build();

        var draft = Draft(thread, FlickerArticleFor(language));

        Assert.Equal(kind, DraftNotes.KindName(draft.Kind));
        Assert.Empty(draft.CitedSourceIds);
        var book = Phrasebook.For(language);
        Assert.Equal(kind == "closed", draft.Text.Contains(book.Closed, StringComparison.Ordinal));
        Assert.Equal(kind == "follow-up", draft.Text.Contains(book.FollowUp, StringComparison.Ordinal) || draft.Text.Contains(book.FollowUpAsked, StringComparison.Ordinal));
        Assert.True(Sendability.Check(draft.Text, language, new LanguageDetector()).Sendable, draft.Text);
    }

    [Fact]
    public void ACustomersMessageAfterOurAnswerIsAnsweredNotFollowedUp()
    {
        var thread = AfterOurAnswer("It still flickers at night, even at 100%.");

        Assert.NotEqual(DraftKind.FollowUp, Draft(thread).Kind);
    }

    [Theory]
    [InlineData("Fair enough. 4.99 lesson for him then! Thanks for your help.", true)]
    [InlineData("OK, understood. Thanks anyway!", true)]
    [InlineData("Perfect, the kids are thrilled. Thank you!", true)]
    [InlineData("Got the new one already and it's working. Impressive, thanks!", true)]
    [InlineData("Clips arrived and are fitted, the strip is solid now. Thanks for sending them for free, much appreciated.", true)]
    [InlineData("Moved the kitchen lamp bulb to the back door lamp and the shed has been connected for two days straight. Thank you!", true)]
    [InlineData("Thanks. The strip under the kitchen cabinet keeps coming loose near the stove.", false)]
    [InlineData("Thanks, the new strip arrived. The old one keeps coming loose near the stove though.", false)]
    [InlineData("That's great, thank you so much! Didn't expect that to be so easy.", true)]
    [InlineData("Thanks. Didn't expect the new bulb to break again so quickly.", false)]
    [InlineData("Oh nice, I didn't even notice. Thanks!", true)]
    [InlineData("Schade, aber verstanden. Danke für die Erklärung.", true)]
    [InlineData("No worries, thanks for sorting it.", true)]
    [InlineData("Thanks, but it didn't work.", false)]
    [InlineData("Thanks. The other bulb is dead too.", false)]
    [InlineData("Thanks! My second order never came.", false)]
    [InlineData("Thank you. I was charged twice though.", false)]
    [InlineData("Thanks, but the bulb still flickers at night.", false)]
    [InlineData("Thank you. Can you also tell me how to update the firmware?", false)]
    [InlineData("Thanks, it is not fixed.", false)]
    [InlineData("Danke, das hat geholfen! Die Lampe flackert nicht mehr.", true)]
    [InlineData("Thank you, that worked! The Bridge is solid green again and all my lights are back.", true)]
    [InlineData("Thanks, it hasn't dropped once since.", true)]
    [InlineData("Merci, l'ampoule ne clignote plus.", true)]
    [InlineData("Gracias, ya no parpadea.", true)]
    [InlineData("Thanks. The flicker is back.", false)]
    [InlineData("Thanks. Now it's dead.", false)]
    [InlineData("Thanks, but it no longer turns on.", false)]
    [InlineData("Danke. Die Lampe geht nicht mehr an.", false)]
    [InlineData("Thanks. It keeps dropping out.", false)]
    [InlineData("Makes sense, thanks for the clear answer. I'll put the Bridge on my Christmas list!", true)]
    [InlineData("It was on 3.1.4! Updated, Matter option appeared, and everything is in Apple Home now. Siri turns the lights on. Thanks!", true)]
    [InlineData("Calibration fixed the effects, looks amazing now. And it was the last connector, it wasn't pushed in all the way. No more flicker. Thank you!", true)]
    [InlineData("Thanks, it works now. Turns out it was the router, but the bulb still won't pair.", false)]
    [InlineData("Spot on, it was set to WPA3 only. Switched it to WPA2/WPA3 and the bridge connected first go. Thanks!", true)]
    [InlineData("It was set to WPA3 only. Switched it to WPA2/WPA3, but the bridge still won't connect.", false)]
    [InlineData("Thanks. The replacement wasn't in the box.", false)]
    [InlineData("Worked straight away, and I turned on 2FA too. Cheers!", true)]
    [InlineData("Worked first time. Cheers!", true)]
    [InlineData("Worked straight away, but now the bedroom lamp is offline.", false)]
    [InlineData("Thanks. The refund hasn't arrived yet.", false)]
    [InlineData("Thank you. The app wouldn't accept my card.", false)]
    [InlineData("Thanks. The lights haven't come back.", false)]
    [InlineData("Thanks, I couldn't find that setting.", false)]
    [InlineData("Thanks, it hasn't flickered since.", true)]
    [InlineData("Perfect, I got the label and dropped off the parcel at noon. I also reordered the E14 ones. Thanks a lot for your help!", true)]
    [InlineData("Parfait, j'ai bien reçu l'étiquette et déposé le colis ce midi. J'ai aussi recommandé les E14. Merci beaucoup pour votre aide !", true)]
    [InlineData("Perfekt, ich habe das Etikett bekommen und das Paket heute Mittag abgegeben. Danke für Ihre Hilfe!", true)]
    [InlineData("Perfect, I got the label. But the parcel shop refused the package. Thanks anyway.", false)]
    [InlineData("Thanks, I sent them back yesterday but the tracking says the parcel is lost.", false)]
    [InlineData("Thanks. I reordered, but the wrong colour came again.", false)]
    [InlineData("Merci, j'ai renvoyé le colis mais il manque une ampoule dans la nouvelle commande.", false)]
    [InlineData("Danke, ich habe das Paket zurückgeschickt. Die neue Bestellung ist beschädigt angekommen.", false)]
    [InlineData("Gracias, ya lo he devuelto. ¿Cuándo llega el reembolso?", false)]
    public void AThankYouWithAShortAsideIsAcknowledgedAndOneThatRaisesSomethingNewIsAnswered(string latest, bool acknowledged)
    {
        var thread = AfterOurAnswer(latest);

        Assert.Equal(acknowledged, Draft(thread).Kind == DraftKind.Acknowledgement);
    }

    [Theory]
    [InlineData("OK, I'll try that tonight and let you know.", "en", "Thanks for letting me know, that sounds good.")]
    [InlineData("We'd really like to avoid resetting ~140 lights across three sites. I'll get the letter signed by our director this week and send everything to the security team.", "en", "Thanks for letting me know, that sounds good.")]
    [InlineData("Perfect, thanks Priya! Will set it up in December.", "en", "Thanks for letting me know, that sounds good.")]
    [InlineData("Danke. Ich werde das heute Abend ausprobieren.", "de", "Danke für Ihre Rückmeldung, das klingt gut.")]
    [InlineData("Update ist jetzt drauf, keine Ahnung warum das aus war. Mal sehen, was morgen früh passiert.", "de", "Danke für Ihre Rückmeldung, das klingt gut.")]
    [InlineData("Merci, je vais essayer ce soir.", "fr", "Merci de m'avoir tenu informé")]
    [InlineData("Thanks, it works now! I'll tell my friends about you.", "en", "I'm glad it's sorted")]
    [InlineData("Vale, voy a probarlo esta noche.", "es", "Gracias por contármelo")]
    [InlineData("Oké, ik ga het vanavond proberen.", "nl", "Bedankt voor je bericht, dat klinkt goed.")]
    public void AMessageThatOnlyTellsWhatTheCustomerWillDoNextIsAcknowledgedNotAnsweredAgain(string latest, string locale, string opening)
    {
        var (asked, answered) = FlickerExchange[locale];
        var thread = new Threads("Bulb flickering", "Emily Clarke", locale: locale).FromCustomer(asked)
            .FromAgent(answered, TimeSpan.FromHours(1))
            .FromCustomer(latest, TimeSpan.FromHours(2))
            .Build();

        var draft = Draft(thread, FlickerArticleFor(locale));

        Assert.Equal(DraftKind.Acknowledgement, draft.Kind);
        Assert.Contains(opening, draft.Text);
        Assert.Empty(draft.CitedSourceIds);
        Assert.True(Sendability.Check(draft.Text, locale, new LanguageDetector()).Sendable);
    }

    [Theory]
    [InlineData("I'll try that, but the bulb still flickers.")]
    [InlineData("OK, I'll try. Why does it keep happening?")]
    [InlineData("I'll cancel my subscription then.")]
    [InlineData("I'll send the broken one back and order a new one.")]
    [InlineData("I'll try that. Can you also send me the manual")]
    [InlineData("I'll try tonight. The other bulb is dead too.")]
    [InlineData("I will try it but it keeps flickering even at 100%.")]
    [InlineData("I'll try tonight, I couldn't yesterday because the app kept crashing.")]
    [InlineData("I'll be honest, this is the worst service I have ever had.")]
    [InlineData("I will take my business elsewhere.")]
    public void AMessageThatTellsWhatComesNextAndRaisesSomethingIsAnswered(string latest)
    {
        Assert.NotEqual(DraftKind.Acknowledgement, Draft(AfterOurAnswer(latest)).Kind);
    }

    private static readonly Dictionary<string, (string Asked, string Answered)> FlickerExchange = new()
    {
        ["en"] = ("My bulb flickers when dimmed.", "Please set the wall dimmer to 100% and dim in the app."),
        ["de"] = ("Meine Lampe flackert, wenn ich sie dimme.", "Bitte stellen Sie den Wanddimmer auf 100 % und dimmen Sie in der App."),
        ["fr"] = ("Mon ampoule clignote quand je baisse la lumière.", "Réglez le variateur mural au maximum et baissez la lumière dans l'application."),
        ["es"] = ("Mi bombilla parpadea cuando bajo la intensidad.", "Pon el regulador de pared al máximo y baja la intensidad desde la aplicación."),
        ["nl"] = ("Mijn lamp knippert als ik hem dim.", "Zet de dimmer aan de muur op 100% en dim in de app."),
    };

    private static KnowledgeHit FlickerArticleFor(string locale) =>
        Article("4400002", "Fix flickering bulbs", "Set the wall dimmer to 100% and dim your Glow bulbs in the app instead.", locale);

    [Fact]
    public void AListThePassageJoinsMidwayIsNotQuotedFromTheMiddle()
    {
        var article = Article("4400006", "Bulb flickering: what to check",
            "2. Check the bulb flickering firmware is 2.8.3 or later.\n3. Replace the dimmer if the bulb still flickers.\nFlickering bulbs are covered by the 2-year warranty.");

        var draft = Draft(new Threads("Bulb flickering").FromCustomer("My bulb keeps flickering, what should I check?").Build(), article);

        Assert.DoesNotContain("2. Check", draft.Text);
        Assert.DoesNotContain("3. Replace", draft.Text);
        Assert.Contains("Flickering bulbs are covered by the 2-year warranty.", draft.Text);
        Assert.True(Sendability.Check(draft.Text, "en", Detector).Sendable);
    }

    [Fact]
    public void MacroPlaceholdersTheTicketCannotFillAreMarkedForTheAgentAndItsDescriptionIsLeftOut()
    {
        var macro = new KnowledgeHit(SourceKind.Macro, "900010", "Broken bulb – replacement", null,
            "Use when a bulb arrives broken.\n\nHi {{ticket.requester.first_name}},\n\nSorry your bulb arrived broken. We will send a replacement bulb for ticket {{ticket.id}} to {{ticket.organization.name}}.\n\nBest regards,\n{{current_user.first_name}}",
            6, null);

        var draft = Draft(RefundThread(), macro);

        Assert.DoesNotContain("Use when", draft.Text);
        Assert.DoesNotContain("{{", draft.Text);
        Assert.Contains("for ticket 101 to [fill in: organization name].", draft.Text);
        Assert.EndsWith("Best regards,\nPriya", draft.Text);
    }

    [Theory]
    [InlineData("I did ONE ride in Lisbon and my bank shows three charges. I want my money back.", "en", "- the date and amount of each charge, as your bank statement shows them")]
    [InlineData("I did ONE ride in Lisbon and my bank shows three charges of €10. I want my money back.", "en", "- the date of each charge, as your bank statement shows it\n")]
    [InlineData("My card was charged twice on 3 November for one ride. I want my money back.", "en", "- the amount of each charge, as your bank statement shows it\n")]
    [InlineData("Hice UN viaje en Lisboa y en mi banco aparecen tres cargos de 10 €. Quiero que me devolváis el dinero.", "es", "- la fecha de cada cargo, tal como aparece en tu extracto bancario\n")]
    [InlineData("Me habéis cobrado dos veces la suscripción este mes. Todavía no veo la devolución en mi cuenta.", "es", "- la fecha y el importe de cada cargo")]
    public void AHoldingReplyAboutAChargeThatIsNoOrderAsksForItsDateAndAmountWhicheverIsMissing(string message, string locale, string ask)
    {
        var thread = new Threads("Charged three times", "Javier Morales", locale: locale).FromCustomer(message).Build();

        var draft = Draft(thread);

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.Contains(ask, draft.Text);
        Assert.DoesNotContain("order number", draft.Text);
        Assert.DoesNotContain("número de pedido", draft.Text);
        Assert.True(Sendability.Check(draft.Text, locale, new LanguageDetector()).Sendable);
    }

    [Theory]
    [InlineData("I want an extension for my shopping service. I need more time to get the money together this month.", false)]
    [InlineData("Hi, I need to know how much it would cost to have the jeans I bought last week tailored to my size.", false)]
    [InlineData("The website is running terribly slow today and pages take a minute to load.", true)]
    [InlineData("Since yesterday my hallway bulb keeps switching itself off in the evening.", true)]
    [InlineData("Seit gestern schaltet sich meine Lampe im Flur abends von selbst aus.", true)]
    public void AHoldingReplyAsksForTheDeviceOnlyWhereTheCustomerWritesOfOne(string message, bool asksDevice)
    {
        var locale = message.StartsWith("Seit", StringComparison.Ordinal) ? "de" : "en-US";
        var draft = Draft(new Threads("Question", locale: locale).FromCustomer(message).Build());

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.Equal(asksDevice, draft.Text.Contains("the model of the device", StringComparison.Ordinal) || draft.Text.Contains("das Gerätemodell", StringComparison.Ordinal));
    }

    [Fact]
    public void AHoldingReplyDoesNotAskForWhatTheCustomerAlreadyToldAndSaysWeAreLookingIntoItWhenNothingIsMissing()
    {
        var told = new Threads("Doppelte Abbuchung für eine Fahrt", "Lukas Schneider", locale: "de")
            .FromCustomer("Hallo,\n\nfür meine Fahrt am 1. November (Alexanderplatz → Hackescher Markt) wurden mir 2,75 € zweimal abgebucht. Auf meinem Kontoauszug stehen zwei Buchungen. Bitte erstatten Sie mir den doppelten Betrag.\n\nViele Grüße\nLukas Schneider")
            .Build();

        var draft = Draft(told);

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.Equal("Hallo Lukas,\n\nDanke für Ihre Nachricht. Ich sehe mir das jetzt genauer an und melde mich so schnell wie möglich bei Ihnen.", draft.Text[..draft.Text.IndexOf("\n\nViele Grüße", StringComparison.Ordinal)]);
        Assert.True(Sendability.Check(draft.Text, "de", new LanguageDetector()).Sendable);

        var noDate = new Threads("Unverschämt: E-Bike-Preis obwohl Akku leer war", "Mia Wagner", locale: "de")
            .FromCustomer("Das ist wirklich unverschämt. Der Akku war nach fünf Minuten leer, ich musste 40 Minuten ohne Unterstützung fahren und ihr berechnet mir trotzdem den vollen E-Bike-Preis von 16,00 €. Ich will mein Geld zurück, sonst kündige ich mein Abo.")
            .Build();

        var asks = Draft(noDate).Text;

        Assert.Contains("- das Datum jeder Abbuchung", asks);
        Assert.DoesNotContain("Betrag", asks);
        Assert.DoesNotContain("was Sie tun wollten", asks);

        var spanish = Draft(new Threads("¡Me habéis cobrado tres veces!", "Javier Morales", locale: "es")
            .FromCustomer("Esto es una vergüenza. Hice UN viaje en Lisboa y en mi banco aparecen tres cargos de 10 €. Quiero que me devolváis el dinero inmediatamente o pondré una reclamación.")
            .Build()).Text;

        Assert.Contains("- la fecha de cada cargo", spanish);
        Assert.DoesNotContain("importe", spanish);
        Assert.DoesNotContain("qué intentabas hacer", spanish);
    }

    [Fact]
    public void AHoldingReplyDoesNotAskForAMessageTheCustomerQuotedNorAVersionTheyGave()
    {
        var thread = new Threads("Bridge sempre offline de manhã", "Carlos Ferreira", locale: "pt-PT")
            .FromCustomer("Todas as manhãs a Bridge aparece \"offline\" na app e não consigo controlar as luzes. Já atualizei, diz 3.4.1.")
            .Build();

        var draft = Draft(thread);

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.DoesNotContain("mensagem de erro", draft.Text);
        Assert.DoesNotContain("versão da aplicação", draft.Text);
        Assert.Contains("Vou analisar isto agora", draft.Text);
        Assert.True(Sendability.Check(draft.Text, "pt", new LanguageDetector()).Sendable);
    }

    [Theory]
    [InlineData("Hola, intento usar el código promocional que me dio una amiga y la app dice que no es válido. ¿Podéis ayudarme?", "es", "mensaje de error")]
    [InlineData("Seit letzter Woche gehen meine Lampen morgens eine Stunde zu früh an. In der App wird die richtige Uhrzeit angezeigt.", "de", "Fehlermeldung")]
    public void AHoldingReplyDoesNotAskForTheExactMessageWhenTheCustomerToldWhatTheScreenSays(string message, string locale, string errorAsk)
    {
        var draft = Draft(new Threads("Help", "Lucía Romero", locale: locale).FromCustomer(message).Build());

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.DoesNotContain(errorAsk, draft.Text);
    }

    [Theory]
    [InlineData("My Bridge won't join the 2.4 GHz network, the light keeps blinking orange and the setup never finishes.", true)]
    [InlineData("My Bridge won't join the network, the light keeps blinking orange and the setup never finishes. App version 5.2.", false)]
    [InlineData("My Bridge won't join the network, the light keeps blinking orange and the setup never finishes. It is on 3.4.1.", false)]
    public void AHoldingReplyAsksForTheDeviceAndAppVersionUnlessTheCustomerGaveOne(string message, bool asked)
    {
        var draft = Draft(new Threads("Bridge setup").FromCustomer(message).Build());

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.Equal(asked, draft.Text.Contains("- the model of the device and the version of the app", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Can I take a child seat?", "Hi, do any of your bikes have a child seat, or can I attach my own? My daughter is three.", "en", "I'm looking into this now")]
    [InlineData("Kindersitz", "Hallo, habt ihr Räder mit Kindersitz, oder kann ich meinen eigenen montieren? Meine Tochter ist drei.", "de", "Ich sehe mir das jetzt genauer an")]
    [InlineData("Parking", "Hi, where can I leave the bike near the central station when the station there is full?", "en", "I'm looking into this now")]
    public void AHoldingReplyToAQuestionThatReportsNothingWrongAsksNothing(string subject, string message, string locale, string looking)
    {
        var draft = Draft(new Threads(subject, "Olivia Brown", locale: locale).FromCustomer(message).Build());

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.Contains(looking, draft.Text);
        Assert.DoesNotContain("\n- ", draft.Text);
    }

    private static readonly KnowledgeHit SignInArticle = new(SourceKind.Article, "43000004002", "I can't sign in to my account",
        "https://help.example/articles/43000004002",
        "If you changed your phone number and can no longer receive codes, contact us from the email address on your account. For your security we will ask you to confirm your last ride and the last four digits of your card before we change the number.",
        4.2, "en");

    private static Threads NewNumber() => new Threads("New phone number, can't receive the code", "Ethan Brooks")
        .FromCustomer("I changed my phone number and now I can't receive the sign-in code. Can you change the number on my account?")
        .FromAgent("Hi Ethan,\n\nTo keep your account safe I need to confirm it's you first: please reply with the date and start station of your last ride and the last four digits of your card.\n\nJonas", TimeSpan.FromHours(1));

    [Theory]
    // What we asked for, and nothing else: the next step is ours.
    [InlineData("Last ride was 8 November from Vondelpark, card ends 4412.")]
    // A question the sign-in article (found by the first message, which our answer answered) says nothing about.
    [InlineData("Why does it need all that? I only changed my number.")]
    public void AfterOurAnswerTheArticleThatAnsweredTheFirstMessageIsNotPastedAgain(string reply)
    {
        var thread = NewNumber().FromCustomer(reply, TimeSpan.FromHours(2)).Build();

        var draft = Draft(thread, SignInArticle with { Similarity = 0.7 });

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.Contains("I'm looking into this now", draft.Text);
        Assert.DoesNotContain("last four digits", draft.Text);
        Assert.DoesNotContain("\n- ", draft.Text);
        Assert.Empty(draft.CitedSourceIds);
    }

    private static readonly KnowledgeHit NumberChangeArticle = new(SourceKind.Article, "43000004003", "Change the phone number on your account",
        "https://help.example/articles/43000004003",
        "The number change takes up to one hour once we have confirmed it's you. From then on you receive the sign-in code on your new phone number; codes sent to the old number stop working.",
        3.0, "en");

    [Theory]
    [InlineData("Last ride was 8 November from Vondelpark, card ends 4412. How long does the number change take before I can sign in with the new phone?")]
    [InlineData("Last ride was 8 November from Vondelpark, but I still can't receive any code on the new number.")]
    public void ACustomerWhoAsksOrReportsAProblemBesideWhatWeAskedForIsAnswered(string reply)
    {
        var thread = NewNumber().FromCustomer(reply, TimeSpan.FromHours(2)).Build();

        var draft = Draft(thread, SignInArticle with { Similarity = 0.7 }, NumberChangeArticle);

        Assert.Equal(DraftKind.Answer, draft.Kind);
        Assert.Single(draft.CitedSourceIds);
    }

    private static readonly KnowledgeHit BulkArticle = new(SourceKind.Article, "4400034", "Bulk and business orders",
        "https://lumora.zendesk.com/hc/en-us/articles/4400034",
        "For orders of 25 units or more we offer volume pricing: 10% off for 25–99 units and 15% off for 100 units or more. Verified businesses can also pay by invoice with 30-day payment terms, and EU businesses with a valid VAT ID are invoiced with reverse charge.",
        5.1, "en-us");

    [Theory]
    [InlineData(PricingReply, DraftKind.Holding)]
    [InlineData("Guests can't connect their own phones, so your staff account stays private. One Bridge supports up to 50 devices, so plan one Bridge per floor.", DraftKind.Answer)]
    public void AnAnswerOurRepliesAlreadyGaveIsNotPastedAgain(string ourReply, DraftKind kind)
    {
        var draft = Draft(HotelQuote(ourReply), BulkArticle);

        Assert.Equal(kind, draft.Kind);
        Assert.Equal(kind == DraftKind.Answer, draft.Text.Contains("volume pricing: 10% off", StringComparison.Ordinal));
        if (kind == DraftKind.Holding)
        {
            Assert.Contains("I'm looking into this now", draft.Text);
        }
    }

    [Fact]
    public void AfterAnAnswerWeGaveASourceThatSpeaksToNothingNewDoesNotTakeItsPlace()
    {
        var bulbs = new KnowledgeHit(SourceKind.Article, "4400002", "Add Glow bulbs to the app", "https://lumora.zendesk.com/hc/en-us/articles/4400002",
            "Once your Bridge is online, you can add Lumora Glow bulbs and spots. You can add up to 10 bulbs at a time; a quote is not needed.", 2.0, "en-us");

        var draft = Draft(HotelQuote(PricingReply), BulkArticle, bulbs);

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.DoesNotContain("Glow bulbs", draft.Text);
        Assert.Contains("I'm looking into this now", draft.Text);
    }

    [Fact]
    public void AfterAnAnswerWeGaveASourceAboutWhatTheCustomerAskedSinceAnswers()
    {
        var delivery = new KnowledgeHit(SourceKind.Article, "4400026", "Shipping times, costs and tracking", "https://lumora.zendesk.com/hc/en-us/articles/4400026",
            "Business orders can be delivered to several sites: name each delivery address and the week you want it. Deliveries of more than 100 bulbs come on pallets.", 2.0, "en-us");
        var draft = Draft(HotelQuote(PricingReply, "Thanks Priya. Can the bulbs be delivered to both sites, Galway and Cork, in the second week of February?"),
            BulkArticle, delivery);

        Assert.Equal(DraftKind.Answer, draft.Kind);
        Assert.Contains("delivered to several sites", draft.Text);
        Assert.DoesNotContain("volume pricing: 10% off", draft.Text);
    }

    /// <summary>Our reply that puts the bulk-order article's pricing in its own words.</summary>
    private const string PricingReply = "Volume discounts apply per product: 15% on the 180 bulbs (100 units or more) and 10% on the 96 spots (25–99 units). Verified businesses can pay by invoice with 30-day payment terms, and with your valid VAT ID the invoice is issued with reverse charge.";

    private static HelpdeskThread HotelQuote(string ourReply, string latest = "Thank you Priya, very helpful. My colleague Niamh in our finance team will look after invoicing and the volume pricing, please copy her on the quote.") =>
        new Threads("Quote for two hotels", "Charlotte Evans")
            .FromCustomer("We'd like a quote for 180 bulbs and 96 spots for two hotels, with an invoice to our VAT ID and 30-day payment terms. Do you offer volume pricing?")
            .FromAgent("Hi Charlotte,\n\n" + ourReply + "\n\nPriya", TimeSpan.FromHours(1))
            .FromCustomer(latest, TimeSpan.FromHours(2))
            .Build();

    [Theory]
    [InlineData("Can you help?")]
    [InlineData("The app says my bike is still reserved, how do I end the reservation?")]
    [InlineData("Why does the light keep flickering in the evening?")]
    public void AQuestionThatNamesNoTopicOrReportsAProblemStillGetsTheQuestionsAsked(string message)
    {
        var draft = Draft(new Threads("Help", "Olivia Brown").FromCustomer(message).Build());

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.Contains(Phrasebook.For("en").HoldingAsk, draft.Text);
    }

    [Theory]
    [InlineData("It doesn't work. Help!")]
    [InlineData("I need help with my account.")]
    public void AHoldingReplyAsksWhatHappenedWhenTheCustomerHasNotSaid(string message)
    {
        var draft = Draft(new Threads("Help").FromCustomer(message).Build());

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.Contains("- what you were trying to do and what happened instead", draft.Text);
    }

    [Fact]
    public void AHoldingReplyAboutAnOrderAsksForTheOrderNumberNotTheDevice()
    {
        var thread = new Threads("Where is my parcel").FromCustomer("My order was supposed to arrive last week and the parcel is still not here.").Build();

        var draft = Draft(thread);

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.Contains("- your order number", draft.Text);
        Assert.DoesNotContain("version of the app", draft.Text);
    }
}
