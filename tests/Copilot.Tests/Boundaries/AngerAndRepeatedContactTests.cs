using Copilot.Api.Boundaries;
using Copilot.Tests.Offline;

namespace Copilot.Tests.Boundaries;

public sealed class AngerAndRepeatedContactTests
{
    private static readonly BoundaryRule AngerRule = BoundaryRule.Defaults.Single(r => r.Id == "anger");
    private static readonly PhraseMatcher AngerPhrases = PhraseMatcher.Build(AngerRule.Phrases, null);
    private static readonly PhraseMatcher Insults = PhraseMatcher.Build(AngerRule.Insults, null);
    private static readonly CompiledRuleSet Defaults = CompiledRuleSet.Compile(BoundaryRule.Defaults);

    private static double Score(string text) => AngerScore.Score(new ScannedText(text), AngerPhrases, Insults).Score;

    [Theory]
    [InlineData("Hi, the Bridge light is amber. Could you help me set it up?", 0.0)]
    [InlineData("This is unacceptable.", 0.25)]
    [InlineData("This is unacceptable!!", 0.4)]
    [InlineData("This is ridiculous!!! Third time I write about the same bulb.", 0.65)]
    [InlineData("Your support is useless and you are incompetent.", 0.8)]
    [InlineData("I AM SO TIRED OF THIS BRIDGE DROPPING OFF EVERY NIGHT", 0.45)]
    [InlineData("WHY IS NOBODY ANSWERING?!?! This is a joke, you useless clowns!!!", 1.0)]
    public void AngerScoreAddsUpItsSignals(string text, double expected)
    {
        Assert.Equal(expected, Score(text), precision: 2);
    }

    [Theory]
    [InlineData("Escrevo pela terceira vez sobre a Bridge.")]
    [InlineData("Je vous écris pour la troisième fois au sujet du Bridge.")]
    [InlineData("Schrijf ik voor de derde keer over de Bridge.")]
    public void APhraseInsideALongerOneCountsOnce(string text)
    {
        Assert.Equal(AngerScore.PhraseEach, Score(text), precision: 2);
    }

    [Fact]
    public void AcronymsAreNotShouting()
    {
        Assert.Equal(0.0, Score("My WPA2 router has a USB port and the LED on the Bridge is off. Is the HDMI sync box supported?"));
    }

    [Theory]
    [InlineData("This is the third time I write. Unacceptable!!!")]
    [InlineData("C'est inadmissible, j'en ai marre !!!")]
    [InlineData("Das ist eine Frechheit, ihr Abzocker!")]
    [InlineData("¡Es inaceptable, sois unos incompetentes!")]
    [InlineData("Dit is belachelijk, echt schandalig!!")]
    [InlineData("Isto é inaceitável, uma vergonha!!")]
    // "Third time" said as each language says it, beside one more sign of anger.
    [InlineData("É a TERCEIRA vez que escrevo sobre isto. Isto é inaceitável.")]
    [InlineData("C'est la troisième fois que je vous écris. C'est inadmissible.")]
    [InlineData("Es la tercera vez que os escribo. Es inaceptable.")]
    [InlineData("Das ist jetzt das dritte Mal, dass ich schreibe. Inakzeptabel.")]
    [InlineData("Dit is de derde keer dat ik schrijf. Onacceptabel.")]
    [InlineData("È la terza volta che scrivo. Inaccettabile.")]
    public void AngryMessagesGetACaution(string text)
    {
        var thread = new Threads("Bulb").FromCustomer(text).Build();

        var warning = Assert.Single(Defaults.Evaluate(thread), w => w.RuleId == "anger");

        Assert.Equal(BoundaryAction.Caution, warning.Action);
    }

    [Fact]
    public void AnAngerThresholdCanBeRaised()
    {
        var strict = new BoundaryRule { Id = "anger", Name = "Angry", Action = "caution", Kind = "anger", Threshold = 0.9, Phrases = AngerRule.Phrases, Insults = AngerRule.Insults };
        var thread = new Threads("Bulb").FromCustomer("This is ridiculous!!! Third time I write about the same bulb.").Build();

        Assert.Empty(CompiledRuleSet.Compile([strict]).Evaluate(thread));
        Assert.Contains(CompiledRuleSet.Compile(BoundaryRule.Defaults).Evaluate(thread), w => w.RuleId == "anger");
    }

