using Copilot.Api.Summaries;
using Copilot.Api.Threads;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Tests.Offline;

public sealed class OfflineSummarizerTests
{
    private readonly OfflineSummarizer _summarizer = new();

    internal static HelpdeskThread BridgeThread() => new Threads("Bridge keeps going offline")
        .FromCustomer("""
            Hi team,

            Since the firmware update last week my Lumora Bridge goes offline every evening around 8pm. Can you tell me how to stop it from disconnecting? I need the schedules to work while I'm away.

            I already restarted the Bridge and the router twice.

            Thanks,
            Emily Carter
            Product Manager | Acme Corp
            Sent from my iPhone
            """)
        .FromAgent("""
            Hi Emily,

            Thanks for reaching out and sorry for the trouble.

            Please move the Bridge at least 1 metre away from the router and check that it is on the 2.4 GHz band. Could you also send me the serial number that starts with LB-?

            Best regards,
            Priya
            """, after: TimeSpan.FromHours(3))
        .InternalNote("Customer is on firmware 3.4.0, known drift issue, engineering ticket ENG-2211. Don't promise a date.", after: TimeSpan.FromMinutes(5))
        .FromCustomer("""
            I moved it but it still drops every evening. Why does it keep disconnecting after the update? The serial is LB-4471-A9.

            On Fri, 20 Nov 2026 at 12:00, Lumora Home Support <support@lumora-home.example> wrote:
            > Hi Emily,
            > Please move the Bridge at least 1 metre away from the router
            """, after: TimeSpan.FromHours(2) - TimeSpan.FromMinutes(5))
        .Build();

    [Fact]
    public void WhatTheCustomerWantsIsTheProblemNotTheComplaintAboutWritingAgain()
    {
        var thread = new Threads("Spots flackern – dritter Kontakt!", requester: "Jonas Weber", locale: "de")
            .FromCustomer("Hallo, ich schreibe Ihnen jetzt zum dritten Mal (Chat am 12.10., E-Mail am 20.10.). Meine GU10-Spots im Wohnzimmer flackern jeden Abend, sobald ich sie dimme.")
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Contains("flackern", summary.CustomerWants);
        Assert.DoesNotContain("dritten Mal", summary.CustomerWants);
    }

    [Fact]
    public void AComplaintAboutTheAnswersIsNotTheContextOfTheProblem()
    {
        var thread = new Threads("bridge STILL won't connect")
            .FromCustomer("This is the THIRD time I'm writing to you about this and I keep getting the same copy-paste answer. My Bridge will NOT connect to wifi. The light goes solid orange after about a minute. I've done the reset with the paperclip I don't know how many times.")
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Contains("Bridge will NOT connect to wifi", summary.CustomerWants);
        Assert.DoesNotContain("THIRD", summary.CustomerWants);
        Assert.Contains("The customer says they've done the reset with the paperclip", summary.Tried);
    }

