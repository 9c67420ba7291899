using Copilot.Api.Analytics.Rollups;
using Copilot.Api.Vocabulary;

namespace Copilot.Api.Analytics;

public enum SummaryGroupBy { Kind, Agent, Intent, Week }

/// <summary>Counts of one group, straight from the rollups: one count per word of the vocabulary.</summary>
public sealed class SummaryCounts
{
    private readonly long[] _outcomes = new long[Wire.All<FeedbackOutcome>().Count];
    private readonly long[] _reasons = new long[Wire.All<RejectionReason>().Count];
    private readonly long[] _edits = new long[Wire.All<EditBucket>().Count];

    public long Shown { get; private set; }
    public double CostUsd { get; private set; }

    public long this[FeedbackOutcome outcome] => _outcomes[(int)outcome];
    public long this[RejectionReason reason] => _reasons[(int)reason];
    public long this[EditBucket bucket] => _edits[(int)bucket];

    /// <summary>A row of sums named by <see cref="RollupColumns"/>.</summary>
    public static SummaryCounts From(IDictionary<string, object?> row)
    {
        var c = new SummaryCounts { Shown = Long(row[RollupColumns.Shown]), CostUsd = Convert.ToDouble(row[RollupColumns.Cost] ?? 0.0, System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var o in Wire.All<FeedbackOutcome>())
        {
            c._outcomes[(int)o] = Long(row[RollupColumns.Of(o)]);
        }
        foreach (var r in Wire.All<RejectionReason>())
        {
            c._reasons[(int)r] = Long(row[RollupColumns.Of(r)]);
        }
        foreach (var b in Wire.All<EditBucket>())
        {
            c._edits[(int)b] = Long(row[RollupColumns.Of(b)]);
        }
        return c;
    }

    public static SummaryCounts operator +(SummaryCounts a, SummaryCounts b)
    {
        var c = new SummaryCounts { Shown = a.Shown + b.Shown, CostUsd = a.CostUsd + b.CostUsd };
        Add(c._outcomes, a._outcomes, b._outcomes);
        Add(c._reasons, a._reasons, b._reasons);
        Add(c._edits, a._edits, b._edits);
        return c;
    }

    private static void Add(long[] into, long[] a, long[] b)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = a[i] + b[i];
        }
    }

    private static long Long(object? value) => Convert.ToInt64(value ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One row of <c>GET /api/analytics/summary</c>: what happened to the suggestions shown, each figure defined in
/// docs/analytics.md. Every rate carries its sample and 95% interval; the older single-number fields stay for
/// existing readers.
/// </summary>
public sealed record SummaryRow
{
    public required string Key { get; init; }
    public required long Shown { get; init; }
    /// <summary>Accepted or edited: the agent took it.</summary>
    public required long Used { get; init; }
    /// <summary>Accepted without a change.</summary>
    public required long UsedAsIs { get; init; }
    public required long Edited { get; init; }
    /// <summary>Edited suggestions by the share of words changed.</summary>
    public required IReadOnlyDictionary<EditBucket, long> EditSize { get; init; }
    public required long Rejected { get; init; }
    public required IReadOnlyDictionary<RejectionReason, long> RejectedByReason { get; init; }
    /// <summary>Shown, and no feedback came.</summary>
    public required long Ignored { get; init; }
    public required Rate? UsedRate { get; init; }
    public required Rate? UsedAsIsRate { get; init; }
    public required Rate? EditedRate { get; init; }
    public required Rate? RejectedRate { get; init; }
    public required Rate? IgnoredRate { get; init; }
    public required double TimeSavedMinutes { get; init; }
    public required double CostUsd { get; init; }
    public required double? CostPerUsedUsd { get; init; }

    public long Accepted => UsedAsIs;
    public long NoFeedback => Ignored;
    public double? AcceptanceRate => UsedRate?.Value;
    public double? AcceptedAsIsRate => UsedAsIsRate?.Value;
    public double? CostPerAcceptedUsd => CostPerUsedUsd;
}

public sealed record SummaryResponse(
    string Tenant,
    string From,
    string To,
    string GroupBy,
    IReadOnlyList<SummaryRow> Rows,
    SummaryRow Total)
{
    /// <summary>The currency of the cost figures (<c>costUsd</c> keeps its name): the tenant's price table's.</summary>
    public string Currency { get; init; } = Copilot.Connectors.Models.ModelPrices.DefaultCurrency;

    /// <summary>How <c>timeSavedMinutes</c> was estimated: minutes per use by kind, as set for the tenant.</summary>
    public TimeSavedAssumptions? Assumptions { get; init; }
}

/// <summary>One ISO week of <c>GET /api/analytics/weekly</c>, cut to the period; <see cref="Partial"/> when fewer than its 7 days are in it.</summary>
public sealed record WeekSummary(
    string Week,
    string From,
    string To,
    int Days,
    bool Partial,
    IReadOnlyList<SummaryRow> Rows,
    SummaryRow Total);

/// <summary>Every week of a period at once, each with its rows per kind.</summary>
public sealed record WeeklyResponse(string Tenant, string From, string To, IReadOnlyList<WeekSummary> Weeks);
