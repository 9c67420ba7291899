namespace Copilot.Api.Replays.Report;

/// <summary>The report pages' one stylesheet, inlined into each page.</summary>
public static class ReportStyle
{
    public const string Css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:0;background:#f6f8fa}
        main{max-width:1180px;margin:0 auto;padding:24px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px}h3{font-size:14px;margin:12px 0 6px}
        .meta{color:#57606a;margin:0 0 16px}
        section,.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:14px 16px;margin-bottom:14px}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px}
        .card{margin:0}.card b{display:block;font-size:20px}.card span{color:#57606a;font-size:12px}
        table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #eaeef2;padding:5px 6px;text-align:right;vertical-align:top}
        th:first-child,td:first-child{text-align:left}th{background:#f6f8fa;font-weight:600}
        .go{background:#dafbe1;color:#116329}.no-go{background:#ffebe9;color:#a40e26}.too-few{background:#eaeef2;color:#57606a}
        .verdict{border-radius:10px;padding:1px 8px;font-weight:600;white-space:nowrap}
        ul.evidence{margin:0;padding:0;list-style:none;text-align:left;font-size:12px}ul.evidence .unmet{color:#a40e26}
        th.why,td.why{text-align:left;min-width:250px}.scroll{overflow-x:auto}
        .grid3{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:12px}
        .pair{display:grid;grid-template-columns:1fr 1fr;gap:12px}
        .example{border:1px solid #d0d7de;border-radius:6px;padding:8px 10px;margin-bottom:10px;background:#fff}
        .example pre{white-space:pre-wrap;word-break:break-word;font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;background:#f6f8fa;padding:6px;border-radius:4px;margin:2px 0 6px;max-height:220px;overflow:auto}
        .example .label{font-size:11px;color:#57606a;text-transform:uppercase;letter-spacing:.04em}
        svg text.axis{font-size:11px;fill:#57606a}svg text.value{font-size:10px;fill:#1f2328}svg .bar{fill:#0969da}
        svg .as-is{fill:#1a7f37}svg .needs-edits{fill:#d4a72c}svg .not-useful{fill:#cf222e}svg .withheld{fill:#8c959f}
        .legend span{display:inline-block;margin-right:12px;font-size:12px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
        .up{color:#116329}.down{color:#a40e26}
        @media (max-width:760px){.pair{grid-template-columns:1fr}}
        """;

    public const string Legend = """
        <p class="legend"><span><i style="background:#1a7f37"></i>used as is</span><span><i style="background:#d4a72c"></i>needs edits</span><span><i style="background:#cf222e"></i>not useful</span><span><i style="background:#8c959f"></i>kept with a person (no draft)</span></p>
        """;
}
