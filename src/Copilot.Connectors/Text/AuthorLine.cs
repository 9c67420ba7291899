namespace Copilot.Connectors.Text;

/// <summary>
/// A reply's last line when it is only its author's name ("Julien", "— Julien M."): the author
/// signing off. A past reply reused for another agent's draft must not carry it.
/// </summary>
public static class AuthorLine
{
    private const int MaxNameWords = 4;

    public static string Remove(string text, string? authorName)
    {
        var name = Words(authorName);
        if (name.Length == 0)
        {
            return text;
        }
        var lines = text.Split('\n');
        var last = Array.FindLastIndex(lines, l => l.Trim().Length > 0);
        if (last <= 0)
        {
            return text;
        }
        var line = Words(lines[last]);
        // The full name, or the first name followed by at most an initial or two.
        var signed = line.Length > 0 && line.Length <= MaxNameWords
            && (line.SequenceEqual(name, StringComparer.OrdinalIgnoreCase)
                || (string.Equals(line[0], name[0], StringComparison.OrdinalIgnoreCase) && line.Skip(1).All(w => w.Length <= 2)));
        return signed ? string.Join('\n', lines[..last]).TrimEnd() : text;
    }

    private static string[] Words(string? text) =>
        (text ?? "").Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('-', '–', '—', '.', ',', '!', '~', '*', '_'))
            .Where(w => w.Length > 0)
            .ToArray();
}
