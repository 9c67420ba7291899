using System.Text.RegularExpressions;

namespace Copilot.Api.Knowledge;

/// <summary>
/// What the sidebar shows of a retrieved source. A passage is cut from its source by length (<see cref="PassageSplitter"/>),
/// so it may open on step 3 of a list, on a step's second sentence, or on "This invalidates the old ones.". The excerpt
/// puts the passage back in the source's whole text and starts it where a reader can: at the start of its paragraph, and
/// of the list it is in (<see cref="TextBlocks.Blocks"/>, as a draft takes a list), with the sentence that introduces the
/// list or the heading above it. It stays within <see cref="MaxWords"/>: the steps between a list's introduction and the
/// passage give way first, then what follows the passage; "…" stands wherever something was left out.
/// </summary>
public static partial class PassageExcerpt
{
    /// <summary>About a passage and a half (<see cref="KnowledgeOptions.PassageMaxWords"/> is 80 by default).</summary>
    public const int MaxWords = 100;

    private const string Ellipsis = "…";

    /// <summary>The hits with their excerpts, from their sources' whole texts (a hit whose text is missing keeps its passage, marked where it is cut).</summary>
    /// <remarks>A similar ticket's excerpt keeps to one of its replies (<see cref="ReplyMessages"/>).</remarks>
    public static IReadOnlyList<KnowledgeHit> Of(IReadOnlyList<KnowledgeHit> hits, IReadOnlyDictionary<(SourceKind Kind, string SourceId), string> texts) =>
        hits.Select(h => h with
        {
            Excerpt = h.Kind == SourceKind.PastReply && texts.TryGetValue((h.Kind, h.SourceId), out var whole)
                && ReplyMessages.Confine(h.Passage, whole) is var (passage, reply)
                ? Of(passage, reply)
                : Of(h.Passage, texts.GetValueOrDefault((h.Kind, h.SourceId))),
        }).ToList();

    /// <param name="passage">The passage that matched.</param>
    /// <param name="whole">The whole text of its source; null when unknown (the passage alone is then kept to length).</param>
    public static string Of(string passage, string? whole, int maxWords = MaxWords)
    {
        var target = string.Join(' ', Lines(passage));
        var lines = Lines(whole ?? "");
        var at = target.Length == 0 ? -1 : string.Join(' ', lines).IndexOf(target, StringComparison.Ordinal);
        var placed = at >= 0;
        if (!placed)
        {
            lines = Lines(passage);
            at = 0;
        }
        if (lines.Count == 0)
        {
            return "";
        }
        var (starts, first, last) = LinesOf(lines, at, target.Length);

        // A passage that opens inside a paragraph opens at its start, or at as early a sentence of it as the length allows
        // ("…" before); one that ends inside a paragraph ends with it, or with "…" where it stopped.
        var room = maxWords - Count(target);
        var from = Opening(lines[first], at - starts[first], room);
        room -= Count(lines[first][from..(at - starts[first])]);
        var to = at + target.Length - starts[last];
        var cutEnd = to < lines[last].Length && Count(lines[last][to..]) > room;
        to = cutEnd ? to : lines[last].Length;
        var body = lines[first..(last + 1)];
        body[^1] = body[^1][..to].TrimEnd() + (cutEnd ? " " + Ellipsis : "");
        if (from > 0)
        {
            body[0] = Ellipsis + " " + body[0][from..].TrimStart();
            return Fit([], [], body, trailing: false, opensText: false, maxWords);
        }

        // A passage that opens inside a list opens where the list does: with the line that introduces it, or under its heading.
        var blocks = TextBlocks.Blocks(lines);
        var block = blocks.First(b => b.Start.Value <= first && first < b.End.Value);
        var lead = new List<string>();
        var skipped = lines[block.Start.Value..first];
        if (skipped.Count > 0 && !TextBlocks.IsListItem(skipped[0]))
        {
            lead.Add(skipped[0]);
            skipped.RemoveAt(0);
        }
        else if (skipped.Count > 0 && block.Start.Value > 0 && TextBlocks.IsHeading(lines[block.Start.Value - 1]))
        {
            lead.Add(lines[block.Start.Value - 1]);
        }
        var listGoesOn = !cutEnd && blocks.Any(b => b.Start.Value <= last && last + 1 < b.End.Value);
        return Fit(lead, skipped, body, listGoesOn, opensText: placed && first == 0, maxWords);
    }

