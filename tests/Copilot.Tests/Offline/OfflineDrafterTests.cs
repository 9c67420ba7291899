using Copilot.Api.Drafts.Offline;
using Copilot.Api.Knowledge;
using Copilot.Api.Languages;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Tests.Offline;

public sealed class OfflineDrafterTests
{
    private static readonly LanguageDetector Detector = new();

    private static readonly KnowledgeHit FlickerArticle = new(SourceKind.Article, "4400013", "Fix a flickering bulb",
        "https://lumora.zendesk.com/hc/en-us/articles/4400013",
        "Flickering usually has one of three causes. Lumora bulbs need a normal on/off switch, so a traditional wall dimmer makes them flicker; set the dimmer to 100% or replace it. " +
        "Bulb firmware 2.8.1 could flicker at brightness levels below 5%, which is fixed in 2.8.3. " +
        "To update, go to Settings > Devices > your bulb > Firmware and tap Check for updates. " +
        "Our offices are closed on public holidays. " +
        "If the bulb still flickers, contact support with a short video.",
        7.2, "en-us");

    private static readonly KnowledgeHit ReturnsArticle = new(SourceKind.Article, "4400021", "Return an order within 30 days",
        "https://lumora.zendesk.com/hc/en-us/articles/4400021",
        "You can return unused products within 30 days of delivery. Start a return from Orders in your account and print the prepaid label. Refunds reach your card within 5 business days.",
        3.1, "en-us");

    private static readonly KnowledgeHit FlickerMacro = new(SourceKind.Macro, "900002", "Troubleshooting::Flickering bulb – dimmer & firmware steps", null,
        """
        Hi {{ticket.requester.first_name}},

        Thanks for letting us know about the flickering, and sorry for the hassle.

        1. Dimmer switch: Lumora bulbs need a normal on/off switch. If the light is on a circuit with a traditional wall dimmer, please set the dimmer to 100% or replace it with a standard switch.
        2. Firmware: bulb firmware 2.8.1 could flicker at brightness levels below 5%. This is fixed in 2.8.3.
        3. Socket: switch off the power, unscrew the bulb and screw it back in firmly.

        More details: https://lumora.zendesk.com/hc/en-us/articles/4400013

        Best regards,
        {{current_user.first_name}}
        Lumora Home Support
        """, 6.4, null);

    private static HelpdeskThread FlickerThread() => new Threads("Bulb flickering in the living room")
        .FromCustomer("Hi,\n\nmy Glow bulb in the living room keeps flickering when I dim it in the evening. How do I stop the flickering?\n\nThanks,\nEmily")
        .Build();

    private static HelpdeskThread GermanFlickerThread() => new Threads("Lampe flackert", requester: "Jonas Weber", locale: "de")
        .FromCustomer("Hallo,\n\nmeine Glow Lampe im Wohnzimmer flackert beim Dimmen (flickering, dimmer). Wie kann ich das beheben? Die Firmware ist aktuell.\n\nViele Grüße\nJonas")
        .Build();

    [Theory]
    [InlineData("Acme Logistics – Finance", "Hello,")]
    [InlineData("Kestrel Hotel Group Ltd", "Hello,")]
    [InlineData("Accounts Payable", "Hello,")]
    [InlineData("Niamh Gallagher", "Hi Niamh,")]
    [InlineData("Chiara De Santis", "Hi Chiara,")]
    public void ACompanyOrTeamAsTheRequesterIsGreetedWithoutAName(string requester, string greeting)
    {
        var thread = new Threads("Hallway bulb flickers", requester).FromCustomer("Our hallway bulb flickers when it is dimmed below 10%. What should we check?").Build();

        Assert.StartsWith(greeting + "\n", Draft(thread, FlickerArticle).Text);
    }

