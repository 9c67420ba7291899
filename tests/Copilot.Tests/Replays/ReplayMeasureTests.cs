using Copilot.Api.Replays;
using Copilot.Api.Replays.Measures;

namespace Copilot.Tests.Replays;

/// <summary>Each measure of a replay against a value worked out by hand.</summary>
public sealed class ReplayMeasureTests
{
    [Fact]
    public void RougeLCountsTheLongestCommonSubsequenceAndTokenF1IgnoresOrder()
    {
        // "alpha beta gamma" against its reverse: the longest common subsequence is one word (P = R = 1/3), every word is shared.
        Assert.Equal(1 / 3.0, Rouge.LcsF1(Rouge.Tokens("alpha beta gamma"), Rouge.Tokens("gamma beta alpha")), 6);
        Assert.Equal(1.0, TokenF1.Of("alpha beta gamma", "gamma beta alpha"), 6);
        // "refund was sent" in order: P = 3/4, R = 3/5, F1 = 2·0.75·0.6 / 1.35 = 2/3; the same three words for token F1.
        Assert.Equal(2 / 3.0, Rouge.LcsF1(Rouge.Tokens("The refund was sent today."), Rouge.Tokens("Your refund was sent")), 6);
        Assert.Equal(2 / 3.0, TokenF1.Of("The refund was sent today.", "Your refund was sent"), 6);
    }

    [Fact]
    public void TokenF1CountsARepeatedWordOnlyAsOftenAsBothTextsHoldIt()
    {
        // reply "bulb bulb lamp", draft "bulb lamp lamp lamp": shared bulb×1, lamp×1 → P = 2/4, R = 2/3, F1 = 2·(1/2)(2/3)/(7/6) = 4/7.
        Assert.Equal(4 / 7.0, TokenF1.Of("bulb bulb lamp", "bulb lamp lamp lamp"), 6);
        Assert.Equal(0, TokenF1.Of("", "anything"));
    }

    [Fact]
    public void FactsOfAReplyAreItsAmountsDatesStepsAndLinksAndADraftGivesThoseItRepeats()
    {
        const string reply = "We refunded $25.00 on 28 November.\nTo pair the bulb again:\n1. Open the app settings\n2. Tap reset device\n"
            + "More at https://help.example.com/articles/42.";
        var facts = Facts.Of(reply);
        Assert.Equal(
            [(FactKind.Amount, "$25.00"), (FactKind.Date, "28 November"), (FactKind.Step, "Open the app settings"), (FactKind.Step, "Tap reset device"),
             (FactKind.Link, "https://help.example.com/articles/42")],
            facts.Select(f => (f.Kind, f.Text)));
        // 25 dollars is $25.00; the first step's words are all there; no date; the second step's words are not; the link with a slash.
        const string draft = "We have refunded 25 dollars. Open the app settings, then restart it. See https://help.example.com/articles/42/";
        var found = Facts.FoundIn(facts, draft);
        Assert.Equal([FactKind.Amount, FactKind.Step, FactKind.Link], found.Select(f => f.Kind));
        Assert.Equal("Open the app settings", found.Single(f => f.Kind == FactKind.Step).Text);
    }

    [Fact]
    public void APromiseCountsOnlyWhenTheAgentDidNotMakeIt()
    {
        Assert.Equal(["Refund"], Promises.NotMadeByAgent("We will refund the order in full.", "We are looking into your order.").Select(p => p.Kind.ToString()));
        Assert.Empty(Promises.NotMadeByAgent("We will refund the order in full.", "Good news: we will refund the order in full."));
    }

    [Fact]
    public async Task TheCosineIsMeasuredWithArcticWhicheverModelTheSearchReadsSoTheBandsKeepTheirScale()
    {
        var models = new Copilot.Api.ModelTasks.TenantModels(new Copilot.Connectors.Models.ModelClientFactory(),
            Microsoft.Extensions.Options.Options.Create(new Copilot.Api.Knowledge.KnowledgeOptions()));

        var vectors = await models.Measuring!.GenerateAsync(["Your refund was sent.", "Your refund is on its way."]);

        Assert.StartsWith("all-minilm-l6-v2", models.BuiltIn!.Model);
        Assert.All(vectors, v => Assert.StartsWith("arctic-embed-xs", v.ModelId));
        Assert.True(Cosine.Of(vectors[0].Vector.Span, vectors[1].Vector.Span) >= Usefulness.EditsCosine);
    }

    [Fact]
    public void CosineOfTwoVectorsIsTheirAngle()
    {
        Assert.Equal(1 / Math.Sqrt(2), Cosine.Of([1f, 0f], [1f, 1f]), 6);
        Assert.Equal(0, Cosine.Of([0f, 0f], [1f, 1f]));
    }

    [Theory]
    [InlineData(0.50, 0.60, 0.92, 1.0, 0, Usefulness.AsIs)]
    [InlineData(0.50, 0.60, null, null, 0, Usefulness.AsIs)]
    [InlineData(0.50, 0.60, 0.92, 1.0, 1, Usefulness.NeedsEdits)] // a promise the agent did not make
    [InlineData(0.50, 0.60, 0.88, 1.0, 0, Usefulness.NeedsEdits)] // cosine under 0.90
    [InlineData(0.45, 0.60, 0.92, 0.5, 0, Usefulness.NeedsEdits)] // half the facts
    [InlineData(0.10, 0.36, null, null, 0, Usefulness.NeedsEdits)] // token F1 at least 0.35
    [InlineData(0.10, 0.20, 0.86, null, 0, Usefulness.NeedsEdits)] // cosine at least 0.85
    [InlineData(0.19, 0.34, 0.84, null, 0, Usefulness.NotUseful)]
    public void BandsFollowTheStatedThresholds(double rouge, double f1, double? cosine, double? facts, int promises, string band) =>
        Assert.Equal(band, Usefulness.Band(rouge, f1, cosine, facts, promises));

    [Fact]
    public void ScoreIsTheMeanOfTheMeasuresTakenLessAQuarterPerNewPromise()
    {
        Assert.Equal(0.15, Usefulness.Score(0.5, 0.3, null, null, 1), 6); // (0.5 + 0.3) / 2 − 0.25
        Assert.Equal(0.6, Usefulness.Score(0.4, 0.6, 0.8, 0.6, 0), 6); // (0.4 + 0.6 + 0.8 + 0.6) / 4
    }

    [Fact]
    public void DraftMeasuresPutTheMeasuresTogether()
    {
        // Reply tokens: your refund of 25 00 was sent (7); draft: your refund of 25 00 is on it way (… "it" "way" "is" "on"): hand-counted below.
        var m = DraftMeasures.Of("Your refund of $25.00 was sent.", "Your refund of $25.00 is on its way.", cosine: null);
        // reply: [your, refund, of, 25, 00, wa, sent] (7); draft: [your, refund, of, 25, 00, is, on, it, wai] (9); LCS and shared = 5.
        Assert.Equal(2 * (5 / 9.0) * (5 / 7.0) / (5 / 9.0 + 5 / 7.0), m.RougeL, 6);
        Assert.Equal(m.RougeL, m.TokenF1, 6);
        Assert.Equal(1.0, m.FactRecall);
        Assert.Equal(Usefulness.AsIs, m.Band);
    }
}