    /// <summary>
    /// The lead, the skipped steps and the passage, within <paramref name="maxWords"/>: the skipped steps give way first
    /// (to "…"), then the lead, then the passage's last lines; a single line still too long is cut at a word.
    /// </summary>
    /// <param name="opensText">Whether what is shown starts where the source does.</param>
    private static string Fit(List<string> lead, List<string> skipped, List<string> body, bool trailing, bool opensText, int maxWords)
    {
        static int Words(IEnumerable<string> lines) => lines.Sum(Count);
        var before = lead.Count + skipped.Count;
        if (Words(lead) + Words(skipped) + Words(body) > maxWords && skipped.Count > 0)
        {
            skipped = [Ellipsis];
        }
        if (Words(lead) + Words(body) > maxWords && lead.Count > 0)
        {
            (lead, skipped) = ([], []);
        }
        if (lead.Count == 0)
        {
            // "…" alone above the passage says no more than the one before its first line below.
            skipped = [];
        }
        while (Words(lead) + Words(skipped) + Words(body) > maxWords && body.Count > 1)
        {
            body.RemoveAt(body.Count - 1);
            trailing = true;
        }
        if (Count(body[0]) > maxWords - Words(lead) - Words(skipped))
        {
            // Only when nothing is shown before it: the lead gave way above otherwise.
            var cut = Word().Matches(body[0])[maxWords - 1];
            body[0] = body[0][..(cut.Index + cut.Length)] + Ellipsis;
            trailing = false;
        }
        if (lead.Count + skipped.Count == 0 && !opensText && (before > 0 || TextBlocks.IsFragmentStart(body[0])))
        {
            // What led up to it could not be shown: say so, rather than open on step 3 as if it were the start.
            body[0] = Ellipsis + " " + body[0];
        }
        var shown = lead.Concat(skipped).Concat(body);
        return string.Join('\n', trailing && !body[^1].EndsWith(Ellipsis, StringComparison.Ordinal) ? shown.Append(Ellipsis) : shown);
    }

    /// <summary>
    /// Where each line starts in the lines joined by spaces, and the first and last line the span of
    /// <paramref name="length"/> characters from <paramref name="at"/> covers.
    /// </summary>
    internal static (int[] Starts, int First, int Last) LinesOf(IReadOnlyList<string> lines, int at, int length)
    {
        var starts = new int[lines.Count];
        for (var i = 1; i < lines.Count; i++)
        {
            starts[i] = starts[i - 1] + lines[i - 1].Length + 1;
        }
        var first = Array.FindLastIndex(starts, s => s <= at);
        return (starts, first, Math.Max(first, Array.FindLastIndex(starts, s => s < at + length)));
    }

    private static int Count(string text) => Word().Count(text);

    /// <summary>
    /// Where to open a line the passage opens at <paramref name="at"/> in: its start, or the earliest sentence start before
    /// <paramref name="at"/> from which at most <paramref name="room"/> more words are shown, or <paramref name="at"/>.
    /// </summary>
    private static int Opening(string line, int at, int room)
    {
        // A step's number is never left behind: the splitter may cut after "4." as after a sentence.
        if (at == 0 || Count(line[..at]) <= room || TextBlocks.Step(line) is { } step && at <= step.MarkerLength)
        {
            return 0;
        }
        var opening = SentenceStart().Matches(line[..at]).Select(m => m.Index + m.Length).FirstOrDefault(i => Count(line[i..at]) <= room);
        return opening > 0 ? opening : at;
    }

    internal static List<string> Lines(string text) =>
        text.Split('\n').Select(l => Whitespace().Replace(l, " ").Trim()).Where(l => l.Length > 0).ToList();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=[.!?…])\s+(?=[\p{Lu}\p{N}""'¿¡(])")]
    private static partial Regex SentenceStart();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['\-][\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}