    [Theory]
    [InlineData("{{current_user.name}}", "Best regards,\nPriya Natarajan")]
    [InlineData("{{current_user.name}}\nLumora Account Security", "Best regards,\nPriya Natarajan\nLumora Account Security")]
    [InlineData("Cheers,\n{{current_user.name}}", "Cheers,\nPriya Natarajan")]
    [InlineData("Sorry for the trouble,\n{{current_user.name}}", "Sorry for the trouble,\nPriya Natarajan")]
    public void AMacroSignedWithTheAgentsNameAloneIsSignedOnce(string signature, string closing)
    {
        var macro = new KnowledgeHit(SourceKind.Macro, "900031", "Troubleshooting::Flickering bulb – steps", null,
            "Hi {{ticket.requester.first_name}},\n\nSorry about the flickering. Please set the wall dimmer to 100% or replace it with a normal switch, then update the bulb's firmware in the app.\n\n" + signature,
            9.0, "en");
        var thread = new Threads("Hallway bulb flickers").FromCustomer("My hallway bulb flickers when I dim it. What should I check?").Build();

        var text = Draft(thread, macro).Text;

        Assert.EndsWith("\n\n" + closing, text);
        Assert.Equal(1, text.Split("Priya Natarajan").Length - 1);
        Assert.True(Sendability.Check(text, "en", Detector).Sendable, text);
    }

    private static DraftText Draft(HelpdeskThread thread, params KnowledgeHit[] sources) => OfflineDrafts.Draft(thread, sources);

    [Fact]
    public void SourcesAboutTheQuestionAreTriedInRetrievalsOrderNotByHowManyOfItsWordsTheyHold()
    {
        var unlock = new KnowledgeHit(SourceKind.Article, "43000004014", "The bike won't unlock", "https://spokewise.example/a/43000004014",
            "If the lock stays shut after you scan the bike, check that Bluetooth is on. If the app says the ride started but the lock stayed shut, end the ride in the app within five minutes and we refund the unlock fee; you are not charged for the ride.",
            4.0, "en");
        var notEnded = new KnowledgeHit(SourceKind.Article, "43000004016", "Phone Bluetooth off keeps trips open", "https://spokewise.example/a/43000004016",
            "When your phone's Bluetooth is off, the app never hears that the ride ended. We correct it to the time the lock closed.",
            9.0, "en");
        var thread = new Threads("Charged for a 6 minute ride")
            .FromCustomer("I locked the bike this morning, the lock clicked, but the app kept the ride going and charged me for two hours. Why did the ride not end?")
            .Build();

        var draft = Draft(thread, unlock, notEnded);

        Assert.Equal(["43000004016"], draft.CitedSourceIds);
        Assert.Contains("never hears that the ride ended", draft.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, DraftKind.Answer)]
    [InlineData(false, DraftKind.Holding)]
    public void AnArticleTheModelFoundForAParaphraseIsAnsweredFromThoughItSharesOneWordWithTheQuestion(bool fromMeaning, DraftKind kind)
    {
        // "Blinking lights" and "flickering bulb": one shared word ("dim"), so only the model says the article fits.
        var thread = new Threads("Lights blinking").FromCustomer("Hi, my lamps keep blinking on and off whenever I dim them at night. What can I do?").Build();
        var found = FlickerArticle with { KeywordScore = 0, Similarity = 0.52 };

        var draft = OfflineDrafts.Draft(OfflineDrafts.Input(thread, [found]) with { FromMeaning = fromMeaning });

        Assert.Equal(kind, draft.Kind);
        Assert.Equal(fromMeaning ? ["4400013"] : [], draft.CitedSourceIds);
        // The agent is told the answer rests on the model's word alone; an article that shares the question's words is not flagged.
        Assert.Equal(fromMeaning, draft.FoundByMeaning);
        Assert.False(Draft(FlickerThread(), FlickerArticle with { Similarity = 0.52 }).FoundByMeaning);
    }

    [Fact]
    public void DraftUsesTheMacroAndFillsItsPlaceholders()
    {
        var draft = Draft(FlickerThread(), FlickerArticle, FlickerMacro, ReturnsArticle);

        Assert.StartsWith("Hi Emily,\n\nThanks for letting us know about the flickering", draft.Text);
        Assert.Contains("1. Dimmer switch: Lumora bulbs need a normal on/off switch.", draft.Text);
        Assert.DoesNotContain("{{", draft.Text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(draft.Text, "Hi Emily"));
        Assert.EndsWith("Best regards,\nPriya\nLumora Home Support", draft.Text);
        // The macro already links the article, so only the macro is the source.
        Assert.Equal(["900002"], draft.CitedSourceIds);
    }

