using Copilot.Api.Replays.Report;
using Spectre.Console;

namespace Copilot.Api.Replays.Cli;

/// <summary>The report's per-intent table on the console.</summary>
public static class ReplaySummaryTable
{
    public static void Write(IAnsiConsole console, ReplayReport report)
    {
        var table = new Table().Title("Replay per intent").AddColumns("intent", "tickets", "suggestion", "useful", "ROUGE-L", "token F1", "cosine", "facts", "new promises", "hit@k", "triage", "missed handoffs");
        foreach (var row in report.Intents.Append(report.Overall))
        {
            table.AddRow(row.Name.EscapeMarkup(), row.Replayed.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Verdict ?? "", GoLive.Percent(row.UsefulShare),
                ReplayHtml.Number(row.RougeL), ReplayHtml.Number(row.TokenF1), ReplayHtml.Number(row.Cosine), GoLive.Percent(row.FactRecall),
                GoLive.Percent(row.NewPromiseShare), GoLive.Percent(row.HitAtK), GoLive.Percent(row.TriageAccuracy),
                row.MissedHandoffs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        console.Write(table);
    }
}