    [Fact]
    public void AnItemOfTheAgentsListIsNotQuotedAsWhatTheAgentSaid()
    {
        var thread = new Threads("Double prélèvement Lumora Plus 49 €", locale: "fr")
            .FromCustomer("Bonjour,\n\nJ'ai deux prélèvements de 49 € le 2 novembre sur ma carte, tous les deux « LUMORA*PLUS ». Je n'ai qu'un seul abonnement annuel. Merci de me rembourser le prélèvement en trop rapidement, sinon je fais opposition auprès de ma banque.\n\nIsabelle Laurent")
            .InternalNote("Not a system duplicate: two separate accounts with yearly Plus, both on card ending 3308, both renewed 2 Nov. Account 1 = isabelle.laurent@example.net (active, Bridge LB-…, 14 lights). Account 2 = isabelle.laurent.pro@… created May 2025, no devices since March. Within 14 days -> prorated refund of account 2 possible once she confirms which one. @Julien please reply in French.", after: TimeSpan.FromMinutes(30))
            .FromAgent("Bonjour Isabelle,\n\nMerci pour votre message, et merci de nous avoir contactés avant de vous adresser à votre banque.\n\nJ'ai vérifié : il ne s'agit pas d'un double prélèvement technique. Votre carte est utilisée pour deux abonnements Lumora Plus annuels, sur deux comptes Lumora différents :\n- votre compte principal (isabelle.laurent@example.net), avec votre Bridge et vos 14 lampes ;\n- un second compte créé en mai 2025 avec une adresse « .pro », sur lequel aucun appareil n'est utilisé depuis mars.\n\nLes deux abonnements ont été renouvelés le 2 novembre. Comme le renouvellement date de moins de 14 jours, je peux annuler l'abonnement du compte que vous n'utilisez pas et vous rembourser au prorata les jours non utilisés.\n\nPouvez-vous me confirmer quel abonnement annuler ? Merci de ne pas faire opposition entre-temps.", after: TimeSpan.FromHours(1))
            .FromCustomer("Ah oui, c'est l'ancien compte que j'avais créé pour le bureau, je l'avais complètement oublié. Annulez celui-là (l'adresse pro), merci.\n\nIsabelle", after: TimeSpan.FromHours(2))
            .FromAgent("Bonjour Isabelle,\n\nC'est fait : l'abonnement du compte « pro » est annulé et nous avons remboursé 48,46 € (49 € moins les 4 jours écoulés depuis le renouvellement). Le montant apparaîtra sur votre compte sous 5 à 10 jours ouvrés.\n\nVotre compte principal et son abonnement ne sont pas concernés.\n\nBien cordialement, Julien", after: TimeSpan.FromHours(3))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: true);