    [Fact]
    public void AMacroThatLinksItsOwnGuideGetsNoSecondArticleLink()
    {
        // Another article on the topic that fits the question as well: the macro's own link is the one to follow.
        var other = FlickerArticle with { SourceId = "4400099", Title = "Bulb flickering", Url = "https://lumora.zendesk.com/hc/en-us/articles/4400099" };

        var draft = Draft(FlickerThread(), FlickerMacro, other);

        Assert.Contains("More details: https://lumora.zendesk.com/hc/en-us/articles/4400013", draft.Text);
        Assert.DoesNotContain("4400099", draft.Text);
        Assert.DoesNotContain("You can find the full steps here", draft.Text);
        Assert.Equal(["900002"], draft.CitedSourceIds);
    }

    [Fact]
    public void DraftCitesTheArticleItUsed()
    {
        var draft = Draft(FlickerThread(), ReturnsArticle, FlickerArticle);

        Assert.StartsWith("Hi Emily,\n\n", draft.Text);
        // The answer is the passage whole, in its order, not a pick of sentences.
        Assert.Contains(FlickerArticle.Passage, draft.Text);
        Assert.Contains("You can find the full steps here: Fix a flickering bulb — https://lumora.zendesk.com/hc/en-us/articles/4400013", draft.Text);
        Assert.DoesNotContain("return", draft.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["4400013"], draft.CitedSourceIds);
        Assert.EndsWith("Best regards,\nPriya Natarajan", draft.Text);
    }

    [Theory]
    [InlineData(CitationStyle.Title, "You can find the full steps here: Fix a flickering bulb\n")]
    [InlineData(CitationStyle.None, null)]
    public void TheArticleIsNamedAsTheAdminChose(CitationStyle style, string? line)
    {
        var thread = FlickerThread();
        var draft = OfflineDrafts.Draft(OfflineDrafts.Input(thread, [FlickerArticle]) with { CitationStyle = style });

        Assert.DoesNotContain("https://", draft.Text);
        Assert.Contains(FlickerArticle.Passage, draft.Text);
        if (line is null)
        {
            Assert.DoesNotContain("full steps", draft.Text);
        }
        else
        {
            Assert.Contains(line, draft.Text);
        }
        Assert.Equal(["4400013"], draft.CitedSourceIds);
    }

    [Fact]
    public void DraftFallsBackHonestlyWhenNoSourceIsRelevant()
    {
        var draft = Draft(FlickerThread(), ReturnsArticle);

        Assert.Empty(draft.CitedSourceIds);
        Assert.StartsWith("Hi Emily,\n\nThanks for your message. So that I can look into this properly, could you send me:", draft.Text);
        // A flickering bulb shows no error message to ask for.
        Assert.DoesNotContain("error message", draft.Text);
        Assert.DoesNotContain("30 days", draft.Text);
        Assert.DoesNotContain("http", draft.Text);
    }

    [Fact]
    public void AHoldingReplyAsksForTheExactMessageTheCustomerSaw()
    {
        var thread = new Threads("Strip gone from the app").FromCustomer("Since yesterday the app says my light strip is unreachable. How do I get it back?").Build();

        var draft = Draft(thread, ReturnsArticle);

        Assert.Contains("- the exact error message you see", draft.Text);
    }

    [Theory]
    // The code is given and the app's words reported: nothing left to ask.
    [InlineData("El código promocional no funciona", "Hola, intento usar el código BIENVENIDA5 que me dio una amiga y la app dice que no es válido. ¿Podéis ayudarme?", "es", null, "Lo estoy revisando ahora")]
    [InlineData("Promo code", "Hi, the promo code from your newsletter doesn't work in the app. It just does nothing when I tap Apply. Can you help?", "en", "- the code you tried to use, exactly as you entered it", null)]
    [InlineData("Gutschein", "Hallo, mein Gutscheincode WELCOME10 wird in der App nicht angenommen. Was kann ich tun?", "de", null, null)]
    public void APromoCodeThatDoesNotWorkIsAskedForByItsCodeNotTheDevice(string subject, string text, string language, string? ask, string? looking)
    {
        var thread = new Threads(subject, requester: "Lucía Fernández", locale: language).FromCustomer(text).Build();

        var draft = Draft(thread);

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.DoesNotContain(Phrasebook.For(language).DetailDevice, draft.Text);
        if (ask is not null)
        {
            Assert.Contains(ask, draft.Text);
        }
        if (looking is not null)
        {
            Assert.Contains(looking, draft.Text);
        }
        Assert.True(Sendability.Check(draft.Text, language, Detector).Sendable, draft.Text);
    }

