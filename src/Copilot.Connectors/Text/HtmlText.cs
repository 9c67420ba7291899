using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Copilot.Connectors.Text;

/// <summary>
/// Turns helpdesk HTML (ticket comments, articles, macros) into clean plain text that reads
/// well in a prompt or a search index: blocks become lines, lists get markers, links keep
/// their address, tables become "a | b" rows, scripts and styles vanish.
/// </summary>
public static class HtmlText
{
    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false };

    // The parser keeps per-parse state, so each thread gets its own.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser(ParserOptions));

    public static string ToText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }
        if (html.IndexOf('<') < 0 && html.IndexOf('&') < 0)
        {
            return TextWriter.Normalize(html);
        }
        var document = Parser.Value!.ParseDocument(html);
        var writer = new TextWriter();
        if (document.Body is { } body)
        {
            new HtmlWalker(writer).Walk(body);
        }
        return writer.ToString();
    }

    /// <summary>True when the text contains markup worth parsing.</summary>
    public static bool LooksLikeHtml(string? text) =>
        text is not null && System.Text.RegularExpressions.Regex.IsMatch(text, @"<\s*/?\s*[a-zA-Z][^>]*>|&[a-zA-Z#0-9]+;");
}
