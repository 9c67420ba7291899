using System.Globalization;
using System.Text;
using static Copilot.Api.Replays.Report.SvgCharts;

namespace Copilot.Api.Replays.Report;

/// <summary>One intent in two runs (before and after a change of knowledge, prompt or model); null where a run had none.</summary>
public sealed record ComparedRow(string Name, MeasureRow? Before, MeasureRow? After);

/// <summary>Two runs side by side: the first is "before", the second "after".</summary>
public sealed record ComparisonReport(RunInfo Before, RunInfo After, ComparedRow Overall, IReadOnlyList<ComparedRow> Intents)
{
    public static ComparisonReport Of(ReplayReport before, ReplayReport after)
    {
        var names = before.Intents.Select(r => r.Name).Concat(after.Intents.Select(r => r.Name)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
        MeasureRow? Find(ReplayReport report, string name) => report.Intents.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
        return new ComparisonReport(before.Run, after.Run, new ComparedRow(before.Overall.Name, before.Overall, after.Overall),
            names.Select(n => new ComparedRow(n, Find(before, n), Find(after, n))).ToList());
    }
}

/// <summary>The comparison as one self-contained HTML page.</summary>
public static class ComparisonHtml
{
    private static readonly (string Name, Func<MeasureRow, double?> Of)[] Measures =
    [
        ("useful", r => r.UsefulShare), ("ROUGE-L", r => r.RougeL), ("token F1", r => r.TokenF1), ("cosine", r => r.Cosine),
        ("facts", r => r.FactRecall), ("new promises", r => r.NewPromiseShare), ("hit@k", r => r.HitAtK), ("triage", r => r.TriageAccuracy),
    ];

    public static string Render(ComparisonReport c)
    {
        var html = new StringBuilder();
        html.Append($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Replays compared</title><style>{ReportStyle.Css}</style></head><body><main>");
        html.Append($"<h1>Replays compared: {E(c.Before.Label ?? c.Before.Id)} → {E(c.After.Label ?? c.After.Id)}</h1>");
        html.Append($"<p class=\"meta\">Before: run {E(c.Before.Id)} ({c.Before.CreatedAt:yyyy-MM-dd HH:mm} UTC, {c.Before.Progress.Done} tickets). After: run {E(c.After.Id)} ({c.After.CreatedAt:yyyy-MM-dd HH:mm} UTC, {c.After.Progress.Done} tickets).</p>");
        html.Append("<section><h2>Per intent</h2><table><thead><tr><th>intent</th><th>tickets</th><th>suggestion</th>");
        html.Append(string.Concat(Measures.Select(m => $"<th>{E(m.Name)}</th>"))).Append("</tr></thead><tbody>");
        foreach (var row in c.Intents.Append(c.Overall))
        {
            html.Append($"<tr><td>{E(row.Name)}</td><td>{row.Before?.Replayed.ToString(CultureInfo.InvariantCulture) ?? "—"} → {row.After?.Replayed.ToString(CultureInfo.InvariantCulture) ?? "—"}</td>");
            html.Append($"<td>{Verdict(row.Before)} → {Verdict(row.After)}</td>");
            foreach (var (name, of) in Measures)
            {
                html.Append($"<td>{Cell(row.Before is null ? null : of(row.Before), row.After is null ? null : of(row.After), lowerIsBetter: name == "new promises")}</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></section><section><h2>Drafts by usefulness band, before and after</h2>").Append(ReportStyle.Legend);
        var bars = c.Intents.Append(c.Overall).SelectMany(r => new[] { (r.Name + " · before", r.Before), (r.Name + " · after", r.After) })
            .Where(p => p.Item2 is not null)
            .Select(p => (p.Item1, (IReadOnlyList<Segment>)[new(p.Item2!.AsIs, Usefulness.AsIs, "used as is"), new(p.Item2.NeedsEdits, Usefulness.NeedsEdits, "needs edits"),
                new(p.Item2.NotUseful, Usefulness.NotUseful, "not useful"), new(p.Item2.Withheld, Usefulness.Withheld, "kept with a person")]))
            .ToList();
        html.Append(StackedBars("Drafts per intent by usefulness band, before and after", bars)).Append("</section>");
        return html.Append("</main></body></html>").ToString();
    }

    private static string Verdict(MeasureRow? row) => row?.Verdict is { } v ? $"<span class=\"verdict {v}\">{E(v)}</span>" : "—";

    private static string Cell(double? before, double? after, bool lowerIsBetter)
    {
        var text = $"{ReplayHtml.Number(before)} → {ReplayHtml.Number(after)}";
        if (before is not { } b || after is not { } a || Math.Abs(a - b) < 0.0005)
        {
            return text;
        }
        var better = lowerIsBetter ? a < b : a > b;
        return $"{text} <span class=\"{(better ? "up" : "down")}\">{(a > b ? "▲" : "▼")}{Math.Abs(a - b).ToString("0.000", CultureInfo.InvariantCulture)}</span>";
    }
}
