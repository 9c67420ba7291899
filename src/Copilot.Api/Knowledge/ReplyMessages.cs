using Copilot.Api.Threads;

namespace Copilot.Api.Knowledge;

/// <summary>
/// A past reply's text is its ticket's agent replies one after another (<see cref="KnowledgeSync.ToDocument(SolvedTicket)"/>),
/// so a passage cut from it by length can run from one reply's sign-off ("Take care, [name], Lumora Home Support") into the
/// next reply's greeting, or open on a signature. Its excerpt keeps to the one reply the passage says most of, without
/// the greetings and sign-offs around it.
/// </summary>
internal static class ReplyMessages
{
    /// <summary>Lines after a closing that still belong to the sign-off: a name, a role, a team.</summary>
    private const int MaxSignatureLines = 3;

    private const int MaxSignatureWords = 5;

    /// <summary>
    /// The passage and the whole text cut down to the reply the passage says most of; both unchanged when the passage is
    /// not found in the text or is nothing but greetings and sign-offs.
    /// </summary>
    public static (string Passage, string Whole) Confine(string passage, string whole)
    {
        var lines = PassageExcerpt.Lines(whole);
        var reply = Replies(lines);
        var target = string.Join(' ', PassageExcerpt.Lines(passage));
        var at = target.Length == 0 ? -1 : string.Join(' ', lines).IndexOf(target, StringComparison.Ordinal);
        if (at < 0)
        {
            return (passage, whole);
        }
        var (starts, first, last) = PassageExcerpt.LinesOf(lines, at, target.Length);
        var parts = Enumerable.Range(first, last - first + 1)
            .Where(i => reply[i] >= 0)
            .Select(i => (Reply: reply[i], Text: lines[i][(i == first ? at - starts[i] : 0)..(i == last ? at + target.Length - starts[i] : lines[i].Length)].Trim()))
            .Where(p => p.Text.Length > 0)
            .ToList();
        if (parts.Count == 0)
        {
            return (passage, whole);
        }
        var chosen = parts.GroupBy(p => p.Reply).OrderByDescending(g => g.Sum(p => ThreadText.WordCount(p.Text))).ThenBy(g => g.Key).First().Key;
        return (string.Join('\n', parts.Where(p => p.Reply == chosen).Select(p => p.Text)),
            string.Join('\n', lines.Where((_, i) => reply[i] == chosen)));
    }

    /// <summary>Which reply each line belongs to, counting from 0; -1 for a greeting or a sign-off line.</summary>
    private static int[] Replies(List<string> lines)
    {
        var reply = new int[lines.Count];
        var current = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            // "Thanks!" followed by more of the reply opens it rather than closing it.
            if (ThreadText.IsClosingLine(lines[i])
                && (i + 1 == lines.Count || IsSignatureLine(lines[i + 1]) || ThreadText.IsGreetingLine(lines[i + 1])))
            {
                // "Best regards," and the name, role and team under it end a reply.
                reply[i] = -1;
                var signature = 0;
                while (i + 1 < lines.Count && signature < MaxSignatureLines && IsSignatureLine(lines[i + 1]))
                {
                    reply[++i] = -1;
                    signature++;
                }
                current++;
            }
            else if (ThreadText.IsGreetingLine(lines[i]))
            {
                // "Hi [name]," opens one, also after a reply that ended without a sign-off.
                reply[i] = -1;
                if (i > 0 && reply[i - 1] >= 0)
                {
                    current++;
                }
            }
            else
            {
                reply[i] = current;
            }
        }
        return reply;
    }

    private static bool IsSignatureLine(string line) =>
        ThreadText.WordCount(line) is > 0 and <= MaxSignatureWords
        && !ThreadText.IsGreetingLine(line)
        && !TextBlocks.IsListItem(line)
        && !".?!:".Contains(line[^1]);
}
