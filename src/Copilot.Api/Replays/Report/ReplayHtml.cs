using System.Globalization;
using System.Text;
using static Copilot.Api.Replays.Report.SvgCharts;

namespace Copilot.Api.Replays.Report;

/// <summary>
/// A run's report as one self-contained HTML page (inline CSS and SVG, no script, nothing loaded from elsewhere): per-intent
/// go/no-go with evidence, the bands per intent, the distributions, the boundary rules, the best and worst examples side
/// by side (personal data masked when the tickets were replayed), and the thresholds.
/// </summary>
public static class ReplayHtml
{
    public static string Render(ReplayReport report)
    {
        var r = report.Run;
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        html.Append($"<title>Replay {E(r.Label ?? r.Id)}</title><style>{ReportStyle.Css}</style></head><body><main>");
        html.Append($"<h1>Replay: {E(r.Label ?? "solved tickets")}</h1>");
        html.Append($"<p class=\"meta\">Run {E(r.Id)} · tenant {E(r.Tenant)} · {E(r.Source)} · {E(r.Status)} · {r.Progress.Done} of {r.Progress.Planned?.ToString(CultureInfo.InvariantCulture) ?? "?"} tickets"
            + $" · started {r.CreatedAt:yyyy-MM-dd HH:mm} UTC · provider {E(string.Join(", ", r.Providers))} · {E(Filter(r.Request))}</p>");
        html.Append(Cards(report.Overall));
        html.Append("<section><h2>Go-live per intent</h2><p>A suggestion from the replay, not a decision: each condition and its measure is listed.</p>");
        html.Append("<div class=\"scroll\">").Append(IntentTable([.. report.Intents, report.Overall])).Append("</div>");
        html.Append("</section><section><h2>How the drafts would have been used</h2>").Append(ReportStyle.Legend);
        html.Append(StackedBars("Drafts per intent by usefulness band", [.. report.Intents.Select(Bands), Bands(report.Overall)]));
        html.Append("</section><section><h2>Distributions over drafted tickets</h2><div class=\"grid3\">");
        html.Append($"<div><h3>ROUGE-L F1</h3>{Histogram("ROUGE-L F1 of drafts", report.Distributions.RougeL)}</div>");
        html.Append($"<div><h3>Token F1</h3>{Histogram("Token F1 of drafts", report.Distributions.TokenF1)}</div>");
        html.Append($"<div><h3>Embedding cosine</h3>{Histogram("Embedding cosine of drafts", report.Distributions.Cosine)}</div></div></section>");
        html.Append(Boundaries(report.Boundaries));
        html.Append("<section><h2>Best and worst examples</h2><div class=\"pair\"><div><h3>Best</h3>");
        html.Append(string.Concat(report.Best.Select(Example))).Append("</div><div><h3>Worst</h3>");
        html.Append(string.Concat(report.Worst.Select(Example))).Append("</div></div></section>");
        html.Append(ThresholdsSection(report.Thresholds, report.Skipped));
        return html.Append("</main></body></html>").ToString();
    }

    private static string Cards(MeasureRow o) => "<div class=\"cards\">"
        + Card(o.Replayed.ToString(CultureInfo.InvariantCulture), "tickets replayed")
        + Card(GoLive.Percent(o.UsefulShare), "drafts usable (as is or edited)")
        + Card(Number(o.RougeL), "mean ROUGE-L F1")
        + Card(Number(o.Cosine), "mean embedding cosine")
        + Card(GoLive.Percent(o.FactRecall), "agents' facts in the drafts")
        + Card(GoLive.Percent(o.HitAtK), $"hit@k ({o.RetrievalMeasured} tickets)")
        + Card(GoLive.Percent(o.TriageAccuracy), $"triage right ({o.TriageMeasured} tickets)")
        + Card(o.MissedHandoffs.ToString(CultureInfo.InvariantCulture), "missed handoffs")
        + "</div>";

    private static string Card(string value, string label) => $"<div class=\"card\"><b>{E(value)}</b><span>{E(label)}</span></div>";

