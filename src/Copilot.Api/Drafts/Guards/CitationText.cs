using System.Text.RegularExpressions;
using Copilot.Api.Knowledge;
using Copilot.Api.Tenants;

namespace Copilot.Api.Drafts.Guards;

/// <summary>
/// Turns the model's <c>[n]</c> markers into what a customer can read, per the tenant's <see cref="CitationStyle"/>:
/// the article's link or title in brackets, once per source (its first citation), or nothing. Macros and past
/// replies are the team's own material (a past reply's link opens another customer's ticket): their markers go.
/// </summary>
public static class CitationText
{
    /// <param name="named">The sources already named (1-based): a stream passes the same set for every piece.</param>
    public static string Render(string text, IReadOnlyList<KnowledgeHit> sources, CitationStyle style, ISet<int>? named = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sources);
        named ??= new HashSet<int>();
        // A marker takes the space before it, so a dropped one leaves none behind: "any time [1]." → "any time."
        return CitationCheck.Marker().Replace(text, m =>
        {
            var names = new List<string>();
            foreach (Capture c in m.Groups["n"].Captures)
            {
                if (int.TryParse(c.Value, out var n) && n >= 1 && n <= sources.Count && named.Add(n) && Name(sources[n - 1], style) is { } name)
                {
                    names.Add(name);
                }
            }
            return names.Count == 0 ? "" : $"{m.Groups["space"].Value}({string.Join("; ", names)})";
        });
    }

    private static string? Name(KnowledgeHit source, CitationStyle style) => source.Kind is SourceKind.Article or SourceKind.Document
        ? style switch
        {
            CitationStyle.Link => source.Url is { Length: > 0 } url ? url : source.Title,
            CitationStyle.Title => source.Title,
            _ => null,
        }
        : null;
}
