using System.Globalization;

namespace Copilot.Api.Replays.Report;

/// <summary>
/// Whether to switch the copilot on for an intent, from its replay: go when enough tickets were replayed, enough drafts
/// were useful, few promised what the agent did not, few tickets that belonged with a person got a draft, and — where
/// agents used articles often enough to tell — retrieval surfaced them. Every condition is reported, met or not.
/// </summary>
public static class GoLive
{
    public const string Go = "go";
    public const string NoGo = "no-go";
    public const string TooFew = "too-few";

    public const int MinTickets = 10;
    public const double UsefulShare = 0.6;
    public const double NewPromiseShare = 0.1;
    public const double MissedHandoffShare = 0.05;
    public const double HitAtK = 0.5;
    public const int MinRetrieval = 5;

    public static MeasureRow Judge(MeasureRow row)
    {
        var evidence = new List<Evidence>
        {
            new("tickets", row.Replayed, $"≥ {MinTickets}", row.Replayed >= MinTickets, $"{row.Replayed} replayed (≥ {MinTickets})"),
            AtLeast("useful drafts", row.UsefulShare, UsefulShare, $"{row.AsIs + row.NeedsEdits} of {row.Drafted}"),
            AtMost("new promises", row.NewPromiseShare, NewPromiseShare, "of drafts"),
            AtMost("missed handoffs", row.MissedHandoffShare, MissedHandoffShare, $"{row.MissedHandoffs} tickets"),
        };
        if (row.RetrievalMeasured >= MinRetrieval)
        {
            evidence.Add(AtLeast("hit@k", row.HitAtK, HitAtK, $"over {row.RetrievalMeasured} tickets"));
        }
        var verdict = row.Replayed < MinTickets ? TooFew : evidence.All(e => e.Met) ? Go : NoGo;
        return row with { Verdict = verdict, Evidence = evidence };
    }

    private static Evidence AtLeast(string measure, double? value, double threshold, string detail) =>
        new(measure, value, $"≥ {Percent(threshold)}", value >= threshold, $"{Percent(value)}, {detail} (≥ {Percent(threshold)})");

    private static Evidence AtMost(string measure, double? value, double threshold, string detail) =>
        new(measure, value, $"≤ {Percent(threshold)}", value is null || value <= threshold, $"{Percent(value)}, {detail} (≤ {Percent(threshold)})");

    public static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";
}
