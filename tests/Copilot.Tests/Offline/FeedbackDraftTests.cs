using Copilot.Api.Drafts.Offline;
using Copilot.Api.Knowledge;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Tests.Offline;

/// <summary>A suggestion for the product, with nothing else to answer, is thanked and passed on; not answered from a source.</summary>
public sealed class FeedbackDraftTests
{
    /// <summary>A trial charge, our answer that the refund is Apple's to give, then <paramref name="latest"/> from the customer.</summary>
    private static HelpdeskThread AfterOurAnswer(string latest, string requester = "Megan Doyle") => new Threads("Refund please – subscribed by accident", requester)
        .FromCustomer("Hi, I want a refund for Lumora Plus. I subscribed by accident when I was tapping through the free trial screens and now 4.99 has been charged.")
        .FromAgent("Your subscription was bought through the App Store, so the refund is Apple's to give: visit reportaproblem.apple.com and choose \"Request a refund\".", TimeSpan.FromHours(1))
        .FromCustomer(latest, TimeSpan.FromHours(2))
        .Build();

    /// <summary>An article that shares the feedback's words ("trial", "paid", "clearer"): it is not pasted as an answer.</summary>
    private static readonly KnowledgeHit TrialArticle = new(SourceKind.Article, "4400077", "Lumora Plus free trial and paid plan",
        "https://lumora.zendesk.com/hc/en-us/articles/4400077",
        "Your Lumora Plus free trial lasts 30 days. When the trial ends it turns into the paid plan unless you cancel it in your app store's subscription settings.", 5, "en-us");

    [Theory]
    [InlineData("So you're just passing the buck? Fine. Apple refunded it within an hour actually. Would be nice if your app made it clearer that the trial turns into a paid thing.", true)]
    [InlineData("Well that's a bit embarrassing, never noticed the trial label. Thanks for sticking with it. Maybe make the trial end date a bit more obvious though?", false)]
    [InlineData("Got it, thanks. It would be great if the app showed when the trial ends.", false)]
    [InlineData("Apple refunded it, thanks! You should mention in the app that the trial turns into a paid plan.", true)]
    public void ASuggestionAfterOurAnswerIsThankedAndPassedOnNotAnsweredFromASource(string latest, bool settled)
    {
        var draft = OfflineDrafts.Draft(AfterOurAnswer(latest), TrialArticle);

        Assert.Equal(DraftKind.Feedback, draft.Kind);
        Assert.StartsWith("Hi Megan,\n\n", draft.Text, StringComparison.Ordinal);
        Assert.Contains("Thank you for the suggestion, it's useful feedback: I'll pass it on to our product team.", draft.Text);
        Assert.Equal(settled, draft.Text.Contains("I'm glad it's sorted now.", StringComparison.Ordinal));
        Assert.DoesNotContain("30 days", draft.Text);
        Assert.Empty(draft.CitedSourceIds);
        Assert.True(Sendability.Check(draft.Text, "en", new Copilot.Api.Languages.LanguageDetector()).Sendable);
        // It is an answer due, not "no reply needed": with a model, the model writes it.
        Assert.Null(OfflineDrafter.NoAnswerDue(AfterOurAnswer(latest)));
    }

    [Fact]
    public void ASuggestionInTheFirstMessageIsThankedToo()
    {
        var thread = new Threads("Dark mode").FromCustomer("Hi, it would be great if the app had a dark mode for the schedules screen. Cheers, Emily").Build();

        var draft = OfflineDrafts.Draft(thread);

        Assert.Equal(DraftKind.Feedback, draft.Kind);
        Assert.DoesNotContain("glad", draft.Text);
        Assert.Contains("pass it on to our product team", draft.Text);
    }

