using Copilot.Api.Knowledge;

namespace Copilot.Tests.Knowledge;

public class PassageExcerptTests
{
    private const string Remote = """
        The Dimmer Remote controls one room at a time. It runs on a coin cell that lasts about two years, and it keeps working when your internet is down.
        Pair the remote
        To pair the remote with a room:
        1. Open the Lumora app and go to Settings > Accessories.
        2. Tap Add accessory and choose Dimmer Remote.
        3. Pull the battery tab out of the back of the remote.
        4. Hold the top and bottom buttons together for five seconds.
        5. When the light on the remote blinks green, choose the room it should control.
        6. Tap Done. The remote is ready to use.
        If the light blinks red, the remote is too far from the Bridge or a light. Move closer and try again.
        """;

    private static string PassageOpeningAt(string text, string start) =>
        PassageSplitter.Split(text, 40, 80).Single(p => p.StartsWith(start, StringComparison.Ordinal));

    private static List<int> Steps(string excerpt) =>
        excerpt.Split('\n').Select(TextBlocks.Step).Where(s => s is not null).Select(s => s!.Value.Number).ToList();

    [Fact]
    public void APassageThatOpensOnStepFourOpensWithTheSentenceThatIntroducesTheList()
    {
        // The splitter cuts the list after step 4, and the passage after repeats that step without its number.
        var passage = PassageOpeningAt(Remote, "Hold the top");

        var excerpt = PassageExcerpt.Of(passage, Remote);

        Assert.StartsWith("To pair the remote with a room:\n1. Open the Lumora app", excerpt, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 4, 5, 6], Steps(excerpt));
        Assert.Contains("If the light blinks red", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void APassageThatOpensOnAStepsSecondSentenceOpensUnderTheListsHeading()
    {
        const string text = """
            All voice integrations need a Lumora Bridge; they don't work with Bluetooth-only bulbs.
            Google Home
            1. In the Google Home app, tap + > Set up device > Works with Google.
            2. Search for "Lumora Home". Sign in with your Lumora account.
            3. Assign your lights to rooms in Google Home.
            """;

        var excerpt = PassageExcerpt.Of("Sign in with your Lumora account.\n3. Assign your lights to rooms in Google Home.", text);

        Assert.Equal("""
            Google Home
            1. In the Google Home app, tap + > Set up device > Works with Google.
            2. Search for "Lumora Home". Sign in with your Lumora account.
            3. Assign your lights to rooms in Google Home.
            """.ReplaceLineEndings("\n"), excerpt);
    }

    [Fact]
    public void APassageThatOpensInsideAParagraphOpensAtItsStartOrAtAnEarlierSentenceWithAnEllipsis()
    {
        const string text = "You can create new backup codes at any time under Settings > Security. This invalidates the old ones.\nNew phone?";

        Assert.StartsWith("You can create new backup codes", PassageExcerpt.Of("This invalidates the old ones.\nNew phone?", text), StringComparison.Ordinal);
        // Too far back to show whole: from the latest sentences that fit, marked as cut.
        Assert.Equal("… This invalidates the old ones.\nNew phone?", PassageExcerpt.Of("This invalidates the old ones.\nNew phone?", text, maxWords: 8));
    }

    [Fact]
    public void WhenTheListIsTooLongTheStepsBeforeThePassageGiveWayToAnEllipsisUnderItsIntroduction()
    {
        var passage = PassageOpeningAt(Remote, "Hold the top");

        var shorter = PassageExcerpt.Of(passage, Remote, maxWords: 70);
        var shortest = PassageExcerpt.Of(passage, Remote, maxWords: 40);

        Assert.StartsWith("To pair the remote with a room:\n…\n4. Hold the top and bottom buttons", shorter, StringComparison.Ordinal);
        Assert.Equal([4, 5, 6], Steps(shorter));
        Assert.True(PassageSplitter.WordCount(shorter) <= 70, shorter);
        // Then the introduction, then the passage's last lines: what is left out is marked at both ends.
        Assert.StartsWith("… 4. Hold the top", shortest, StringComparison.Ordinal);
        Assert.EndsWith("\n…", shortest, StringComparison.Ordinal);
        Assert.True(PassageSplitter.WordCount(shortest) <= 40, shortest);
    }

    [Fact]
    public void AStepShownWithoutWhatLeadsUpToItIsMarkedAsCut()
    {
        // The source's text is not at hand: the passage is all there is, and it does not open the list.
        Assert.Equal("… 3. Pull the battery tab out.\n4. Hold both buttons.", PassageExcerpt.Of("3. Pull the battery tab out.\n4. Hold both buttons.", whole: null));
        Assert.Equal("1. Open the app.\n2. Tap Add.", PassageExcerpt.Of("1. Open the app.\n2. Tap Add.", whole: null));
    }

    [Fact]
    public void AnExcerptStaysWithinItsLengthAndSaysWhereItWasCut()
    {
        var words = string.Join(' ', Enumerable.Range(0, 150).Select(i => $"w{i}")) + ".";

        var excerpt = PassageExcerpt.Of(words, words);

        Assert.Equal(PassageExcerpt.MaxWords, PassageSplitter.WordCount(excerpt));
        Assert.EndsWith("w99…", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void APassageThatEndsInsideAListSaysTheListGoesOn()
    {
        var excerpt = PassageExcerpt.Of("To pair the remote with a room:\n1. Open the Lumora app and go to Settings > Accessories.", Remote);

        Assert.Equal("To pair the remote with a room:\n1. Open the Lumora app and go to Settings > Accessories.\n…", excerpt);
    }

    /// <summary>A solved ticket's replies as the index keeps them: one after another, names already scrubbed.</summary>
    private const string TwoReplies = """
        Hi [name],

        Thanks for the clear description. Flickering only at very low brightness points to a dimmer on the circuit. Please set the wall dimmer to 100% and do all dimming in the app.

        Take care,
        [name]
        Lumora Home Support

        Great to hear, [name]! One more tip: if either bulb ever needs a warranty claim, the 2 years count from the original purchase, so keep the receipt.

        Kind regards,
        [name]
        Lumora Home Support
        """;

    private static string PastReplyExcerpt(string passage) =>
        PassageExcerpt.Of([new KnowledgeHit(SourceKind.PastReply, "127", "Bulb flickers when dimmed", null, passage, 1, null)],
            new Dictionary<(SourceKind, string), string> { [(SourceKind.PastReply, "127")] = TwoReplies }).Single().Excerpt!;

    [Fact]
    public void ASimilarTicketsPassageThatOpensOnASignatureShowsTheReplyAfterIt()
    {
        var excerpt = PastReplyExcerpt("[name]\nLumora Home Support\nGreat to hear, [name]! One more tip: if either bulb ever needs a warranty claim, the 2 years count from the original purchase, so keep the receipt.");

        Assert.Equal("Great to hear, [name]! One more tip: if either bulb ever needs a warranty claim, the 2 years count from the original purchase, so keep the receipt.", excerpt);
    }

    [Fact]
    public void ASimilarTicketsPassageThatRunsIntoTheNextReplyKeepsToTheReplyItSaysMostOf()
    {
        var excerpt = PastReplyExcerpt("Please set the wall dimmer to 100% and do all dimming in the app.\nTake care,\n[name]\nLumora Home Support\nGreat to hear, [name]!");

        Assert.Equal("Thanks for the clear description. Flickering only at very low brightness points to a dimmer on the circuit. Please set the wall dimmer to 100% and do all dimming in the app.", excerpt);
    }

    [Fact]
    public void AThankYouThatOpensAReplyDoesNotEndIt()
    {
        const string reply = "Hi [name],\n\nThanks!\nI checked your account: the second charge was a retry and I have refunded it.\n\nBest regards,\n[name]";

        var excerpt = PassageExcerpt.Of([new KnowledgeHit(SourceKind.PastReply, "130", "Charged twice", null, "Thanks!\nI checked your account: the second charge was a retry and I have refunded it.", 1, null)],
            new Dictionary<(SourceKind, string), string> { [(SourceKind.PastReply, "130")] = reply }).Single().Excerpt!;

        Assert.Equal("Thanks!\nI checked your account: the second charge was a retry and I have refunded it.", excerpt);
    }
}
