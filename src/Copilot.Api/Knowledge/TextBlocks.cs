using System.Text.RegularExpressions;
using Copilot.Api.Threads;

namespace Copilot.Api.Knowledge;

/// <summary>
/// How a source's lines hang together: list steps, the sentence that introduces a list, headings, and lines that cannot
/// open a text of their own. What a draft takes from a source and what the sidebar shows of it both keep a list whole
/// from its start, so they read it the same way.
/// </summary>
public static partial class TextBlocks
{
    /// <summary>A question this short on a line of its own ("Still flickering?", "Bought from a retailer?") heads a section.</summary>
    private const int MaxQuestionHeadingWords = 6;

    /// <summary>
    /// A step of a numbered or lettered list ("1.", "Step 2)", "a)") or an item of a bulleted one ("- ", "* ", "•"), its indent
    /// already trimmed.
    /// </summary>
    public static bool IsListItem(string line) =>
        ListStep().IsMatch(line) || LetteredStep().IsMatch(line) || line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal) || line.StartsWith('•');

    /// <summary>The number of a numbered step ("3. …", "Step 3) …"), and how long its marker is; null for any other line.</summary>
    public static (int Number, int MarkerLength)? Step(string line) =>
        ListStep().Match(line) is { Success: true } m ? (int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Length) : null;

    /// <summary>A line that cannot open a text: a list step other than the first, or a sentence begun in lower case.</summary>
    public static bool IsFragmentStart(string line)
    {
        if (Step(line) is { } step)
        {
            return step.Number != 1;
        }
        return line.Length > 0 && (char.IsLower(line[0]) || Continuation().IsMatch(line));
    }

    /// <summary>
    /// A short line without closing punctuation, or a short question on its own line, is a heading: out of its place it
    /// reads as a broken sentence, or asks what the section it headed answered. A list item never is, though a menu path
    /// ("- iPhone: Settings > Subscriptions") has no full stop either.
    /// </summary>
    public static bool IsHeading(string line) =>
        !char.IsDigit(line[0]) && !IsListItem(line)
        && (!EndsSentence(line) && (ThreadText.WordCount(line) <= 8 || line.Contains(" > ", StringComparison.Ordinal))
            || line[^1] == '?' && ThreadText.WordCount(line) <= MaxQuestionHeadingWords);

    public static bool EndsSentence(string line) => ".!?:;…\"'".Contains(line[^1]);

    /// <summary>
    /// Lines grouped into blocks, each given as the range of its lines: a paragraph alone, or the items of one list together
    /// with the line that introduces them ("… must be cancelled there:"). A numbered step "1." after a list starts another.
    /// </summary>
    public static List<Range> Blocks(IReadOnlyList<string> lines)
    {
        var blocks = new List<Range>();
        for (var i = 0; i < lines.Count; i++)
        {
            var previous = i > 0 ? lines[i - 1] : null;
            if (previous is not null && IsListItem(lines[i])
                && (IsListItem(previous) && Step(lines[i])?.Number != 1 || previous.EndsWith(':')))
            {
                blocks[^1] = new Range(blocks[^1].Start, i + 1);
            }
            else
            {
                blocks.Add(new Range(i, i + 1));
            }
        }
        return blocks;
    }

    /// <summary>The bullet of a bulleted item and the space after it ("- ", "* ", "• ", "– ", "· "), its indent included.</summary>
    [GeneratedRegex(@"^[ \t]*[-*•–·][ \t]+")]
    public static partial Regex Bullet();

    [GeneratedRegex(@"^(step\s+)?(?<n>\d{1,2})[.)]\s", RegexOptions.IgnoreCase)]
    private static partial Regex ListStep();

    [GeneratedRegex(@"^[a-z][.)]\s")]
    private static partial Regex LetteredStep();

    [GeneratedRegex(@"^(and|but|or|so|then|also|this|that|it|they|these|those|und|aber|oder|dann|et|mais|ou|puis|y|pero|en|maar|e|mas|ma)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Continuation();
}
