using System.Text;
using System.Text.RegularExpressions;

namespace Copilot.Api.Drafts.Guards;

/// <summary>The draft with only real citations left, the sources it cites (1-based, first use first), and the numbers it made up.</summary>
public sealed record CitationCheckResult(string Text, IReadOnlyList<int> Cited, IReadOnlyList<int> Invented);

/// <summary>
/// Keeps <c>[n]</c> markers that point at one of the numbered sources and drops the rest. Handles
/// grouped markers (<c>[1, 3]</c>) and leaves Markdown link labels and redaction placeholders alone.
/// </summary>
public static partial class CitationCheck
{
    public static CitationCheckResult Check(string draft, int sourceCount)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentOutOfRangeException.ThrowIfNegative(sourceCount);
        var cited = new List<int>();
        var invented = new List<int>();
        var text = Marker().Replace(draft, m =>
        {
            var kept = new List<int>();
            foreach (Capture c in m.Groups["n"].Captures)
            {
                if (!int.TryParse(c.Value, out var n) || n < 1 || n > sourceCount)
                {
                    invented.Add(int.TryParse(c.Value, out n) ? n : -1);
                    continue;
                }
                kept.Add(n);
                if (!cited.Contains(n))
                {
                    cited.Add(n);
                }
            }
            return kept.Count == 0 ? "" : m.Groups["space"].Value + "[" + string.Join(", ", kept) + "]";
        });
        return new CitationCheckResult(invented.Count == 0 ? draft : Tidy(text), cited, invented);
    }

    public static CitationCheckResult Check<T>(string draft, IReadOnlyList<T> sources) => Check(draft, sources.Count);

    private static string Tidy(string text) => SpaceBeforePunctuation().Replace(DoubleSpace().Replace(text, " "), "$1").TrimEnd();

    /// <summary>[3] or [1, 2]; not [text](url) and not [EMAIL_1].</summary>
    [GeneratedRegex(@"(?<space>[ \t]?)\[(?<n>\d{1,4})(?:\s*[,;]\s*(?<n>\d{1,4}))*\](?!\()", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    internal static partial Regex Marker();

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleSpace();

    [GeneratedRegex(@"[ \t]+([.,;:!?])", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceBeforePunctuation();
}
