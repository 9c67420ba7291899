using Copilot.Api.Intents;

namespace Copilot.Tests.Intents;

public sealed class IntentClassifierTests
{
    /// <summary>Three intents, each said several ways, as a small tenant would label them.</summary>
    private static readonly LabelledText[] Examples =
    [
        .. Labelled("billing",
            "I was charged twice for my subscription", "Why is there a double charge on my card", "Please refund the duplicate payment",
            "My invoice shows the wrong amount", "You billed me after I cancelled", "Can I get a refund for last month's charge",
            "Unknown charge on my credit card statement", "The payment went through twice"),
        .. Labelled("shipping",
            "Where is my order, it has not arrived", "My parcel is still not delivered", "The tracking number does not work",
            "When will my package ship", "Delivery is late by a week", "The courier lost my parcel",
            "Order shows delivered but nothing came", "How long does shipping take to Norway"),
        .. Labelled("password",
            "I forgot my password", "The password reset email never comes", "I cannot log in, password is rejected",
            "How do I change my password", "Reset link expired before I could use it", "Locked out after too many password attempts",
            "My new password is not accepted", "Send me a password reset please"),
    ];

    private static IEnumerable<LabelledText> Labelled(string intent, params string[] texts) => texts.Select(t => new LabelledText(t, intent));

    [Fact]
    public void LearnsTheTenantsIntentsFromItsExamples()
    {
        var model = IntentClassifier.Train(Examples, IntentTrainingOptions.Default)!;

        Assert.Equal(["billing", "password", "shipping"], model.Intents);
        Assert.Equal("billing", model.Predict("there are two charges for the same subscription on my card")[0].Intent);
        Assert.Equal("shipping", model.Predict("my parcel never arrived, where is it?")[0].Intent);
        Assert.Equal("password", model.Predict("password reset does not work")[0].Intent);
        Assert.True(model.HeldOutAccuracy > 0.6, $"held-out accuracy {model.HeldOutAccuracy}");
        Assert.Equal(Examples.Length, model.HeldOutCount); // cross-validated: every example was held out once
    }

    [Fact]
    public void TrainingTwiceOnTheSameExamplesGivesTheSameProbabilities()
    {
        var first = IntentClassifier.Train(Examples, IntentTrainingOptions.Default)!;
        var second = IntentClassifier.Train(Examples, IntentTrainingOptions.Default)!;

        const string text = "refund for the parcel that never came";
        Assert.Equal(first.Predict(text), second.Predict(text));
        Assert.Equal(first.Temperature, second.Temperature);
    }

    [Theory]
    [InlineData("What is the weather like on Mars?")]
    [InlineData("Quelle est la recette de la tarte aux pommes ?")]
    public void UnrelatedTextIsUnsureAndStillListsCandidates(string text)
    {
        var model = IntentClassifier.Train(Examples, IntentTrainingOptions.Default)!;

        var guess = IntentGuess.From(model.Predict(text), IntentModels.DefaultFloor);

        Assert.False(guess.Confident);
        Assert.Equal(IntentGuess.Other, guess.Intent);
        Assert.Equal(3, guess.Candidates.Count);
        Assert.All(guess.Candidates, c => Assert.True(c.Probability < IntentModels.DefaultFloor));
    }

    [Fact]
    public void AClearRequestIsConfident()
    {
        var model = IntentClassifier.Train(Examples, IntentTrainingOptions.Default)!;

        var guess = IntentGuess.From(model.Predict("I was charged twice, please refund the duplicate payment"), IntentModels.DefaultFloor);

        Assert.True(guess.Confident);
        Assert.Equal("billing", guess.Intent);
        Assert.Equal(guess.Candidates[0].Probability, guess.Confidence);
    }

    [Fact]
    public void WithoutHeldOutGistsATranslatedTicketIsReadAtATemperatureTwiceTheWholeTexts()
    {
        var model = IntentClassifier.Train(Examples, IntentTrainingOptions.Default)!;

        Assert.Equal(0, model.HeldOutGists);
        Assert.Equal(model.Temperature * IntentClassifier.GistTemperatureFactor, model.GistTemperature, 9);
        var text = "charge refund payment";
        Assert.True(model.Predict(text, gist: true)[0].Probability < model.Predict(text)[0].Probability);
        Assert.Equal("billing", model.Predict(text, gist: true)[0].Intent);
    }

