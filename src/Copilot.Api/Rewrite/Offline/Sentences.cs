using System.Text.RegularExpressions;

namespace Copilot.Api.Rewrite.Offline;

/// <summary>A sentence of one line: where it starts, where the next one starts (so its trailing space goes with it).</summary>
internal sealed record Sentence(int Line, int Start, int End, string Text);

internal static partial class Sentences
{
    /// <summary>The sentences of each line, in order; a line with no sentence end is one sentence.</summary>
    public static List<Sentence> Of(IReadOnlyList<string> lines, Func<int, bool> include)
    {
        var result = new List<Sentence>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!include(i) || lines[i].Trim().Length == 0)
            {
                continue;
            }
            var line = lines[i];
            var start = 0;
            foreach (Match m in End().Matches(line))
            {
                if (line[m.Index - 1] == '.' && TextShape.IsAbbreviationDot(line, m.Index - 1))
                {
                    continue;
                }
                Add(result, i, line, start, m.Index + m.Length);
                start = m.Index + m.Length;
            }
            Add(result, i, line, start, line.Length);
        }
        return result;
    }

    private static void Add(List<Sentence> into, int line, string text, int start, int end)
    {
        var body = text[start..end].Trim();
        if (body.Length > 0)
        {
            into.Add(new Sentence(line, start, end, body));
        }
    }

    /// <summary>The lines without the given sentences; lines left empty go, and the blank lines around them close up.</summary>
    public static string Without(IReadOnlyList<string> lines, IReadOnlyCollection<Sentence> drop)
    {
        var kept = new List<string>();
        var byLine = drop.ToLookup(s => s.Line);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!byLine.Contains(i))
            {
                kept.Add(lines[i]);
                continue;
            }
            var line = lines[i];
            foreach (var s in byLine[i].OrderByDescending(s => s.Start))
            {
                line = line[..s.Start] + line[s.End..];
            }
            if (line.Trim().Length > 0)
            {
                kept.Add(line.TrimEnd());
            }
        }
        return TextShape.Tidy(string.Join('\n', kept));
    }

    /// <summary>The space after a sentence's end mark: ". ", "! ", "?) ".</summary>
    [GeneratedRegex(@"(?<=[.!?…][""')\]]?)[ \t]+(?=\S)")]
    private static partial Regex End();
}
