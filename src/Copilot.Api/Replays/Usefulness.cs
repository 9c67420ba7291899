namespace Copilot.Api.Replays;

/// <summary>
/// How useful a draft would likely have been, from how close it came to what the agent sent. The thresholds are the
/// product's, stated here and in <c>docs/replay.md</c>; they are a prediction, not a measurement of agents' use.
/// </summary>
public static class Usefulness
{
    public const string AsIs = "as-is";
    public const string NeedsEdits = "needs-edits";
    public const string NotUseful = "not-useful";
    public const string Withheld = "withheld";

    /// <summary>Used as is: ROUGE-L at least this …</summary>
    public const double AsIsRougeL = 0.40;

    /// <summary>… embedding cosine at least this (when measured) …</summary>
    public const double AsIsCosine = 0.90;

    /// <summary>… and at least this share of the agent's facts, with no promise the agent did not make.</summary>
    public const double AsIsFactRecall = 0.8;

    /// <summary>Needs edits: any of ROUGE-L, token F1 or cosine at least its threshold; below all of them, not useful.</summary>
    public const double EditsRougeL = 0.20;

    public const double EditsTokenF1 = 0.35;
    public const double EditsCosine = 0.85;

    public static string Band(double rougeL, double tokenF1, double? cosine, double? factRecall, int newPromises)
    {
        if (rougeL >= AsIsRougeL && (cosine is null || cosine >= AsIsCosine) && (factRecall is null || factRecall >= AsIsFactRecall) && newPromises == 0)
        {
            return AsIs;
        }
        return rougeL >= EditsRougeL || tokenF1 >= EditsTokenF1 || cosine >= EditsCosine ? NeedsEdits : NotUseful;
    }

    /// <summary>
    /// The mean of ROUGE-L, token F1, cosine and fact recall (those measured), less 0.25 for each promise the agent did not
    /// make: orders the report's best and worst examples.
    /// </summary>
    public static double Score(double rougeL, double tokenF1, double? cosine, double? factRecall, int newPromises)
    {
        double[] parts = [rougeL, tokenF1, .. cosine is { } c ? [c] : Array.Empty<double>(), .. factRecall is { } f ? [f] : Array.Empty<double>()];
        return Math.Round(parts.Average() - 0.25 * newPromises, 4);
    }
}