    [Fact]
    public void TooFewHeldOutGistsAreNotFittedOnAndAreNotReportedAsSuch()
    {
        var few = Examples.Select((e, i) => i < IntentClassifier.MinGists - 1 ? e with { Gist = "card order password" } : e).ToList();

        var model = IntentClassifier.Train(few, IntentTrainingOptions.Default)!;

        Assert.Equal(0, model.HeldOutGists); // what the admin route shows as translatedHeldOutExamples
        Assert.Equal(model.Temperature * IntentClassifier.GistTemperatureFactor, model.GistTemperature, 9);
    }

    [Fact]
    public void GistsThatTellTheIntentsApartNothingMakeATranslatedTicketUnsure()
    {
        // Twelve examples an intent, each with the same gist: the gists say nothing of the intent, so the temperature
        // fitted on them flattens a gist's probabilities to about a third each, whatever the whole texts' model says.
        var many = Examples.Concat(Examples.Select(e => e with { Text = e.Text + " please" }))
            .Select(e => e with { Gist = "card order password" }).ToList();

        var model = IntentClassifier.Train(many, IntentTrainingOptions.Default)!;

        Assert.Equal(many.Count, model.HeldOutGists);
        Assert.True(model.GistTemperature > 5 * model.Temperature, $"gist {model.GistTemperature}, whole text {model.Temperature}");
        Assert.True(model.Predict("password reset", gist: true)[0].Probability < 0.45);
        Assert.True(model.Predict("password reset")[0].Probability > 0.6);
    }

    [Fact]
    public void OnlyTheHeldOutEnglishExamplesAreGivenAGist()
    {
        var options = IntentTrainingOptions.Default with { HoldOutFrom = 10, HoldOutShare = 0.25 };
        var languages = Examples.Select((_, i) => i % 2 == 0 ? "en" : "de").ToList();

        var given = IntentClassifier.WithGists([.. Examples], languages, options);

        var heldOut = IntentClassifier.HeldOut(Examples, options);
        Assert.InRange(heldOut.Count, 3, Examples.Length / 2);
        Assert.All(given.Select((e, i) => (e, i)).Where(p => p.e.Gist is not null), p =>
        {
            Assert.Contains(p.i, heldOut);
            Assert.Equal("en", languages[p.i]);
            Assert.Null(p.e.GistEmbedding);
        });
        Assert.Contains(given, e => e.Gist is not null);
        Assert.Equal(Examples.Select(e => e.Text), given.Select(e => e.Text));
    }

    [Fact]
    public void OneIntentAloneTeachesNothing()
    {
        Assert.Null(IntentClassifier.Train(Examples.Where(e => e.Intent == "billing").ToList(), IntentTrainingOptions.Default));
    }

    [Fact]
    public void AnEmbeddingIsAppendedToTheTextFeatures()
    {
        var embedded = Examples.Select(e => e with { Embedding = [e.Intent == "billing" ? 1f : 0f, e.Intent == "shipping" ? 1f : 0f, e.Intent == "password" ? 1f : 0f] }).ToList();

        var model = IntentClassifier.Train(embedded, IntentTrainingOptions.Default)!;

        // The examples know none of these words; the embedding, as close as can be to the shipping examples', says it.
        Assert.Equal("shipping", model.Predict("zebra quokka", [0f, 1f, 0f])[0].Intent);
        // A text that says nothing (a greeting) is not read by its embedding: the base rates.
        Assert.Equal(model.Predict("hello", [0f, 1f, 0f])[0].Probability, model.Predict("hello")[0].Probability, 6);
    }

    [Theory]
    [InlineData(new[] { "billing", "refund_request" }, "refund-request")]
    [InlineData(new[] { "Refund Request" }, "refund-request")]
    [InlineData(new[] { "refund_request", "shipping" }, null)]
    [InlineData(new[] { "vip" }, null)]
    public void ATicketTeachesOnlyWhenItsTagsNameExactlyOneIntent(string[] tags, string? expected)
    {
        Assert.Equal(expected, IntentText.FromTags(tags, ["refund-request", "shipping"]));
    }
}
