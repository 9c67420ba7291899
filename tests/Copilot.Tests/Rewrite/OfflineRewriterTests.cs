using Copilot.Api.Languages;
using Copilot.Api.Rewrite;
using Copilot.Api.Rewrite.Offline;

namespace Copilot.Tests.Rewrite;

public sealed class OfflineRewriterTests
{
    private static readonly OfflineRewriter Rewriter = new(new LanguageDetector());

    private static OfflineRewrite Rewrite(string action, string text, string? ticketLanguage = null, string? firstName = null) =>
        Rewriter.Rewrite(action, text, ticketLanguage, firstName);

    [Fact]
    public void FixGrammarMendsSpacingSpellingCapitalsAndRepeatsButNotTheSignOff()
    {
        var result = Rewrite("fix-grammar",
            "hi anna,\n\ni  checked teh order and i recieve the the tracking number 4821 today.It ships from our warehouse untill friday\n\nBest regards,\nTom");

        Assert.Equal(
            "Hi Anna,\n\nI checked the order and I receive the tracking number 4821 today. It ships from our warehouse until Friday.\n\nBest regards,\nTom",
            result.Text);
        Assert.True(result.Changed);
        Assert.Contains(result.Edits, e => e.StartsWith("Fixed spelling: teh → the, recieve → receive, untill → until", StringComparison.Ordinal));
        Assert.Contains(result.Edits, e => e.Contains("\"the the\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("see https://teh.example.com/teh-guide and teh guide", "See https://teh.example.com/teh-guide and the guide.")]
    [InlineData("mail teh.support@example.com or i can call you", "Mail teh.support@example.com or I can call you.")]
    [InlineData("hi {{ticket.requester.first_name}}, teh refund for {{ticket.id}} is done", "Hi {{ticket.requester.first_name}}, the refund for {{ticket.id}} is done.")]
    [InlineData("run `teh --fix  now` and then restart teh hub", "Run `teh --fix  now` and then restart the hub.")]
    [InlineData("i'm sure i've sent it and i'll check again", "I'm sure I've sent it and I'll check again.")]
    [InlineData("Please check the settings , e.g. the Wi-Fi band. im sure it works", "Please check the settings, e.g. the Wi-Fi band. I'm sure it works.")]
    [InlineData("iPhone users should tap Settings. eBay orders ship separately", "iPhone users should tap Settings. eBay orders ship separately.")]
    [InlineData("Options: (i) keep the plan or (ii) cancel it via lumora.app/cancel", "Options: (i) keep the plan or (ii) cancel it via lumora.app/cancel")]
    [InlineData("could you send me the order number", "Could you send me the order number?")]
    [InlineData("it may arrive in march or on monday", "It may arrive in march or on Monday.")]
    [InlineData("To reset it:\nunplug the hub\nwait 10 seconds\nplug it back in", "To reset it:\nunplug the hub\nwait 10 seconds\nplug it back in")]
    public void FixGrammarLeavesLinksAddressesPlaceholdersAndCodeAlone(string text, string expected)
    {
        Assert.Equal(expected, Rewrite("fix-grammar", text).Text);
    }

    [Theory]
    [InlineData("hi anna,\n\nyour order ships today.\n\nbest regards,\ntom", "Hi Anna,\n\nYour order ships today.\n\nBest regards,\nTom")]
    [InlineData("dear mr smith,\n\nthe parcel left today.", "Dear Mr Smith,\n\nThe parcel left today.")]
    [InlineData("hello there,\n\nthe parcel left today.", "Hello there,\n\nThe parcel left today.")]
    [InlineData("Bonjour à tous,\n\nle colis est parti.", "Bonjour à tous,\n\nLe colis est parti.")]
    [InlineData("Hallo zusammen,\n\ndas Paket ist unterwegs.", "Hallo zusammen,\n\ndas Paket ist unterwegs.")]
    [InlineData("hi anna, the parcel left today.", "Hi anna, the parcel left today.")]
    [InlineData("Hi Anna-Lena,\n\nthe parcel left.\n\nCheers,\nmarie claire", "Hi Anna-Lena,\n\nThe parcel left.\n\nCheers,\nMarie Claire")]
    public void FixGrammarCapitalisesNamesInTheGreetingAndSignOffOnly(string text, string expected)
    {
        Assert.Equal(expected, Rewrite("fix-grammar", text).Text);
    }

    [Fact]
    public void FixGrammarAppliesNoEnglishWordListToGermanText()
    {
        var result = Rewrite("fix-grammar", "ich habe das Paket im Lager gefunden ,teh Rechnung  kommt morgen und die die Sie bestellt haben auch");

        Assert.Equal("Ich habe das Paket im Lager gefunden, teh Rechnung kommt morgen und die die Sie bestellt haben auch.", result.Text);
        Assert.Equal("Ihre Bestellung wurde am 20.11. versandt, wir melden uns am 3. Dezember.",
            Rewrite("fix-grammar", "Ihre Bestellung wurde am 20.11. versandt,wir melden uns am 3. Dezember").Text);
        Assert.Contains("English only", result.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hola Ana:\n\ngracias por escribirnos. ¿Puedes enviarme una foto de la etiqueta\n\nUn saludo,\nLuis",
        "Hola Ana:\n\nGracias por escribirnos. ¿Puedes enviarme una foto de la etiqueta?\n\nUn saludo,\nLuis")]
    [InlineData("Bonjour Claire,\n\nmerci pour votre message . Votre commande 4821 est partie hier !Vous la recevrez bientôt.",
        "Bonjour Claire,\n\nMerci pour votre message. Votre commande 4821 est partie hier ! Vous la recevrez bientôt.")]
    [InlineData("Hallo Anna,\n\nvielen Dank für Ihre Geduld. ihr Paket ist unterwegs",
        "Hallo Anna,\n\nvielen Dank für Ihre Geduld. Ihr Paket ist unterwegs.")]
    public void FixGrammarFollowsEachLanguagesPunctuationAndLetterConventions(string text, string expected)
    {
        Assert.Equal(expected, Rewrite("fix-grammar", text).Text);
    }

    [Fact]
    public void CleanTextHasNothingToChange()
    {
        var result = Rewrite("fix-grammar", "Your order 4821 ships today. Tracking: https://track.example/4821");

        Assert.False(result.Changed);
        Assert.Empty(result.Edits);
        Assert.Equal("Your order 4821 ships today. Tracking: https://track.example/4821", result.Text);
        Assert.StartsWith(OfflineRewriter.NothingToChange, result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortenDropsFillerRepeatsAndExtraPleasantriesButKeepsEveryFact()
    {
        var result = Rewrite("shorten",
            "Hi Anna,\n\nThanks for reaching out! I hope you're doing well. I just wanted to let you know that your replacement hub shipped today with tracking number LUM-48213. " +
            "As mentioned before, the old hub can be returned within 30 days at https://help.lumora-home.example/returns. Please don't hesitate to contact us if anything is unclear. " +
            "I hope this helps. Your replacement hub shipped today with tracking number LUM-48213. Have a great day!\n\nBest regards,\nTom");

        Assert.Equal(
            "Hi Anna,\n\nThanks for reaching out! Your replacement hub shipped today with tracking number LUM-48213. " +
            "The old hub can be returned within 30 days at https://help.lumora-home.example/returns. Please contact us if anything is unclear. Have a great day!\n\nBest regards,\nTom",
            result.Text);
        Assert.Contains(result.Edits, e => e.StartsWith("Removed a repeated sentence", StringComparison.Ordinal));
        Assert.Contains(result.Edits, e => e.StartsWith("Removed a pleasantry", StringComparison.Ordinal));
    }

    [Fact]
    public void ShortenNeverDropsQuestionsDatesOrNumbersAndKeepsHedges()
    {
        const string text = "Thank you! Thanks for your patience. I think the refund of 25 EUR arrives on Friday. Could you confirm the address? Thanks again!";

        var result = Rewrite("shorten", text);

        Assert.Equal("Thank you! I think the refund of 25 EUR arrives on Friday. Could you confirm the address? Thanks again!", result.Text);
    }

    [Fact]
    public void ShortenInGermanOnlyDropsRepeatedSentences()
    {
        var result = Rewrite("shorten", "Vielen Dank für Ihre Nachricht. Ihr Paket 4821 ist unterwegs. Ihr Paket 4821 ist unterwegs. Ich wollte Ihnen nur sagen, dass es morgen ankommt.");

        Assert.Equal("Vielen Dank für Ihre Nachricht. Ihr Paket 4821 ist unterwegs. Ich wollte Ihnen nur sagen, dass es morgen ankommt.", result.Text);
    }

    [Fact]
    public void FriendlierUsesContractionsPlainerWordsAndAWarmerGreetingAndClosing()
    {
        var result = Rewrite("friendlier",
            "Dear Anna,\n\nWe regret to inform you that your order 4821 cannot be shipped before Monday. We apologize for the inconvenience. " +
            "Kindly confirm your address at {{ticket.url}} so we are able to assist you.\n\nYours sincerely,\nTom");

        Assert.Equal(
            "Hi Anna,\n\nUnfortunately, your order 4821 can't be shipped before Monday. We're sorry for the inconvenience. " +
            "Please confirm your address at {{ticket.url}} so we're able to help you.\n\nBest regards,\nTom",
            result.Text);
    }

    [Fact]
    public void FriendlierGreetsTheRequesterByNameAndClosesInTheTextsLanguage()
    {
        Assert.Equal("Hi Olivia,\n\nYour order 4821 has shipped. Track it at https://track.example/4821.\n\nBest regards,",
            Rewrite("friendlier", "Your order 4821 has shipped. Track it at https://track.example/4821.", firstName: "Olivia").Text);
        Assert.Equal("Hallo Olivia,\n\nIhre Bestellung 4821 wurde heute versandt, die Sendungsverfolgung finden Sie unter https://track.example/4821.\n\nViele Grüße",
            Rewrite("friendlier", "Ihre Bestellung 4821 wurde heute versandt, die Sendungsverfolgung finden Sie unter https://track.example/4821.", firstName: "Olivia").Text);
    }

    [Fact]
    public void FriendlierTakesACasualSignOffForAClosing()
    {
        Assert.Equal("Hi Olivia,\n\nYou can reset it in Settings.\n\nthx", Rewrite("friendlier", "You can reset it in Settings.\n\nthx", firstName: "Olivia").Text);
    }

    [Fact]
    public void FriendlierKeepsAGreetingThatIsThere()
    {
        var result = Rewrite("friendlier", "Hi Anna, your order 4821 has shipped.\n\nBest,\nTom", firstName: "Anna");

        Assert.Equal("Hi Anna, your order 4821 has shipped.\n\nBest,\nTom", result.Text);
        Assert.False(result.Changed);
    }

    [Fact]
    public void MoreFormalWritesContractionsOutAndDropsEmojiAndRepeatedMarks()
    {
        var result = Rewrite("more-formal",
            "Hey Anna!!\n\nYeah, we'll get back to you ASAP about order 4821 😊 thx for waiting, it's been a busy week!!\n\nCheers,\nTom");

        Assert.Equal(
            "Dear Anna,\n\nYes, we will respond as soon as possible about order 4821 thank you for waiting, it has been a busy week!\n\nKind regards,\nTom",
            result.Text);
        Assert.Contains(result.Edits, e => e.StartsWith("Removed emoji", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I'm sorry, I can't see order 4821 and I'd like to check it.", "I am sorry, I cannot see order 4821 and I would like to check it.")]
    [InlineData("I'd checked it and it's fine. Thanks to the update it's been stable :)", "I had checked it and it is fine. Thanks to the update it has been stable")]
    [InlineData("hey there,\nFYI the info is at info@lumora.example", "Hello,\nFor your information the information is at info@lumora.example")]
    [InlineData("hey\n\nu can reset it in Settings. its easy!!! :)\n\nthx", "Hello,\n\nyou can reset it in Settings. its easy!\n\nThank you")]
    public void MoreFormalEdgeCases(string text, string expected)
    {
        Assert.Equal(expected, Rewrite("more-formal", text).Text);
    }

    [Fact]
    public void ExpandNumbersBareStepsAndAddsGreetingAndClosing()
    {
        var result = Rewrite("expand",
            "Sorry to hear the hub keeps dropping offline. Please try this:\n- unplug the hub for 10 seconds\n- plug it back in\n- open the Lumora app and tap Reconnect",
            firstName: "Anna");

        Assert.Equal(
            "Hi Anna,\n\nSorry to hear the hub keeps dropping offline. Please try this:\n1. unplug the hub for 10 seconds\n2. plug it back in\n3. open the Lumora app and tap Reconnect\n\nBest regards,",
            result.Text);
        Assert.Contains("cannot add explanations", result.Note, StringComparison.Ordinal);
        Assert.Equal(["Numbered the steps", "Added a greeting: \"Hi Anna,\"", "Added a closing: \"Best regards,\""], result.Edits);
    }

    [Fact]
    public void ExpandLeavesAListThatIsNotStepsAsItIs()
    {
        var result = Rewrite("expand", "Hi Anna,\n\nTo look into this I need:\n- your order number\n- a photo of the label\n\nBest regards,\nTom");

        Assert.False(result.Changed);
    }

    [Fact]
    public void ExpandInFrenchAddsTheFrenchGreetingAndClosing()
    {
        var result = Rewrite("expand", "Votre commande 4821 a été expédiée hier. Le suivi est disponible ici : https://track.example/4821");

        Assert.Equal("Bonjour,\n\nVotre commande 4821 a été expédiée hier. Le suivi est disponible ici : https://track.example/4821\n\nCordialement,", result.Text);
    }

    [Fact]
    public void ATooShortTextTakesTheTicketsLanguage()
    {
        Assert.Equal("Hallo,\n\nOK 4821.\n\nViele Grüße", Rewrite("expand", "OK 4821.", ticketLanguage: "de").Text);
    }

    [Fact]
    public void WindowsLineEndsStayWindowsLineEnds()
    {
        Assert.Equal("Hi Anna,\r\n\r\nThe hub is online.\r\n\r\nBest regards,\r\nTom",
            Rewrite("fix-grammar", "Hi Anna,\r\n\r\nthe hub is online\r\n\r\nBest regards,\r\nTom").Text);
    }

    [Fact]
    public void TextThatAlreadyHoldsPrivateUseCharactersIsLeftAlone()
    {
        var result = Rewrite("fix-grammar", "teh order \uE000 ships");

        Assert.False(result.Changed);
        Assert.Equal("teh order \uE000 ships", result.Text);
    }

    [Fact]
    public void TranslateIsNotFakedOffline()
    {
        var result = Rewrite("translate", "Your order 4821 has shipped.");

        Assert.Equal("Your order 4821 has shipped.", result.Text);
        Assert.False(result.Changed);
        Assert.Equal(OfflineRewriter.TranslateNote, result.Note);
    }

    public static TheoryData<string, string> EveryActionOnRealReplies()
    {
        string[] replies =
        [
            "hi {{ticket.requester.first_name}},\n\nthanks for reaching out!! i just wanted to let you know that your order #48213 (LUM-48213) shipped on 2026-11-20 😊. " +
                "Track it at https://track.lumora-home.example/LUM-48213?ref=mail. if teh parcel doesnt arrive by friday , mail returns@lumora-home.example.\n\ncheers,\nTom",
            "Dear Mr. Smith,\n\nWe regret to inform you that invoice INV-2026-0042 for 1,299.00 EUR cannot be refunded. Please see help.lumora-home.example/refunds " +
                "and reply with [EMAIL_1] if you require assistance. I'm happy to help.\n\nYours sincerely,\nLumora Support",
            "To reset the hub:\nUnplug it for 10s\nHold the button for 5 seconds\nPlug it back in\n\nThen run `lumora-cli reset --hub 42` and check v2.3.1 is installed.",
            "Hallo {{ticket.requester.first_name}},\n\ndanke für Ihre Nachricht. Ihre Bestellung 4821 wurde am 20.11. versandt.  Die Sendungsverfolgung: https://track.example/4821 .\n\nViele Grüße",
        ];
        var data = new TheoryData<string, string>();
        foreach (var action in RewritePrompt.Actions.Keys)
        {
            foreach (var reply in replies)
            {
                data.Add(action, reply);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryActionOnRealReplies))]
    public void NoActionLosesALinkAddressPlaceholderNumberOrId(string action, string text)
    {
        var result = Rewrite(action, text, firstName: "Olivia");

        Assert.Empty(RewritePrompt.Lost(text, result.Text, translated: false));
        foreach (var kept in new[] { "{{ticket.requester.first_name}}", "#48213", "LUM-48213", "2026-11-20", "https://track.lumora-home.example/LUM-48213?ref=mail",
                     "returns@lumora-home.example", "INV-2026-0042", "1,299.00", "help.lumora-home.example/refunds", "[EMAIL_1]", "`lumora-cli reset --hub 42`",
                     "v2.3.1", "10s", "https://track.example/4821", "20.11." })
        {
            if (text.Contains(kept, StringComparison.Ordinal))
            {
                Assert.Contains(kept, result.Text, StringComparison.Ordinal);
            }
        }
        Assert.Equal(result.Changed, !string.Equals(text, result.Text, StringComparison.Ordinal));
        Assert.Equal(result.Changed, result.Edits.Count > 0);
    }
}
