namespace Copilot.Api.Replays.Report;

/// <summary>
/// A replay run's report, for machines (served as JSON) and for people (<see cref="ReplayHtml"/>): the run, the measures
/// over all tickets and per intent with a go/no-go suggestion and its evidence, the distributions, how the boundary rules
/// did, the thresholds used, and the best and worst examples (masked).
/// </summary>
public sealed record ReplayReport(
    RunInfo Run,
    MeasureRow Overall,
    IReadOnlyList<MeasureRow> Intents,
    Distributions Distributions,
    BoundaryCounts Boundaries,
    Thresholds Thresholds,
    IReadOnlyList<TicketResult> Best,
    IReadOnlyList<TicketResult> Worst,
    IReadOnlyList<SkipCount> Skipped);

public sealed record RunInfo(
    string Id, string Tenant, string? Label, string Source, string Status, ReplayRequest Request, DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt, ReplayProgress Progress, IReadOnlyList<string> Providers);

/// <summary>
/// The measures over a set of tickets. Means are over the tickets where the measure was taken (drafted tickets for draft
/// measures); shares are of <see cref="Replayed"/> unless named otherwise; null where nothing was measured.
/// </summary>
public sealed record MeasureRow
{
    public required string Name { get; init; }
    public int Replayed { get; init; }
    public int Drafted { get; init; }
    public int AsIs { get; init; }
    public int NeedsEdits { get; init; }
    public int NotUseful { get; init; }
    public int Withheld { get; init; }

    /// <summary>(as is + needs edits) ÷ drafted.</summary>
    public double? UsefulShare { get; init; }
    public double? RougeL { get; init; }
    public double? TokenF1 { get; init; }
    public double? Cosine { get; init; }

    /// <summary>Facts found in the drafts ÷ facts the agents gave (pooled).</summary>
    public double? FactRecall { get; init; }

    /// <summary>Drafted tickets whose draft promised something the agent did not ÷ drafted.</summary>
    public double? NewPromiseShare { get; init; }

    /// <summary>Tickets whose agent used an article (retrieval is measured on these).</summary>
    public int RetrievalMeasured { get; init; }
    public double? HitAt1 { get; init; }
    public double? HitAtK { get; init; }

    /// <summary>Tickets that name their intent (triage is measured on these).</summary>
    public int TriageMeasured { get; init; }
    public double? TriageAccuracy { get; init; }

    /// <summary>Tickets that belonged with a person but got a draft.</summary>
    public int MissedHandoffs { get; init; }
    public double? MissedHandoffShare { get; init; }

    /// <summary>go, no-go, or too-few (<see cref="GoLive"/>); with the measure behind each part of it.</summary>
    public string? Verdict { get; init; }
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
}

/// <summary>One condition of a go: the measure, its value, the threshold and whether it held.</summary>
public sealed record Evidence(string Measure, double? Value, string Threshold, bool Met, string Text);

/// <summary>How many drafted tickets fell in each tenth of 0–1, for each similarity measure.</summary>
public sealed record Distributions(IReadOnlyList<int> RougeL, IReadOnlyList<int> TokenF1, IReadOnlyList<int> Cosine);

/// <summary>
/// Handoff rules against what happened: kept with a person rightly (it belonged with one), needlessly, drafted though it
/// belonged with a person (missed), drafted rightly.
/// </summary>
public sealed record BoundaryCounts(int KeptRightly, int KeptNeedlessly, int Missed, int DraftedRightly);

public sealed record SkipCount(string Reason, int Tickets);

public sealed record Thresholds(
    double AsIsRougeL, double AsIsCosine, double AsIsFactRecall, double EditsRougeL, double EditsTokenF1, double EditsCosine,
    int GoMinTickets, double GoUsefulShare, double GoNewPromiseShare, double GoMissedHandoffShare, double GoHitAtK, int GoMinRetrieval,
    int QuoteTokens, double StepRecall)
{
    public static Thresholds Current { get; } = new(
        Usefulness.AsIsRougeL, Usefulness.AsIsCosine, Usefulness.AsIsFactRecall, Usefulness.EditsRougeL, Usefulness.EditsTokenF1, Usefulness.EditsCosine,
        GoLive.MinTickets, GoLive.UsefulShare, GoLive.NewPromiseShare, GoLive.MissedHandoffShare, GoLive.HitAtK, GoLive.MinRetrieval,
        Measures.ArticleUse.QuoteTokens, Measures.Facts.StepRecall);
}
