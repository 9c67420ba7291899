using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Copilot.Fakes.Helpdesk;

/// <summary>How the fake helpdesks write times and the plain-text twins of HTML bodies.</summary>
internal static partial class FakeText
{
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A rough plain-text version of HTML, as the helpdesks' own text fields (<c>plain_body</c>, <c>body_text</c>).</summary>
    public static string PlainText(string html)
    {
        var text = BreakTags().Replace(html, "\n");
        text = AnyTag().Replace(text, "");
        return WebUtility.HtmlDecode(text).Replace('\u00A0', ' ').Trim();
    }

    public static bool LooksLikeHtml(string text) => AnyTag().IsMatch(text);

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/h[1-6])\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakTags();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex AnyTag();
}
