using Copilot.Api.Drafts.Guards;

namespace Copilot.Api.Replays.Measures;

/// <summary>
/// A draft against the agent's real first reply: ROUGE-L F1 and token F1, the reply's facts the draft gives, the promises
/// the draft makes that the reply did not, and from those (with the embedding cosine, when measured) its band and score.
/// </summary>
public sealed record DraftMeasures(
    double RougeL, double TokenF1, double? Cosine, IReadOnlyList<Fact> Facts, IReadOnlyList<Fact> Found, IReadOnlyList<CommitmentFlag> Promises)
{
    public double? FactRecall => Facts.Count > 0 ? Found.Count / (double)Facts.Count : null;

    public string Band => Usefulness.Band(RougeL, TokenF1, Cosine, FactRecall, Promises.Count);

    public double Score => Usefulness.Score(RougeL, TokenF1, Cosine, FactRecall, Promises.Count);

    public static DraftMeasures Of(string reply, string draft, double? cosine)
    {
        var facts = Measures.Facts.Of(reply);
        return new DraftMeasures(
            Rouge.LcsF1(Rouge.Tokens(reply), Rouge.Tokens(draft)), Measures.TokenF1.Of(reply, draft), cosine,
            facts, Measures.Facts.FoundIn(facts, draft), Measures.Promises.NotMadeByAgent(draft, reply));
    }
}
