namespace Copilot.Api.Replays.Report;

/// <summary>Builds a run's report from its tickets' results: pure, so the same results always give the same report.</summary>
public static class ReportBuilder
{
    public const int Examples = 3;
    public const string NoIntent = "(no intent)";

    public static ReplayReport Build(ReplayRun run, ReplayProgress progress, IReadOnlyList<TicketResult> results)
    {
        var replayed = results.Where(r => r.Skipped is null).ToList();
        var drafted = replayed.Where(r => r.Band is not null and not Usefulness.Withheld).OrderByDescending(r => r.Score).ThenBy(r => r.TicketId, StringComparer.Ordinal).ToList();
        var intents = replayed.GroupBy(IntentOf, StringComparer.OrdinalIgnoreCase)
            .Select(g => GoLive.Judge(Row(g.Key, g.ToList())))
            .OrderByDescending(r => r.Replayed).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var info = new RunInfo(run.Id, run.Tenant, run.Request.Label, run.Source, run.Status, run.Request, run.CreatedAt, run.FinishedAt, progress,
            replayed.Select(r => r.Provider).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
        return new ReplayReport(
            info,
            GoLive.Judge(Row("all tickets", replayed)),
            intents,
            new Distributions(Histogram(drafted.Select(r => r.RougeL)), Histogram(drafted.Select(r => r.TokenF1)), Histogram(drafted.Select(r => r.Cosine))),
            new BoundaryCounts(
                replayed.Count(r => r.KeptWithHuman && r.BelongedWithPerson),
                replayed.Count(r => r.KeptWithHuman && !r.BelongedWithPerson),
                replayed.Count(r => !r.KeptWithHuman && r.BelongedWithPerson),
                replayed.Count(r => !r.KeptWithHuman && !r.BelongedWithPerson)),
            Thresholds.Current,
            drafted.Take(Examples).ToList(),
            drafted.Skip(Math.Max(Examples, drafted.Count - Examples)).Reverse().ToList(),
            results.Where(r => r.Skipped is not null).GroupBy(r => r.Skipped!).Select(g => new SkipCount(g.Key, g.Count())).OrderByDescending(s => s.Tickets).ToList());
    }

    /// <summary>A ticket's own intent; a ticket that names none is counted under the intent triage predicted for it.</summary>
    public static string IntentOf(TicketResult r) => r.Intent ?? r.PredictedIntent ?? NoIntent;

    public static MeasureRow Row(string name, IReadOnlyList<TicketResult> tickets)
    {
        var drafted = tickets.Where(r => r.Band is not null and not Usefulness.Withheld).ToList();
        var retrieval = tickets.Where(r => r.ArticlesUsed > 0).ToList();
        var triaged = tickets.Where(r => r.IntentRight is not null).ToList();
        var facts = drafted.Sum(r => r.Facts);
        var missed = tickets.Count(r => !r.KeptWithHuman && r.BelongedWithPerson);
        int Band(string band) => tickets.Count(r => r.Band == band);
        return new MeasureRow
        {
            Name = name,
            Replayed = tickets.Count,
            Drafted = drafted.Count,
            AsIs = Band(Usefulness.AsIs),
            NeedsEdits = Band(Usefulness.NeedsEdits),
            NotUseful = Band(Usefulness.NotUseful),
            Withheld = Band(Usefulness.Withheld),
            UsefulShare = Share(drafted.Count(r => r.Band is Usefulness.AsIs or Usefulness.NeedsEdits), drafted.Count),
            RougeL = Mean(drafted.Select(r => r.RougeL)),
            TokenF1 = Mean(drafted.Select(r => r.TokenF1)),
            Cosine = Mean(drafted.Select(r => r.Cosine)),
            FactRecall = Share(drafted.Sum(r => r.FactsFound), facts),
            NewPromiseShare = Share(drafted.Count(r => r.NewPromises.Count > 0), drafted.Count),
            RetrievalMeasured = retrieval.Count,
            HitAt1 = Share(retrieval.Count(r => r.HitRank == 1), retrieval.Count),
            HitAtK = Share(retrieval.Count(r => r.HitRank is not null), retrieval.Count),
            TriageMeasured = triaged.Count,
            TriageAccuracy = Share(triaged.Count(r => r.IntentRight == true), triaged.Count),
            MissedHandoffs = missed,
            MissedHandoffShare = Share(missed, tickets.Count),
        };
    }

    private static double? Share(int part, int whole) => whole > 0 ? Math.Round(part / (double)whole, 4) : null;

    private static double? Mean(IEnumerable<double?> values)
    {
        var taken = values.OfType<double>().ToList();
        return taken.Count > 0 ? Math.Round(taken.Average(), 4) : null;
    }

    /// <summary>Counts per tenth: [0, 0.1), [0.1, 0.2), … [0.9, 1.0].</summary>
    private static List<int> Histogram(IEnumerable<double?> values)
    {
        var bins = new int[10];
        foreach (var v in values.OfType<double>())
        {
            bins[Math.Clamp((int)Math.Floor(v * 10), 0, 9)]++;
        }
        return [.. bins];
    }
}
