using System.Net;
using System.Text.RegularExpressions;
using Markdig;

namespace Copilot.Api.Knowledge;

/// <summary>Turns imported bodies (Markdown or HTML) into the plain text the index holds.</summary>
public static partial class TextConversion
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>HTML when the body starts with a tag or holds block-level tags; Markdown (or plain text) otherwise.</summary>
    /// <returns>null when the body is Markdown the parser refuses (see <see cref="MarkdownToText"/>).</returns>
    public static string? ToPlainText(string body) =>
        LooksLikeHtml(body) ? HtmlToText(body) : MarkdownToText(body);

    public static bool LooksLikeHtml(string body) =>
        body.TrimStart().StartsWith('<') || BlockTag().IsMatch(body);

    /// <returns>
    /// null when Markdig refuses the text: it stops at a nesting depth limit, which a table with
    /// thousands of columns also reaches.
    /// </returns>
    public static string? MarkdownToText(string markdown)
    {
        try
        {
            return Tidy(WebUtility.HtmlDecode(Markdown.ToPlainText(markdown, Pipeline)));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Why <see cref="MarkdownToText"/> gave no text, for the admin who sent it.</summary>
    public const string UnreadableMarkdown =
        "The Markdown nests too deeply to read (a table with thousands of columns, or deeply nested lists or quotes).";

    /// <summary>Drops scripts, styles and tags; block tags become line breaks so paragraphs survive.</summary>
    public static string HtmlToText(string html)
    {
        var text = ScriptOrStyle().Replace(html, " ");
        text = Comment().Replace(text, " ");
        text = BlockBoundary().Replace(text, "\n");
        text = AnyTag().Replace(text, " ");
        return Tidy(WebUtility.HtmlDecode(text));
    }

    private static string Tidy(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => SpaceRun().Replace(l, " ").Trim());
        return BlankLines().Replace(string.Join("\n", lines), "\n\n").Trim();
    }

    [GeneratedRegex(@"<(p|div|h[1-6]|ul|ol|li|table|tr|br|section|article)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<\s*(br|/?(p|div|h[1-6]|li|ul|ol|tr|table|section|article|blockquote|pre))\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockBoundary();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t\u00a0]+")]
    private static partial Regex SpaceRun();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