        Assert.DoesNotContain("compte principal", summary.Tried);
        Assert.Contains("nous avons remboursé 48,46 €", summary.Tried);
    }

    [Fact]
    public void WhereTheAgentLeftItIsNotAPleasantryAndAListItemIsQuotedWithoutItsBullet()
    {
        var thread = new Threads("Alexa lost my lights")
            .FromCustomer("Alexa lost all my lights after I changed my Lumora password yesterday. How do I get them back?")
            .FromAgent("""
                Hi Marco,

                Here is what to do:
                - Open the Alexa app, go to Skills and disable the Lumora skill.
                - Enable it again and sign in with your new Lumora password.
                """, after: TimeSpan.FromHours(1))
            .FromCustomer("That worked, all lights are back.", after: TimeSpan.FromHours(2))
            .FromAgent("Perfect, thanks for confirming, Marco. Enjoy your lights!", after: TimeSpan.FromHours(3))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.DoesNotContain("Perfect", summary.Tried, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("enjoy", summary.Tried, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("said -", summary.Tried);
        Assert.Contains("Lumora skill", summary.Tried);
    }

    [Theory]
    [InlineData("Perfect, thanks for confirming, Marco.")]
    [InlineData("Enjoy your new lights!")]
    [InlineData("Glad the porch is back on time.")]
    [InlineData("We'll close this ticket now, but just reply if anything comes up again.")]
    [InlineData("Brilliant, thanks for letting us know, Hannah.")]
    [InlineData("We'll mark this as solved.")]
    public void AnAgentsSignOffIsRecognised(string sentence) => Assert.Matches(Cues.SignOff(), sentence);

    [Theory]
    [InlineData("Great, I've refunded the order.")]
    [InlineData("Great news: your replacement ships today.")]
    [InlineData("Good morning, the refund of 59.97 EUR was issued today.")]
    [InlineData("I'll set up the replacement for you today.")]
    public void WhatTheAgentDidIsNoSignOff(string sentence) => Assert.DoesNotMatch(Cues.SignOff(), sentence);

    [Theory]
    [InlineData("Were we able to help you resolve your issue?")]
    [InlineData("Checking back with you.")]
    [InlineData("just wanted to check in to see if you were in touch with someone from the store?")]
    [InlineData("Just following up to see if you still need help, did the new link work?")]
    [InlineData("Hi. We just wanted to do a quick follow up to check if you need further help.")]
    [InlineData("Did that help?")]
    [InlineData("Is there anything else we can help you with today?")]
    [InlineData("Help us improve our Twitter support by answering our survey on this link.")]
    [InlineData("Please let us know.")]
    [InlineData("Give us a shout if there's anything else.")]
    [InlineData("Do let us know if any further assistance is needed.")]
    [InlineData("Yes, please do keep us in the loop.")]
    [InlineData("Don't hesitate to tweet back if you need further assistance.")]
    public void AnAgentCheckingInIsRecognised(string sentence) => Assert.Matches(Cues.CheckIn(), sentence);

    [Theory]
    [InlineData("Did the reset help with the error code E42, or does it still show?")]
    [InlineData("Please let us know the order number so we can check.")]
    [InlineData("Let us know if the new link works for you.")]
    [InlineData("Checking back: the replacement left our warehouse today.")]
    [InlineData("Checking back on your order, the replacement left our warehouse today and arrives Friday.")]
    [InlineData("We wanted to let you know the refund was issued.")]
    public void WhatTheAgentAsksOrSaysIsNoCheckIn(string sentence) => Assert.DoesNotMatch(Cues.CheckIn(), sentence);

    [Fact]
    public void AQuestionThatEndsInOneListItemIsToldWithIt()
    {
        var thread = new Threads("Clock").FromCustomer("Why does Win 7 keep:\n- Changing PC time for DST when it's on GMT+10 with no update.").Build();

        var wants = _summarizer.Summarize(thread, includeInternalNotes: false).CustomerWants;

        Assert.Equal("The customer asks: why does Win 7 keep changing PC time for DST when it's on GMT+10 with no update?", wants);
    }

    [Theory]
    [InlineData("🤔 We'd like to help", "We'd like to help")]
    [InlineData("👍🏽 Done", "Done")]
    [InlineData("𝐖𝐡𝐲 is my order late", "𝐖𝐡𝐲 is my order late")]
    [InlineData("𠀋 is a letter", "𠀋 is a letter")]
    public void AQuoteLosesTheSymbolsBeforeItsFirstWordButNoLetter(string sentence, string expected) =>
        Assert.Equal(expected, OfflineSummarizer.Quote(sentence));

    [Fact]
    public void AnEmojiBeforeTheAgentsQuestionIsNotQuoted()
    {
        var thread = new Threads("Upgrade")
            .FromCustomer("Fix your connection with the reseller so my upgrade can go through before I go on holiday.")
            .FromAgent("🤔 Are you trying to upgrade through the reseller's website or in one of their stores?", after: TimeSpan.FromHours(1))
            .Build();

        var tried = _summarizer.Summarize(thread, includeInternalNotes: false).Tried;

        Assert.StartsWith("The agent asked whether they are trying to upgrade", tried);
    }

    [Theory]
    [InlineData("We hear your frustration and apologize that you're arriving later than planned and for any inconvenience caused.")]
    [InlineData("I understand how annoying this must be.")]
    [InlineData("We sincerely apologize for the trouble.")]
    public void AnAgentsSympathyAloneIsRecognised(string sentence) => Assert.Matches(Cues.Sympathy(), sentence);

    [Theory]
    [InlineData("We apologise, but the train was cancelled by Network Rail.")]
    [InlineData("I understand; I've refunded the booking fee.")]
    [InlineData("We understand you were charged twice, and we have refunded 12.99 EUR.")]
    [InlineData("I understand you'd like a refund, please send us the order number.")]
    public void SympathyThatGoesOnToWhatWasDoneIsNotDropped(string sentence) => Assert.DoesNotMatch(Cues.Sympathy(), sentence);

    [Fact]
    public void AnAgentsCheckInAfterTheAnswerIsNotWhatTheAgentDid()
    {
        var thread = new Threads("Pen press and hold")
            .FromCustomer("Press and hold for right click can't be turned off on my Surface anymore since the update.")
            .FromAgent("If the feature stopped working after the recent update, we can suggest two options: roll back the update or suggest the feature in the Feedback Hub.", after: TimeSpan.FromHours(1))
            .FromAgent("Hi Arran. Checking back with you. Were we able to help you resolve your issue?", after: TimeSpan.FromDays(1))
            .Build();

        var tried = _summarizer.Summarize(thread, includeInternalNotes: false).Tried;

        Assert.Contains("roll back the update", tried);
        Assert.DoesNotContain("Checking back", tried, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("able to help", tried);
    }

    [Theory]
    [InlineData("Auf zwei Mails keine Reaktion, und heute wurde SCHON WIEDER abgebucht!")]
    [InlineData("Der Wecker steht auf 6:30 Uhr, aber das Schlafzimmer wird schon um 5:30 hell.")]
    public void AGermanSchonThatTellsNoAttemptIsNotWhatTheCustomerTried(string message)
    {
        var thread = new Threads("Abbuchung", requester: "Katrin Roth", locale: "de")
            .FromCustomer("Ich habe Lumora Plus im September gekündigt und eine Bestätigung bekommen. " + message + " Bitte erstatten Sie die Abbuchungen.")
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.DoesNotContain("Der Kunde hat schon versucht", summary.Tried);
    }

    [Fact]
    public void ARequestPutAsAQuestionIsAskedEvenBeforeAColon()
    {
        var thread = new Threads("New address")
            .FromCustomer("My order hasn't arrived yet.\n\nCan you deliver to my new address instead please:\n14 Harbour Road, Cork")
            .Build();

        var wants = _summarizer.Summarize(thread, includeInternalNotes: false).CustomerWants;

        Assert.Contains("The customer asks: can we deliver to their new address instead please?", wants);
    }

    [Fact]
    public void AnAttemptThatFailedIsWhatTheCustomerWantsAndIsNotToldTwice()
    {
        var thread = new Threads("Student pass verification failed")
            .FromCustomer("Hi, I tried to verify my student status with my uni email but the link in the email says it has expired. I clicked it within a minute.")
            .FromAgent("Hi Aisha, some university mail filters open links before you do. I've sent you a new link; please open it from the app's Passes screen.", after: TimeSpan.FromHours(1))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Contains("verify their student status", summary.CustomerWants);
        Assert.DoesNotContain("student status", summary.Tried);
    }

    [Fact]
    public void SummaryNamesTheProblemAndTheCustomersAskInTheThirdPerson()
    {
        var summary = _summarizer.Summarize(BridgeThread(), includeInternalNotes: false);

        Assert.Equal(
            "The customer says since the firmware update last week their Lumora Bridge goes offline every evening around 8pm. The customer asks how to stop it from disconnecting.",
            summary.CustomerWants);
    }

    [Fact]
    public void SummaryIgnoresGreetingsSignaturesAndQuotedEmails()
    {
        var summary = _summarizer.Summarize(BridgeThread(), includeInternalNotes: false);
        var all = string.Join("\n", summary.CustomerWants, summary.Tried, summary.Status, summary.NextStep);

        Assert.DoesNotContain("Sent from my iPhone", all);
        Assert.DoesNotContain("Product Manager", all);
        Assert.DoesNotContain("Hi team", all);
        Assert.DoesNotContain("support@lumora-home.example", all);
        Assert.DoesNotContain("> ", all);
    }

    [Fact]
    public void InternalNotesAreLeftOutWhenTheFlagIsOff()
    {
        var summary = _summarizer.Summarize(BridgeThread(), includeInternalNotes: false);

        Assert.DoesNotContain("ENG-2211", string.Join("\n", summary.CustomerWants, summary.Tried, summary.Status, summary.NextStep));
    }

    [Fact]
    public void InternalNotesAppearInTheStatusWhenTheFlagIsOn()
    {
        var summary = _summarizer.Summarize(BridgeThread(), includeInternalNotes: true);

        Assert.Contains("Internal note (Priya): \"Customer is on firmware 3.4.0, known drift issue, engineering ticket ENG-2211.", summary.Status);
    }

    [Fact]
    public void TriedRetellsWhatTheCustomerAlreadyDidAndWhatTheAgentAsked()
    {
        var summary = _summarizer.Summarize(BridgeThread(), includeInternalNotes: false);

        Assert.Equal(
            "The customer says they already restarted the Bridge and the router twice. The agent asked them to move the Bridge at least 1 metre away from the router and check that it is on the 2.4 GHz band.",
            summary.Tried);
    }

    [Fact]
    public void StatusSaysTheAgentIsDueWhenTheCustomerRepliedLast()
    {
        var summary = _summarizer.Summarize(BridgeThread(), includeInternalNotes: false);

        Assert.Equal("Waiting on the agent: the customer wrote again.", summary.Status);
    }

    [Fact]
    public void NextStepNamesTheOpenQuestion()
    {
        var summary = _summarizer.Summarize(BridgeThread(), includeInternalNotes: false);

        Assert.Equal("Answer the open question: \"Why does it keep disconnecting after the update?\"", summary.NextStep);
    }

    [Fact]
    public void ARequestThatIsNotAQuestionIsNotCalledOne()
    {
        var thread = new Threads("Parcel missing")
            .FromCustomer("My order LUM-40213 was marked delivered but nothing arrived.")
            .FromAgent("Hi Sam,\n\nI have opened an investigation with the carrier.\n\nBest regards,\nPriya", after: TimeSpan.FromHours(1))
            .FromCustomer("Thanks. Just let me know what happens with the carrier.", after: TimeSpan.FromHours(2))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Equal("Reply to the open request: \"Just let me know what happens with the carrier.\"", summary.NextStep);
    }

    [Fact]
    public void WaitingTimeIsMeasuredUpToTheGivenTime()
    {
        var thread = BridgeThread();
        var summary = _summarizer.Summarize(thread, includeInternalNotes: false, asOf: thread.Comments[^1].CreatedAt + TimeSpan.FromHours(5));

        Assert.Contains("Unanswered for 5 hours.", summary.Status);
    }

    [Fact]
    public void SummaryDependsOnlyOnTheThread()
    {
        var first = _summarizer.Summarize(BridgeThread(), includeInternalNotes: true);
        var second = _summarizer.Summarize(BridgeThread(), includeInternalNotes: true);

        Assert.Equal(first, second);
    }

    [Fact]
    public void NothingTriedIsSaidPlainly()
    {
        var thread = new Threads("Colour of the Glow bulb")
            .FromCustomer("Hello! Is it possible to set the Glow bulb to a warm orange colour from the app?")
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Equal(OfflineSummarizer.NothingTried, summary.Tried);
        Assert.Equal("The customer asks: is it possible to set the Glow bulb to a warm orange colour from the app?", summary.CustomerWants);
        Assert.Equal("Waiting on the agent: no reply yet.", summary.Status);
    }

    [Fact]
    public void WhatTheCustomerTriedIsTheAttemptAndHowItWentNotTheRestOfTheSentence()
    {
        var thread = new Threads("Apps stuck")
            .FromCustomer("My apps have been stuck since Thursday. What gives?")
            .FromAgent("Sorry about that. Can you tell us what happens when you try to download them?", after: TimeSpan.FromHours(1))
            .FromCustomer("When I first restored from backup most of them were stuck in loading I tried deleting and reinstalling, but nothing gets past loading... moreover my history is always empty.", after: TimeSpan.FromHours(1))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Contains("The customer says they tried deleting and reinstalling, but nothing gets past loading.", summary.Tried);
        Assert.DoesNotContain("restored", summary.Tried);
        Assert.DoesNotContain("history", summary.Tried);
    }

    [Theory]
    [InlineData("I did not forget about my issue, I already sent the details.")]
    [InlineData("My updates are set to auto so it should already have been done.")]
    [InlineData("I changed jobs and can't get into my old work email any more.")]
    public void AnAlreadyThatTellsNoAttemptIsNotWhatTheCustomerTried(string message)
    {
        var thread = new Threads("Still waiting")
            .FromCustomer("My console says my account can't play online. Can you help?")
            .FromAgent("Could you DM us your Gamertag so we can take a look?", after: TimeSpan.FromHours(1))
            .FromCustomer(message, after: TimeSpan.FromHours(1))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.DoesNotContain("The customer says", summary.Tried);
    }

    [Fact]
    public void AnAttemptWithoutItsSubjectIsToldAsTheCustomers()
    {
        var thread = new Threads("Playlist")
            .FromCustomer("Why does Create similar playlist not work anymore?")
            .FromAgent("Does logging out and back in help?", after: TimeSpan.FromHours(1))
            .FromCustomer("no, it didn't :( tried everything but I still can't create the playlist.", after: TimeSpan.FromHours(1))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Contains("The customer says they tried everything but they still can't create the playlist.", summary.Tried);
    }

    [Fact]
    public void AnOpeningThatOnlyAnnouncesAQuestionIsNotWhatTheCustomerWants()
    {
        var thread = new Threads("Question")
            .FromCustomer("Hello, I have a question about my account.")
            .FromAgent("Sure, what would you like to know?", after: TimeSpan.FromHours(1))
            .FromCustomer("Why was I charged twice for my subscription this month?", after: TimeSpan.FromHours(1))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Contains("charged twice", summary.CustomerWants);
    }

    [Fact]
    public void ALaterAnswerToTheAgentsQuestionIsNotWhatTheCustomerWants()
    {
        var thread = new Threads("Loud fan")
            .FromCustomer("Is it normal for my Xbox One X to be making pretty loud fan noises? Even while the console is off?")
            .FromAgent("Thanks for reaching out. Does the console have plenty of ventilation, and is it plugged directly into the wall outlet?", after: TimeSpan.FromHours(1))
            .FromCustomer("Yes it does have plenty of ventilation, and no it is not directly to the wall outlet.", after: TimeSpan.FromHours(1))
            .FromAgent("Please plug it directly into the wall outlet and let us know if the noise continues.", after: TimeSpan.FromHours(1))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Contains("loud fan noises", summary.CustomerWants);
    }

    [Fact]
    public void MoneyQuestionsSuggestHandingToBilling()
    {
        var thread = new Threads("Charged twice")
            .FromCustomer("Hi, I was charged twice for order LUM-20931 on my credit card. Can you refund the second charge please?")
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Contains("hand to billing", summary.NextStep);
        Assert.Contains("Can you refund the second charge please?", summary.NextStep);
    }

    [Fact]
    public void AQuoteAskingForAnInvoiceIsAnsweredNotHandedToBilling()
    {
        var thread = new Threads("Quote for 30 bulbs")
            .FromCustomer("We'd need about 30 Glow White bulbs. Do you offer a discount for this quantity, and can you invoice our company with our VAT ID?")
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.DoesNotContain("billing", summary.NextStep);
        Assert.StartsWith("Answer the open question:", summary.NextStep);
    }

    [Fact]
    public void AQuestionFromTheAgentMeansWaitingOnTheCustomer()
    {
        var thread = new Threads("Strip not lighting up")
            .FromCustomer("My Lumora Strip stopped lighting up yesterday. What can I do?")
            .FromAgent("Hi Emily,\n\nSorry to hear that. Could you send me a photo of the controller and tell me whether its light is on?\n\nBest regards,\nPriya", after: TimeSpan.FromHours(1))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Equal("Waiting on the customer's answer.", summary.Status);
        Assert.Equal("Follow up if they do not reply.", summary.NextStep);
        Assert.Contains("The agent asked them to send us a photo of the controller and tell us whether its light is on.", summary.Tried);
    }

    [Fact]
    public void ASolvedTicketNeedsNothing()
    {
        var thread = new Threads("Schedules fixed", status: "solved")
            .FromCustomer("My schedules run an hour late since the update. How do I fix them?")
            .FromAgent("This is fixed in Bridge firmware 3.4.1; please install it from Settings > Bridge > Firmware.", after: TimeSpan.FromHours(4))
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.StartsWith("Solved:", summary.Status);
        Assert.Equal("Nothing to do unless the customer writes again.", summary.NextStep);
    }

    [Fact]
    public void QuotedSentencesStayInTheCustomersLanguage()
    {
        var thread = new Threads("Lampe flackert", requester: "Jonas Weber", locale: "de")
            .FromCustomer("Hallo zusammen,\n\nmeine Glow Lampe flackert seit dem Update. Können Sie mir sagen, wie ich das beheben kann?\n\nViele Grüße\nJonas\n\nVon meinem iPhone gesendet")
            .Build();

        var summary = _summarizer.Summarize(thread, includeInternalNotes: false);

        Assert.Equal("\"meine Glow Lampe flackert seit dem Update. Können Sie mir sagen, wie ich das beheben kann?\"", summary.CustomerWants);
        Assert.DoesNotContain("iPhone", summary.CustomerWants);
    }
}


public sealed class ThreadTextTests
{
    [Fact]
    public void AThankYouBeforeMoreTextIsNotASignOff()
    {
        var clean = ThreadText.Clean("Thanks!\nI tried again this morning and the Bridge still blinks amber.\nBest,\nEmily");

        Assert.Equal("Thanks!\nI tried again this morning and the Bridge still blinks amber.", clean);
    }

    [Theory]
    [InlineData("To whom it may concern,\nUnder the GDPR I request the deletion of my account.")]
    [InlineData("A quien corresponda:\nUnder the GDPR I request the deletion of my account.")]
    public void AFormalSalutationIsAGreeting(string text)
    {
        Assert.Equal("Under the GDPR I request the deletion of my account.", ThreadText.Clean(text));
    }

    [Fact]
    public void AGermanOrdinalDateDoesNotEndASentence()
    {
        var sentences = ThreadText.Sentences("Ich habe am 28. September gekündigt. Heute wurde zum 3. Mal abgebucht. Bitte erstatten.");

        Assert.Equal(["Ich habe am 28. September gekündigt.", "Heute wurde zum 3. Mal abgebucht.", "Bitte erstatten."], sentences);
    }

    [Fact]
    public void AnAbbreviationOrATitleDoesNotEndASentence()
    {
        Assert.Equal(["Gemäß Art. 15 DSGVO bitte ich um Auskunft.", "Danke."], ThreadText.Sentences("Gemäß Art. 15 DSGVO bitte ich um Auskunft. Danke."));
        Assert.Equal(["Dr. Weber set it up for us.", "It stopped working."], ThreadText.Sentences("Dr. Weber set it up for us. It stopped working."));
        Assert.Equal(["No.", "I tried that already."], ThreadText.Sentences("No. I tried that already."));
        Assert.Equal(["So did I.", "Then it stopped."], ThreadText.Sentences("So did I. Then it stopped."));
        Assert.Equal(["J. Smith set it up, e.g. the schedules."], ThreadText.Sentences("J. Smith set it up, e.g. the schedules."));
        Assert.Equal(["Invoice No. 4412 is wrong."], ThreadText.Sentences("Invoice No. 4412 is wrong."));
    }

    [Fact]
    public void AnOpeningThatSaysWhoIsWritingAgainIsNoContextAndAMissingIIsTheCustomers()
    {
        var shed = new Threads("Shed bulb unreachable")
            .FromCustomer("Hi, me again (the accidental subscription one, sorry!).\n\nI put a Glow bulb in the garden shed, about 15 metres from the house, and it keeps dropping off the app.\n\nMegan")
            .Build();
        var present = new Threads("Birthday present")
            .FromCustomer("Hi,\n\nOrdered a starter kit on 12 Nov as a birthday present for my wife. Her birthday is this Saturday. Tracking hasn't moved since Friday. Will it arrive in time?")
            .Build();

        var summarizer = new OfflineSummarizer();
        var wants = summarizer.Summarize(shed, includeInternalNotes: false).CustomerWants;
        Assert.DoesNotContain("again", wants);
        Assert.Contains("garden shed", wants);
        Assert.Contains("they ordered a starter kit", summarizer.Summarize(present, includeInternalNotes: false).CustomerWants);
        Assert.Equal("they just wanted to say thanks.", ReportedSpeech.Retell("Just wanted to say thanks."));
        Assert.Equal("they rode home without any problem.", ReportedSpeech.Retell("Rode home without any problem."));
        Assert.Equal("attached is their receipt.", ReportedSpeech.Retell("Attached is my receipt."));
    }

    [Fact]
    public void QuotedRepliesAndOutlookHeadersAreCut()
    {
        var clean = ThreadText.Clean("It works now.\n\n________________________________\nFrom: Lumora Support <support@lumora-home.example>\nSent: Monday\n\nPlease restart the Bridge.");

        Assert.Equal("It works now.", clean);
    }
}