    public static string IntentTable(IReadOnlyList<MeasureRow> rows)
    {
        var t = new StringBuilder("<table class=\"intents\"><thead><tr><th>intent</th><th>tickets</th><th>suggestion</th><th>useful</th><th>as is</th><th>edits</th><th>not useful</th><th>withheld</th>"
            + "<th>ROUGE-L</th><th>token F1</th><th>cosine</th><th>facts</th><th>new promises</th><th>hit@1</th><th>hit@k</th><th>triage</th><th>missed handoffs</th>"
            + "<th class=\"why\">why</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            var evidence = string.Concat(row.Evidence.Select(e => $"<li class=\"{(e.Met ? "met" : "unmet")}\">{(e.Met ? "✓" : "✗")} {E(e.Measure)}: {E(e.Text)}</li>"));
            t.Append($"<tr><td>{E(row.Name)}</td><td>{row.Replayed}</td><td><span class=\"verdict {row.Verdict}\">{E(row.Verdict)}</span></td>");
            t.Append($"<td>{GoLive.Percent(row.UsefulShare)}</td><td>{row.AsIs}</td><td>{row.NeedsEdits}</td><td>{row.NotUseful}</td><td>{row.Withheld}</td>");
            t.Append($"<td>{Number(row.RougeL)}</td><td>{Number(row.TokenF1)}</td><td>{Number(row.Cosine)}</td><td>{GoLive.Percent(row.FactRecall)}</td>");
            t.Append($"<td>{GoLive.Percent(row.NewPromiseShare)}</td><td>{GoLive.Percent(row.HitAt1)}</td><td>{GoLive.Percent(row.HitAtK)}</td>");
            t.Append($"<td>{GoLive.Percent(row.TriageAccuracy)}</td><td>{row.MissedHandoffs}</td><td class=\"why\"><ul class=\"evidence\">{evidence}</ul></td></tr>");
        }
        return t.Append("</tbody></table>").ToString();
    }

    private static (string, IReadOnlyList<Segment>) Bands(MeasureRow row) => (row.Name,
        [new(row.AsIs, Usefulness.AsIs, "used as is"), new(row.NeedsEdits, Usefulness.NeedsEdits, "needs edits"),
         new(row.NotUseful, Usefulness.NotUseful, "not useful"), new(row.Withheld, Usefulness.Withheld, "kept with a person")]);

    private static string Boundaries(BoundaryCounts b) =>
        "<section><h2>Boundary rules</h2><p>Did a handoff rule keep the ticket with a person, and did it belong with one (the agent escalated it, or the customer asked for a person)?</p>"
        + "<table><thead><tr><th></th><th>belonged with a person</th><th>did not</th></tr></thead><tbody>"
        + $"<tr><td>kept with a person (no draft)</td><td>{b.KeptRightly} right</td><td>{b.KeptNeedlessly} needlessly</td></tr>"
        + $"<tr><td>drafted</td><td>{b.Missed} missed</td><td>{b.DraftedRightly} right</td></tr></tbody></table></section>";

    private static string Example(TicketResult r) =>
        $"<div class=\"example\"><b>Ticket {E(r.TicketId)}</b> · {E(ReportBuilder.IntentOf(r))} · {E(r.Band)} · ROUGE-L {Number(r.RougeL)} · token F1 {Number(r.TokenF1)} · cosine {Number(r.Cosine)}"
        + $" · facts {r.FactsFound}/{r.Facts}{(r.NewPromises.Count > 0 ? " · new promises: " + E(string.Join("; ", r.NewPromises)) : "")}"
        + $"<div class=\"label\">customer</div><pre>{E(r.Customer)}</pre><div class=\"pair\"><div><div class=\"label\">agent's first reply</div><pre>{E(r.Reply)}</pre></div>"
        + $"<div><div class=\"label\">copilot's draft</div><pre>{E(r.Draft)}</pre></div></div></div>";

    private static string ThresholdsSection(Thresholds t, IReadOnlyList<SkipCount> skipped) =>
        "<section><h2>How to read this</h2><ul>"
        + $"<li><b>Used as is</b>: ROUGE-L ≥ {t.AsIsRougeL}, cosine ≥ {t.AsIsCosine} (when measured), at least {GoLive.Percent(t.AsIsFactRecall)} of the agent's facts, and no promise the agent did not make.</li>"
        + $"<li><b>Needs edits</b>: otherwise ROUGE-L ≥ {t.EditsRougeL}, token F1 ≥ {t.EditsTokenF1} or cosine ≥ {t.EditsCosine}. <b>Not useful</b>: below all three.</li>"
        + $"<li><b>Go</b> for an intent: at least {t.GoMinTickets} tickets, ≥ {GoLive.Percent(t.GoUsefulShare)} of drafts usable, ≤ {GoLive.Percent(t.GoNewPromiseShare)} with new promises, "
        + $"≤ {GoLive.Percent(t.GoMissedHandoffShare)} missed handoffs, and hit@k ≥ {GoLive.Percent(t.GoHitAtK)} where agents used articles on at least {t.GoMinRetrieval} tickets.</li>"
        + $"<li>An article counts as used when the reply links to it or quotes {t.QuoteTokens} words of it in a row; a step is found when the draft holds {GoLive.Percent(t.StepRecall)} of its words.</li>"
        + $"<li>Texts are masked: names, contact details, credentials, numbers, amounts, dates and links are placeholders.</li></ul>"
        + (skipped.Count > 0 ? "<h3>Not replayed</h3><ul>" + string.Concat(skipped.Select(s => $"<li>{s.Tickets}: {E(s.Reason)}</li>")) + "</ul>" : "")
        + "</section>";

    private static string Filter(ReplayRequest q)
    {
        var parts = new List<string>();
        if (q.From is { } from) parts.Add($"from {from:yyyy-MM-dd}");
        if (q.To is { } to) parts.Add($"to {to:yyyy-MM-dd}");
        if (q.Intent is { } intent) parts.Add($"intent {intent}");
        if (q.Group is { } group) parts.Add($"group {group}");
        if (q.Count is { } count) parts.Add(q.Sample ? $"random {count} (seed {q.Seed ?? 0})" : $"newest {count}");
        return parts.Count > 0 ? string.Join(", ", parts) : "all solved tickets";
    }

    public static string Number(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";
}
