namespace Copilot.Api.Analytics;

public enum SummaryGroupBy { Kind, Agent, Intent, Week }

/// <summary>Counts of one group, straight from the rollups.</summary>
public sealed record SummaryCounts
{
    public long Shown { get; init; }
    public long Accepted { get; init; }
    public long Edited { get; init; }
    public long Rejected { get; init; }
    public long WrongFacts { get; init; }
    public long WrongTone { get; init; }
    public long OutdatedArticle { get; init; }
    public long MissingContext { get; init; }
    public long Policy { get; init; }
    public long Other { get; init; }
    public long EditUnder10 { get; init; }
    public long Edit10To25 { get; init; }
    public long Edit25To50 { get; init; }
    public long Edit50Plus { get; init; }
    public double CostUsd { get; init; }

    public static SummaryCounts operator +(SummaryCounts a, SummaryCounts b) => new()
    {
        Shown = a.Shown + b.Shown, Accepted = a.Accepted + b.Accepted, Edited = a.Edited + b.Edited, Rejected = a.Rejected + b.Rejected,
        WrongFacts = a.WrongFacts + b.WrongFacts, WrongTone = a.WrongTone + b.WrongTone, OutdatedArticle = a.OutdatedArticle + b.OutdatedArticle,
        MissingContext = a.MissingContext + b.MissingContext, Policy = a.Policy + b.Policy, Other = a.Other + b.Other,
        EditUnder10 = a.EditUnder10 + b.EditUnder10, Edit10To25 = a.Edit10To25 + b.Edit10To25, Edit25To50 = a.Edit25To50 + b.Edit25To50,
        Edit50Plus = a.Edit50Plus + b.Edit50Plus, CostUsd = a.CostUsd + b.CostUsd,
    };
}

/// <summary>One row of <c>GET /api/analytics/summary</c>.</summary>
public sealed record SummaryRow(
    string Key,
    long Shown,
    long Accepted,
    long Edited,
    long Rejected,
    long NoFeedback,
    IReadOnlyDictionary<string, long> RejectedByReason,
    double? AcceptanceRate,
    double? AcceptedAsIsRate,
    IReadOnlyDictionary<string, long> EditSize,
    double TimeSavedMinutes,
    double CostUsd,
    double? CostPerAcceptedUsd);

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
}