    [Fact]
    public void ThreeCustomerMessagesWithoutAReplyAreRepeatedContact()
    {
        var thread = new Threads("Order status")
            .FromCustomer("Where is my order LUM-20931?")
            .FromCustomer("Any news about my order?", after: TimeSpan.FromDays(1))
            .FromCustomer("Hello? Can somebody look at my order please?", after: TimeSpan.FromDays(1))
            .Build();

        var warning = Assert.Single(Defaults.Evaluate(thread));

        Assert.Equal("repeated-contact", warning.RuleId);
        Assert.Equal(BoundaryAction.Caution, warning.Action);
        Assert.Equal(thread.Comments[^1].Id, warning.CommentId);
        Assert.Equal("3 customer messages in a row without a reply", warning.Evidence);
    }

    [Fact]
    public void TheNewestEvidenceOfRepeatedContactIsTheOneShown()
    {
        var thread = new Threads("Order status")
            .FromCustomer("Where is my order LUM-20931?")
            .FromCustomer("Any news about my order?")
            .FromCustomer("Hello? Can somebody look at my order please?")
            .FromAgent("It left our warehouse today; here is the tracking link.")
            .FromCustomer("The tracking link has not moved in a week. This is the second time I'm writing about this order.")
            .Build();

        var warning = Assert.Single(Defaults.Evaluate(thread), w => w.RuleId == "repeated-contact");

        // Not the run of three the agent has answered since: the latest message, which the reply must address.
        Assert.Equal(thread.Comments[^1].Id, warning.CommentId);
        Assert.Contains("second time I'm writing", warning.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAgentReplyInBetweenBreaksTheRun()
    {
        var thread = new Threads("Order status")
            .FromCustomer("Where is my order LUM-20931?")
            .FromCustomer("Any news about my order?")
            .FromAgent("It left our warehouse today; here is the tracking link.")
            .FromCustomer("Great, thanks. One more question: can I change the delivery address?")
            .Build();

        Assert.Empty(Defaults.Evaluate(thread));
    }

    [Fact]
    public void AnInternalNoteIsNotAReply()
    {
        var thread = new Threads("Order status")
            .FromCustomer("Where is my order LUM-20931?")
            .InternalNote("Checking with the warehouse.")
            .FromCustomer("Any news about my order?")
            .FromCustomer("Can somebody look at my order please?")
            .Build();

        Assert.Contains(Defaults.Evaluate(thread), w => w.RuleId == "repeated-contact");
    }

    [Theory]
    [InlineData("I already wrote to you last week about this bulb.")]
    [InlineData("The schedule is still not fixed after the update.")]
    [InlineData("Ich habe Ihnen schon geschrieben, das Problem ist immer noch nicht behoben.")]
    [InlineData("Je vous ai déjà écrit, c'est toujours pas réglé.")]
    [InlineData("Ya os escribí la semana pasada.")]
    [InlineData("Het is nog steeds niet opgelost.")]
    [InlineData("Já escrevi duas vezes sobre isto.")]
    [InlineData("This is the second time I'm writing about the same bulb.")]
    [InlineData("É a terceira vez que escrevo sobre isto.")]
    [InlineData("C'est la deuxième fois que je vous contacte.")]
    [InlineData("Es la segunda vez que os escribo por mi pedido.")]
    [InlineData("Das ist das dritte Mal, dass ich Ihnen schreibe.")]
    [InlineData("Dit is de tweede keer dat ik contact opneem.")]
    [InlineData("È la seconda volta che vi scrivo.")]
    public void SayingTheyAlreadyWroteIsRepeatedContact(string text)
    {
        var thread = new Threads("Bulb").FromCustomer(text).Build();

        Assert.Contains(Defaults.Evaluate(thread), w => w.RuleId == "repeated-contact");
    }

    [Theory]
    [InlineData("I tried the reset a second time and it worked. Is this the third time the app changed?")]
    [InlineData("Pour la deuxième ampoule, c'est la première fois que je l'installe.")]
    // The same fault again is not the customer writing again.
    [InlineData("Es la SEGUNDA vez que me llega una bombilla rota.")]
    [InlineData("This is the second time my order arrived broken.")]
    public void AnotherTimeThatIsNotAContactIsNoWarning(string text)
    {
        var thread = new Threads("Bulb").FromCustomer(text).Build();

        Assert.DoesNotContain(Defaults.Evaluate(thread), w => w.RuleId == "repeated-contact");
    }

    [Fact]
    public void RetryingAStepIsNotRepeatedContact()
    {
        var thread = new Threads("Bulb").FromCustomer("I tried the reset several times, and the bulb now blinks three times. What next?").Build();

        Assert.Empty(Defaults.Evaluate(thread));
    }
}
