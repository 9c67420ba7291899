using Copilot.Api.Boundaries;
using Copilot.Api.Triage;

namespace Copilot.Tests.Intents;

public sealed class OfflineTriageTests
{
    private static readonly IReadOnlyList<BoundaryWarning> None = [];

    private static BoundaryWarning Warning(string id) => new(id, id, BoundaryAction.Caution, "", null);

    [Fact]
    public void AnAngryMessageByTheBoundaryRulesScoreIsAngry()
    {
        var sentiment = OfflineTriage.Sentiment("THIS IS THE THIRD TIME, UNACCEPTABLE!!", (0.9, 0.5));

        Assert.Equal("angry", sentiment.Value);
        Assert.True(sentiment.Confidence > 0.6);
    }

    [Theory]
    [InlineData("The bulb still doesn't work and the app shows an error", "negative")]
    [InlineData("Die Lampe funktioniert nicht, leider immer noch kaputt", "negative")]
    [InlineData("Thank you so much, it works now!", "positive")]
    [InlineData("Merci beaucoup, ça marche, problème résolu", "positive")]
    [InlineData("What colours does the strip support?", "neutral")]
    [InlineData("The bulb was extremely hot and the lampshade has a scorch mark. This could have started a fire in a child's bedroom.", "negative")]
    [InlineData("Turned it on and the bridge connected. Now the app says 2 of the 3 bulbs are unreachable. I'm losing patience here.", "negative")]
    [InlineData("Das ist gefährlich, die Lampe ist überhitzt.", "negative")]
    [InlineData("Three weeks now and not a single reply after I did everything you asked. The product is clearly faulty.", "negative")]
    [InlineData("Is the Bridge safe to leave on overnight?", "neutral")]
    [InlineData("Can I control the lights with my Fire TV remote?", "neutral")]
    [InlineData("So I don't even get all my money back for something I didn't want. Not happy about it, but fine.", "negative")]
    [InlineData("No problem at all, it works now.", "positive")]
    [InlineData("Pas de problème, ça marche maintenant.", "positive")]
    [InlineData("Just wanted to say thanks to whoever fixed the station at Sloterdijk so quickly yesterday. Rode home without any problem.", "positive")]
    [InlineData("Ich bin nicht zufrieden und nicht glücklich, das ist nicht perfekt.", "negative")]
    [InlineData("Thanks for the quick answer, but I will take my business elsewhere.", "negative")]
    [InlineData("Merci, mais je vais aller voir ailleurs.", "negative")]
    [InlineData("Danke, aber ich gehe dann woanders hin.", "negative")]
    [InlineData("Gracias, pero me voy a la competencia.", "negative")]
    [InlineData("Bedankt, maar ik ga ergens anders bestellen.", "negative")]
    [InlineData("Obrigado, mas vou comprar noutro lado.", "negative")]
    [InlineData("Grazie, ma vado altrove.", "negative")]
    // "Somewhere else" with no going or buying is no threat to leave.
    [InlineData("De router staat naast de tv. Die kan ik niet echt ergens anders kwijt.", "neutral")]
    [InlineData("Ich habe das Kabel woanders eingesteckt.", "neutral")]
    public void SentimentFollowsWhatTheCustomerSays(string text, string expected)
    {
        Assert.Equal(expected, OfflineTriage.Sentiment(text, (0, 0.5)).Value);
    }

    [Fact]
    public void MoreEvidenceMeansMoreConfidence()
    {
        var one = OfflineTriage.Sentiment("It is broken", null);
        var three = OfflineTriage.Sentiment("It is broken, still not working, and the app shows an error", null);

        Assert.Equal("negative", three.Value);
        Assert.True(three.Confidence > one.Confidence);
    }

    [Theory]
    [InlineData("The bulb overheated and there was smoke in the room", "urgent")]
    [InlineData("Die Lampe ist überhitzt", "urgent")]
    [InlineData("I am locked out of my account", "high")]
    [InlineData("You charged me twice for the subscription", "high")]
    [InlineData("No puedo acceder a mi cuenta, es urgente", "high")]
    [InlineData("How do I change the colour of the strip?", "low")]
    [InlineData("The strip looks a bit dim at the end", "normal")]
    [InlineData("Does the pause start right away or can I choose the date?", "low")]
    [InlineData("Please refund me right away", "high")]
    public void PriorityFollowsTheStakes(string text, string expected)
    {
        Assert.Equal(expected, OfflineTriage.Priority(text, null, None, null).Value);
    }

    [Fact]
    public void ALegalThreatFromAnAngryRepeatCustomerIsUrgent()
    {
        var priority = OfflineTriage.Priority("Where is my replacement?", null, [Warning("legal-threat"), Warning("repeated-contact"), Warning("anger")], null);

        Assert.Equal("urgent", priority.Value);
    }

    [Fact]
    public void WithNothingToGoOnTheHelpdesksOwnPriorityStands()
    {
        Assert.Equal(new Labelled("low", 0.5), OfflineTriage.Priority("The strip looks a bit dim at the end", "low", None, null));
    }
}
