using System.Text.RegularExpressions;

namespace Copilot.Api.Procedures;

/// <summary>
/// One version of a procedure: what an agent does for tickets of <see cref="Intent"/>, as the admin wrote it in Markdown
/// (<see cref="Steps"/>). <see cref="Retired"/>: this version takes the procedure out of use.
/// </summary>
public sealed partial record Procedure(string Id, int Version, string Intent, string Title, string Steps, bool Retired, DateTimeOffset CreatedAt)
{
    /// <summary>The steps one by one: the Markdown's list items (numbered or bulleted), or its lines when it has no list.</summary>
    public IReadOnlyList<string> StepList => StepsOf(Steps);

    public static IReadOnlyList<string> StepsOf(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var items = lines.Where(l => Item().IsMatch(l)).Select(l => Item().Replace(l, "").Trim()).Where(l => l.Length > 0).ToList();
        return items.Count > 0 ? items : lines;
    }

    /// <summary>"1. ", "2) ", "- ", "* ", "+ " at the start of a line.</summary>
    [GeneratedRegex(@"^(\d{1,3}[.)]|[-*+])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Item();
}