    [Fact]
    public void AGermanSuggestionIsThankedInGermanAsTheTeamAddressesTheCustomer()
    {
        var thread = new Threads("Zeitpläne", "Jonas Weber", locale: "de")
            .FromCustomer("Hallo, meine Zeitpläne laufen eine Stunde zu spät.")
            .FromAgent("Hallo Jonas, bitte stell die Zeitzone deiner Bridge in der App auf Europe/Berlin. Viele Grüße, Hannah", TimeSpan.FromHours(1), Threads.Hannah)
            .FromCustomer("Danke, jetzt klappt es. Es wäre schön, wenn die App die Zeitzone selbst erkennen würde.", TimeSpan.FromHours(2))
            .Build();

        var draft = OfflineDrafts.Draft(thread);

        Assert.Equal(DraftKind.Feedback, draft.Kind);
        Assert.Equal("de", draft.Language);
        Assert.Contains("Danke für deinen Vorschlag", draft.Text);
        Assert.Contains("Schön, dass es jetzt geklärt ist.", draft.Text);
    }

    [Theory]
    // A fault, an ask for the customer, a question beside it, money owed, a problem that goes on: each still needs its answer.
    [InlineData("Would be nice if the app didn't log me out every day.")]
    [InlineData("It would be great if you could tell me when the refund arrives.")]
    [InlineData("Maybe add a dark mode. Also, how do I cancel the subscription?")]
    [InlineData("Would be nice if you refunded the 4.99 yourselves.")]
    [InlineData("You should make the trial clearer. But I was charged again today.")]
    [InlineData("I'd suggest a clearer screen. Can you check whether I'm still subscribed?")]
    public void ASuggestionBesideSomethingToAnswerIsNotThankedAway(string latest)
    {
        Assert.NotEqual(DraftKind.Feedback, OfflineDrafts.Draft(AfterOurAnswer(latest), TrialArticle).Kind);
    }

    [Fact]
    public void ThanksWithoutASuggestionIsStillOnlyAcknowledged()
    {
        var draft = OfflineDrafts.Draft(AfterOurAnswer("Apple refunded it, thanks! All sorted."));

        Assert.Equal(DraftKind.Acknowledgement, draft.Kind);
    }

    [Theory]
    [InlineData("Hi, just wanted to say thank you to Priya for sorting out my bridge last week. Great service!", "en", "Thank you for your kind words: I'll pass them on to the team.", false)]
    [InlineData("Your app is brilliant, love the new scenes. Keep it up!", "en", "Thank you for your kind words: I'll pass them on to the team.", false)]
    [InlineData("Thanks so much for the quick help yesterday, everything works perfectly now.", "en", "I'm glad it's sorted now. Thank you for your kind words", true)]
    [InlineData("Kompliment an Ihr Team, die neue App ist super!", "de", "Vielen Dank für Ihre freundlichen Worte", false)]
    public void ANewTicketThatOnlyThanksOrPraisesIsThankedNotAskedWhatHappened(string message, string locale, string reply, bool settled)
    {
        var thread = new Threads("Thank you", locale: locale).FromCustomer(message).Build();

        var draft = OfflineDrafts.Draft(thread);

        Assert.Equal(DraftKind.Feedback, draft.Kind);
        Assert.Contains(reply, draft.Text);
        Assert.Equal(settled, draft.Text.Contains("glad", StringComparison.Ordinal));
        Assert.DoesNotContain("what happened", draft.Text);
        Assert.True(Sendability.Check(draft.Text, locale, new Copilot.Api.Languages.LanguageDetector()).Sendable);
    }

    [Theory]
    // Thanks ahead of the help, a hope for it, a question, a problem: a request, not praise.
    [InlineData("Thanks in advance for your help with my account.")]
    [InlineData("Love the app. Hope you can help with my account.")]
    [InlineData("Great app! Can I use it with two Bridges?")]
    [InlineData("Thank you. My order has not arrived yet.")]
    [InlineData("Brilliant app, but the bulb in the hallway flickers.")]
    [InlineData("Great app, love the new scenes. The new bulb is broken.")]
    public void ANewTicketThatThanksButAsksIsNotThankedAway(string message)
    {
        Assert.NotEqual(DraftKind.Feedback, OfflineDrafts.Draft(new Threads("Question").FromCustomer(message).Build()).Kind);
    }
}
