namespace Copilot.Api.Intents;

/// <summary>
/// A learned intent for one ticket. <see cref="Confident"/> false: the best intent's calibrated
/// probability is under the tenant's floor, so <see cref="Intent"/> is <see cref="Other"/> — with
/// confidence 1 − that probability — and <see cref="Candidates"/> still lists the likeliest intents.
/// </summary>
public sealed record IntentGuess(string Intent, double Confidence, bool Confident, IReadOnlyList<IntentScore> Candidates)
{
    /// <summary>The one word the copilot uses for "none of the tenant's intents, or unsure which".</summary>
    public const string Other = "other";
    public const int MaxCandidates = 3;

    public static IntentGuess From(IReadOnlyList<IntentScore> scores, double floor)
    {
        var candidates = scores.Take(MaxCandidates).Select(s => s with { Probability = Math.Round(s.Probability, 3) }).ToList();
        var top = scores[0];
        return top.Probability >= floor
            ? new IntentGuess(top.Intent, Math.Round(top.Probability, 3), true, candidates)
            : new IntentGuess(Other, Math.Round(1 - top.Probability, 3), false, candidates);
    }
}
