using System.Globalization;
using System.Net;
using System.Text;

namespace Copilot.Api.Replays.Report;

/// <summary>Charts drawn as inline SVG, so a report is one file that opens anywhere, offline. Each has a title for screen readers.</summary>
public static class SvgCharts
{
    public sealed record Segment(double Value, string Class, string Label);

    /// <summary>One horizontal bar per row, its segments side by side as shares of the row's total.</summary>
    public static string StackedBars(string title, IReadOnlyList<(string Label, IReadOnlyList<Segment> Segments)> rows)
    {
        const int labelWidth = 180, barWidth = 520, rowHeight = 26;
        var height = rows.Count * rowHeight + 10;
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg role=\"img\" viewBox=\"0 0 {labelWidth + barWidth + 60} {height}\" width=\"100%\" aria-label=\"{E(title)}\"><title>{E(title)}</title>"));
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, segments) = rows[i];
            var y = i * rowHeight + 5;
            var total = segments.Sum(s => s.Value);
            svg.Append(Inv($"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" class=\"axis\">{E(Short(label))}</text>"));
            double x = labelWidth;
            foreach (var s in segments.Where(s => s.Value > 0))
            {
                var w = total > 0 ? s.Value / total * barWidth : 0;
                svg.Append(Inv($"<rect x=\"{x:0.##}\" y=\"{y}\" width=\"{w:0.##}\" height=\"{rowHeight - 8}\" class=\"{s.Class}\"><title>{E(label)}: {E(s.Label)} {s.Value:0.##}</title></rect>"));
                x += w;
            }
            svg.Append(Inv($"<text x=\"{labelWidth + barWidth + 6}\" y=\"{y + 16}\" class=\"axis\">{total:0}</text>"));
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Vertical bars, one per tenth of 0–1.</summary>
    public static string Histogram(string title, IReadOnlyList<int> bins)
    {
        const int width = 300, height = 140, bottom = 20;
        var max = Math.Max(1, bins.DefaultIfEmpty(0).Max());
        var step = width / (double)Math.Max(1, bins.Count);
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg role=\"img\" viewBox=\"0 0 {width} {height + bottom}\" width=\"100%\" aria-label=\"{E(title)}\"><title>{E(title)}</title>"));
        for (var i = 0; i < bins.Count; i++)
        {
            var h = bins[i] / (double)max * (height - 16);
            var x = i * step;
            svg.Append(Inv($"<rect x=\"{x + 2:0.##}\" y=\"{height - h:0.##}\" width=\"{step - 4:0.##}\" height=\"{h:0.##}\" class=\"bar\"><title>{i / 10.0:0.0}–{(i + 1) / 10.0:0.0}: {bins[i]}</title></rect>"));
            if (bins[i] > 0)
            {
                svg.Append(Inv($"<text x=\"{x + step / 2:0.##}\" y=\"{height - h - 3:0.##}\" text-anchor=\"middle\" class=\"value\">{bins[i]}</text>"));
            }
            if (i % 2 == 0)
            {
                svg.Append(Inv($"<text x=\"{x:0.##}\" y=\"{height + 14}\" class=\"axis\">{i / 10.0:0.0}</text>"));
            }
        }
        return svg.Append(Inv($"<text x=\"{width - 2}\" y=\"{height + 14}\" text-anchor=\"end\" class=\"axis\">1.0</text></svg>")).ToString();
    }

    private static string Short(string label) => label.Length <= 26 ? label : label[..25] + "…";

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