    [Fact]
    public void DraftWithoutSourcesAsksForTheMissingDetails()
    {
        var thread = new Threads("Charged twice").FromCustomer("I was charged twice for my last order. Can you refund one of the charges?").Build();

        var draft = Draft(thread);

        Assert.Empty(draft.CitedSourceIds);
        Assert.Contains("- your order number", draft.Text);
    }

    [Fact]
    public void AnEnglishOnlyArticleForAGermanCustomerIsOfferedAsALinkInAGermanDraft()
    {
        var draft = Draft(GermanFlickerThread(), FlickerArticle);

        Assert.Equal(DraftKind.OtherLanguage, draft.Kind);
        Assert.StartsWith("Hallo Jonas,\n\nLeider kann ich Ihnen diese Antwort gerade nicht auf Deutsch schicken", draft.Text);
        Assert.Contains("Fix a flickering bulb — https://lumora.zendesk.com/hc/en-us/articles/4400013", draft.Text);
        Assert.DoesNotContain("dimmer makes them flicker", draft.Text);
        Assert.EndsWith("Viele Grüße\nPriya Natarajan", draft.Text);
        Assert.Equal(["4400013"], draft.CitedSourceIds);
    }

    [Fact]
    public void AnEnglishArticleFoundByADutchTicketsWordsInEnglishIsLinkedThoughItSharesNoWordAsWritten()
    {
        var unreachable = new KnowledgeHit(SourceKind.Article, "4400007", "Lights show \"Unreachable\" in the app",
            "https://lumora.zendesk.com/hc/en-us/articles/4400007",
            "When a light is shown as Unreachable, the Bridge can't talk to it. Is the wall switch on? Power-cycle the light strip and wait a minute.", 2.1, "en-us");
        var dutch = new Threads("Lichtstrip steeds onbereikbaar", requester: "Daan de Vries", locale: "nl")
            .FromCustomer("Hoi,\n\nMijn lichtstrip in de keuken is steeds onbereikbaar. De stekker zit erin en hij brandt gewoon.\n\nGroet,\nDaan")
            .Build();

        var linked = Draft(dutch, unreachable);
        var offTopic = Draft(dutch, ReturnsArticle);

        Assert.Equal(DraftKind.OtherLanguage, linked.Kind);
        Assert.StartsWith("Hallo Daan,\n\nSorry, ik kan je dit antwoord", linked.Text);
        Assert.Contains("Lights show \"Unreachable\" in the app — https://lumora.zendesk.com/hc/en-us/articles/4400007", linked.Text);
        Assert.Equal(["4400007"], linked.CitedSourceIds);
        Assert.Equal(DraftKind.Holding, offTopic.Kind);
        Assert.Empty(offTopic.CitedSourceIds);
    }

    [Fact]
    public void AnEnglishMacroForAGermanCustomerIsNotPastedUnderAGermanGreeting()
    {
        var draft = Draft(GermanFlickerThread(), FlickerMacro);

        Assert.StartsWith("Hallo Jonas,", draft.Text);
        Assert.DoesNotContain("Thanks for letting us know", draft.Text);
        Assert.DoesNotContain("Best regards", draft.Text);
        Assert.EndsWith("Viele Grüße\nPriya Natarajan", draft.Text);
    }

    [Fact]
    public void APastReplyIsUsedWhenItIsTheOnlyRelevantSource()
    {
        var past = new KnowledgeHit(SourceKind.PastReply, "117", "Bulb flickers when dimmed", null,
            "Hi Sam,\n\nThe flickering comes from the wall dimmer: please set it to full brightness and dim the bulb in the app instead.\n\nBest regards,\nMarcus", 4.2, null);

        var draft = Draft(FlickerThread(), ReturnsArticle, past);

        Assert.Contains("The flickering comes from the wall dimmer", draft.Text);
        Assert.DoesNotContain("Sam", draft.Text);
        Assert.DoesNotContain("Marcus", draft.Text);
        Assert.Equal(["117"], draft.CitedSourceIds);
    }

