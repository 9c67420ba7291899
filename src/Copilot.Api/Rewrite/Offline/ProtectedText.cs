using System.Text;
using System.Text.RegularExpressions;
using Copilot.Api.Privacy;

namespace Copilot.Api.Rewrite.Offline;

/// <summary>
/// The agent's text with everything the rules must never edit — code, links, email addresses,
/// placeholders, numbers and ids, file and domain names — swapped for one private-use character
/// each, so word rules cannot reach inside them. The same value always gets the same character,
/// so repeated sentences still compare equal.
/// </summary>
internal sealed partial class ProtectedText
{
    private const char First = '\uE000';
    private const char Last = '\uF8FF';

    private readonly List<(string Value, SpanKind Kind)> _spans;

    public enum SpanKind { Code, Link, Email, Placeholder, Number }

    private ProtectedText(List<(string Value, SpanKind Kind)> spans, string masked)
    {
        _spans = spans;
        Masked = masked;
    }

    /// <summary>The text with protected spans masked.</summary>
    public string Masked { get; }

    /// <summary>Null when the text cannot be masked safely (it already holds private-use characters, or too many spans).</summary>
    public static ProtectedText? Mask(string text)
    {
        if (text.Any(IsMark))
        {
            return null;
        }
        var spans = new List<(string Value, SpanKind Kind)>();
        var index = new Dictionary<string, char>(StringComparer.Ordinal);
        var tooMany = false;
        var masked = Spans().Replace(text, m =>
        {
            if (m.Groups["run"].Success)
            {
                return m.Value; // "done.Next": a missing space, not a name
            }
            if (!index.TryGetValue(m.Value, out var mark))
            {
                if (spans.Count > Last - First)
                {
                    tooMany = true;
                    return m.Value;
                }
                mark = (char)(First + spans.Count);
                index[m.Value] = mark;
                spans.Add((m.Value, KindOf(m)));
            }
            return mark.ToString();
        });
        return tooMany ? null : new ProtectedText(spans, masked);
    }

    /// <summary>The distinct spans of a text that a rewrite must keep, in order of first appearance.</summary>
    public static IReadOnlyList<(string Value, SpanKind Kind)> Find(string text) =>
        Spans().Matches(text).Where(m => !m.Groups["run"].Success).Select(m => (m.Value, KindOf(m))).Distinct().ToList();

    public static bool IsMark(char c) => c is >= First and <= Last;

    public SpanKind KindAt(char mark) => _spans[mark - First].Kind;

    /// <summary>The masked text with every span put back byte for byte.</summary>
    public string Unmask(string masked)
    {
        var text = new StringBuilder(masked.Length * 2);
        foreach (var c in masked)
        {
            if (IsMark(c))
            {
                text.Append(_spans[c - First].Value);
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    private static SpanKind KindOf(Match m) =>
        m.Groups["code"].Success ? SpanKind.Code
        : m.Groups["link"].Success ? SpanKind.Link
        : m.Groups["email"].Success ? SpanKind.Email
        : m.Groups["placeholder"].Success ? SpanKind.Placeholder
        : m.Groups["number"].Success ? SpanKind.Number
        : SpanKind.Link; // domain and file names

    [GeneratedRegex("""
        (?<code>```[\s\S]*?```|`[^`\n]+`)
        |(?<link>(?:https?://|ftp://|www\.)[^\s<>"'\)\]]*[^\s<>"'\)\].,;:!?])
        |(?<email>(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)
        |(?<placeholder>\{\{[^{}]{1,80}\}\}|\{%[^{}]{1,80}%\}|
        """ + RedactionMap.PlaceholderPattern + """
        )
        |(?<run>(?<![\p{L}\p{N}._-])\p{Ll}{2,}[.!?]\p{Lu}\p{Ll}+(?![\p{L}\p{N}._-]))
        |(?<dotted>(?<![\p{L}\p{N}_.-])[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*\.\p{L}[\p{L}\p{N}_-]+(?![\p{L}\p{N}_-])(?:/[^\s<>"'\)\]]*[^\s<>"'\)\].,;:!?])?)
        |(?<number>(?<![\p{L}\p{N}_#-])[#\p{L}_-]*\p{N}(?:[\p{L}\p{N}_]|[.,:/\-](?=[\p{L}\p{N}]))*)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Spans();
}
