using System.Text;
using System.Text.RegularExpressions;

namespace Copilot.Api.Drafts.Guards;

public sealed record LinkCheckResult(string Text, IReadOnlyList<string> RemovedUrls);

/// <summary>
/// Removes links a draft invents: any URL that does not appear in the sources goes. A Markdown or
/// HTML link keeps its text; a bare URL is dropped. Comparison ignores scheme case, host case and a
/// trailing slash, nothing else: a different path is a different page.
/// </summary>
public static partial class LinkCheck
{
    public static LinkCheckResult Check(string draft, IEnumerable<string> sources)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(sources);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (Match m in Url().Matches(source ?? ""))
            {
                known.Add(Normalise(Trim(m.Value)));
            }
        }
        var removed = new List<string>();
        var text = Link().Replace(draft, m =>
        {
            var url = m.Groups["mdurl"].Success ? m.Groups["mdurl"].Value
                : m.Groups["href"].Success ? m.Groups["href"].Value
                : Trim(m.Value);
            if (known.Contains(Normalise(url)))
            {
                return m.Value;
            }
            removed.Add(url);
            var label = m.Groups["mdtext"].Success ? m.Groups["mdtext"].Value
                : m.Groups["atext"].Success ? m.Groups["atext"].Value
                : "";
            // A bare URL keeps the punctuation the pattern took after it (end of sentence).
            return label + (m.Groups["mdurl"].Success || m.Groups["href"].Success ? "" : m.Value[Trim(m.Value).Length..]);
        });
        return new LinkCheckResult(removed.Count == 0 ? draft : Tidy(text), removed);
    }

    private static string Trim(string url) => url.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '\'', '"');

    private static string Normalise(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url;
        }
        var builder = new StringBuilder(uri.Scheme.ToLowerInvariant()).Append("://").Append(uri.Host.ToLowerInvariant());
        if (!uri.IsDefaultPort)
        {
            builder.Append(':').Append(uri.Port);
        }
        return builder.Append(uri.PathAndQuery.TrimEnd('/')).Append(uri.Fragment).ToString();
    }

    /// <summary>Dropping a bare URL can leave doubled spaces or a space before punctuation.</summary>
    private static string Tidy(string text) => SpaceBeforePunctuation().Replace(DoubleSpace().Replace(text, " "), "$1");

    [GeneratedRegex(@"https?://[^\s<>""'\)\]]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\[(?<mdtext>[^\]\r\n]*)\]\((?<mdurl>https?://[^\s\)]+)\)|<a\s[^>]*?href\s*=\s*[""'](?<href>https?://[^""']+)[""'][^>]*>(?<atext>.*?)</a>|https?://[^\s<>""'\]]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleSpace();

    [GeneratedRegex(@"[ \t]+([.,;:!?])", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceBeforePunctuation();
}
