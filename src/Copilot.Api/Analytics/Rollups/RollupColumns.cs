using System.Globalization;
using Copilot.Api.Vocabulary;

namespace Copilot.Api.Analytics.Rollups;

/// <summary>
/// The columns of the rollup tables (<c>analytics_daily</c>, <c>analytics_weekly</c>, <c>analytics_latest</c>),
/// named from the vocabulary: one per outcome (<c>accepted</c>), per rejection reason (<c>rej_wrong_facts</c>) and
/// per edit bucket (<c>edit_lt10</c> … <c>edit_ge50</c>). The triggers and the summary query are written from
/// these names, so a word of the vocabulary and its column cannot drift apart.
/// </summary>
public static class RollupColumns
{
    public const string Shown = "shown";
    public const string Cost = "cost_usd";

    public static string Of(FeedbackOutcome outcome) => Snake(Wire.Name(outcome));

    public static string Of(RejectionReason reason) => "rej_" + Snake(Wire.Name(reason));

    public static string Of(EditBucket bucket)
    {
        var i = (int)bucket;
        return i + 1 < EditBuckets.LowerBounds.Count
            ? $"edit_lt{Percent(EditBuckets.LowerBounds[i + 1])}"
            : $"edit_ge{Percent(EditBuckets.LowerBounds[i])}";
    }

    /// <summary>The 0/1 contributions one counted feedback outcome makes: outcome, reason, edit bucket.</summary>
    public static IReadOnlyList<string> Counted { get; } =
    [
        .. Wire.All<FeedbackOutcome>().Select(Of),
        .. Wire.All<RejectionReason>().Select(Of),
        .. Wire.All<EditBucket>().Select(Of),
    ];

    private static string Snake(string wireName) => wireName.Replace('-', '_');

    private static string Percent(double share) => Math.Round(share * 100).ToString(CultureInfo.InvariantCulture);
}
