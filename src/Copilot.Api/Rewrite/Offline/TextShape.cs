using System.Text.RegularExpressions;
using Copilot.Api.Threads;

namespace Copilot.Api.Rewrite.Offline;

/// <summary>The parts of a reply the rules reason about: the greeting line, the sign-off, list items, sentence starts.</summary>
internal static partial class TextShape
{
    public static string[] Lines(string text) => text.Split('\n');

    /// <summary>Index of the greeting line ("Hi Anna,", "Hallo {{ticket.requester.first_name}},"), or -1.</summary>
    public static int GreetingLine(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                return ThreadText.IsGreetingLine(lines[i]) ? i : -1;
            }
        }
        return -1;
    }

    /// <summary>Index of the line that starts the sign-off ("Best regards," and a name), or -1.</summary>
    public static int SignOffStart(IReadOnlyList<string> lines)
    {
        var start = ThreadText.SignOffStart(lines);
        if (start >= 0)
        {
            return start;
        }
        var last = LastNonEmpty(lines);
        return last >= 0 && ThreadText.IsClosingLine(lines[last]) ? last : -1;
    }

    public static int LastNonEmpty(IReadOnlyList<string> lines)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (lines[i].Trim().Length > 0)
            {
                return i;
            }
        }
        return -1;
    }

    public static bool IsListItem(string line) => ListMarker().IsMatch(line);

    /// <summary>
    /// Whether the full stop at <paramref name="dot"/> does not end a sentence: it follows an abbreviation, an initial or
    /// another dot (<see cref="Abbreviations"/>), or numbers a list item ("1. ").
    /// </summary>
    public static bool IsAbbreviationDot(string text, int dot)
    {
        if (Abbreviations.Before(text, dot))
        {
            return true;
        }
        var lineStart = text.LastIndexOf('\n', Math.Max(0, dot - 1)) + 1;
        return dot > 0 && !char.IsLetter(text[dot - 1]) && text[dot - 1] != '.' && ListMarker().IsMatch(text[lineStart..Math.Min(text.Length, dot + 2)]);
    }

    /// <summary>Whether <paramref name="index"/> starts a sentence: the start of a line, or after a sentence's end.</summary>
    public static bool AtSentenceStart(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or '"' or '\'' or '(' or '¡' or '¿')
        {
            i--;
        }
        if (i < 0 || text[i] == '\n')
        {
            return true;
        }
        return text[i] is '!' or '?' || (text[i] == '.' && !IsAbbreviationDot(text, i));
    }

    /// <summary>Runs of blank lines become one; spaces left at line ends go.</summary>
    public static string Tidy(string text) => BlankLines().Replace(LineEndSpaces().Replace(text, ""), "\n\n").Trim('\n');

    [GeneratedRegex(@"^\s*(?:[-*•–·]|(?:\d{1,2}|[\uE000-\uF8FF])[.)]|[a-z][.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"[ \t]+(?=\n|$)")]
    private static partial Regex LineEndSpaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