    [Fact]
    public void TheRequestersLocaleDecidesWhenTheTextIsTooShortToTell()
    {
        var thread = new Threads("LB-4471", requester: "Camille Dubois", locale: "fr").FromCustomer("LB-4471-A9 ??").Build();

        var draft = OfflineDrafts.Draft(OfflineDrafts.Input(thread, []) with { Language = new DetectedLanguage("en", 0.1), AgentName = null });

        Assert.StartsWith("Bonjour Camille,", draft.Text);
        Assert.EndsWith("Cordialement,", draft.Text);
    }

    [Fact]
    public void ArticleHeadingsAreNotQuotedAsSentences()
    {
        var article = FlickerArticle with
        {
            Passage = "Check the dimmer\nA traditional wall dimmer makes Lumora bulbs flicker; set the dimmer to 100%.\nUpdate the firmware\nFirmware 2.8.3 fixes flickering at low brightness.",
        };

        var draft = Draft(FlickerThread(), article);

        Assert.Contains("A traditional wall dimmer makes Lumora bulbs flicker; set the dimmer to 100%.\n\nFirmware 2.8.3 fixes flickering at low brightness.", draft.Text);
        Assert.DoesNotContain("Check the dimmer", draft.Text);
        Assert.DoesNotContain("Update the firmware", draft.Text);
    }

    [Fact]
    public void AListOfMenuPathsIsKeptWithTheSentenceThatIntroducesItNotTakenForHeadings()
    {
        // Menu paths ("Settings > …") with no full stop are list items here, not headings, and "[your name]" is the
        // phone's menu, not an agent's template slot ("[Pull up Account]"): the sentence that ends in ":" must not be sent
        // without them.
        var article = new KnowledgeHit(SourceKind.Article, "4400023", "Manage or cancel your Lumora Plus subscription",
            "https://lumora.zendesk.com/hc/en-us/articles/4400023",
            "Subscribed through Apple or Google?\nSubscriptions bought with your app store account must be cancelled there:\n"
            + "- iPhone: Settings > [your name] > Subscriptions > Lumora Plus\n- Android: Google Play > profile icon > Payments & subscriptions > Subscriptions\n"
            + "Deleting the app doesn't cancel your subscription.",
            5.0, "en-us");
        var thread = new Threads("Cancel Plus bought on my iPhone")
            .FromCustomer("Hi,\n\nI subscribed to Lumora Plus through the app store on my iPhone. How do I cancel the subscription?\n\nThanks,\nEmily")
            .Build();

        var draft = Draft(thread, article);

        Assert.Contains("must be cancelled there:\n\n- iPhone: Settings > [your name] > Subscriptions > Lumora Plus\n- Android: Google Play > profile icon > Payments & subscriptions > Subscriptions", draft.Text);
        Assert.DoesNotContain("Subscribed through Apple or Google", draft.Text);
    }

    [Fact]
    public void NumberedSectionHeadingsAreNotQuotedAsStepsAndTheStepsUnderThemStayWhole()
    {
        var article = new KnowledgeHit(SourceKind.Article, "4400006", "Bridge won't connect to Wi-Fi", "https://lumora.zendesk.com/hc/en-us/articles/4400006",
            "1. Use a 2.4 GHz network\nThe Bridge supports 2.4 GHz Wi-Fi only. Give the 2.4 GHz band its own name in your router settings.\n"
            + "2. Move closer and restart\n1. Place the Bridge within 5 metres of the router for setup\n2. Restart your router and wait until it's back online\n3. Start setup again in the app\n"
            + "3. Use Ethernet\nConnecting the Bridge to your router with a network cable skips the Wi-Fi step.",
            5.0, "en-us");
        var thread = new Threads("Bridge won't connect").FromCustomer("Hi,\n\nmy Bridge won't connect to the Wi-Fi router during setup. What can I do?\n\nThanks,\nEmily").Build();

        var draft = Draft(thread, article);

        Assert.DoesNotContain("Use a 2.4 GHz network", draft.Text);
        Assert.DoesNotContain("Move closer and restart", draft.Text);
        Assert.DoesNotContain("3. Use Ethernet", draft.Text);
        Assert.Contains("1. Place the Bridge within 5 metres of the router for setup\n2. Restart your router and wait until it's back online\n3. Start setup again in the app", draft.Text);
    }
}
