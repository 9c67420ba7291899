using System.Text.RegularExpressions;
using Copilot.Api.Drafts.Guards;
using Copilot.Api.Knowledge;
using Copilot.Api.Languages;
using Copilot.Api.Privacy;
using Copilot.Api.Threads;

namespace Copilot.Api.Drafts.Offline;

/// <summary>A source's customer-facing text as a draft body, in the source's language; null when nothing sendable is left.</summary>
internal sealed record DraftBody(KnowledgeHit Source, string Text, string Language, string? SignOff);

/// <summary>
/// Turns one retrieved source into the body of a reply: guidance sentences out, a macro's placeholders filled,
/// the steps of a list kept whole and in order (a list the passage starts in the middle of is left to the link),
/// no greeting or sign-off of its own. A past reply is used only when it is generic (<see cref="IsGeneric"/>).
/// </summary>
internal static partial class DraftBodies
{
    private const int MinWords = 6;
    private const int MaxArticleWords = 160;
    private const double MaxGuidanceShare = 0.3;

    public static DraftBody? From(KnowledgeHit hit, IReadOnlyDictionary<string, string> values, Question question, ILanguageDetector detector)
    {
        // A source mostly written for agents (a guideline, a procedure) is guidance as a whole: what is left is not an answer.
        if (Guidance.Share(hit.Passage) >= MaxGuidanceShare)
        {
            return null;
        }
        var (customer, _) = Guidance.Split(hit.Passage);
        string text;
        string? signOff = null;
        switch (hit.Kind)
        {
            case SourceKind.Macro:
                var macro = MacroText.Parse(customer, values);
                (text, signOff) = (macro.Body, macro.SignOff);
                break;
            case SourceKind.PastReply:
                // Its greeting and sign-off are dropped first: "Hi [name]," says nothing about the case.
                text = ThreadText.Clean(customer);
                if (!IsGeneric(text))
                {
                    return null;
                }
                break;
            default:
                text = Passage(customer, question);
                break;
        }
        if (ThreadText.WordCount(text) < MinWords)
        {
            return null;
        }
        var language = hit.Locale is { Length: >= 2 } l ? l[..2].ToLowerInvariant() : detector.Detect(text).Code;
        return new DraftBody(hit, text, language, signOff);
    }

    /// <summary>
    /// A past reply, as indexed (its case specifics already replaced by <see cref="CaseDetails"/>), may be sent to another
    /// customer only when it is generic: nothing was specific to its case (no placeholder left by the scrubbing), it tells
    /// of nothing done on that case ("I've initiated the return"), it asks that customer nothing (no question), it is one
    /// message (no closing line inside it: several replies joined are a conversation), it reads as
    /// written replies do (no sentence begun in lower case, as chat turns are), it promises nothing (no refund, credit, discount, date
    /// or exception: <see cref="CommitmentCheck"/>) and it holds no guidance.
    /// </summary>
    public static bool IsGeneric(string pastReply) =>
        !CaseDetails.Placeholder.IsMatch(pastReply)
        && !CaseAction().IsMatch(pastReply)
        && !pastReply.Contains('?')
        && !pastReply.Split('\n').Any(ThreadText.IsClosingLine)
        && ThreadText.Sentences(pastReply).All(l => !char.IsLower(l[0]))
        && CommitmentCheck.Check(pastReply, []).Count == 0
        && Guidance.Split(pastReply).Guidance.Count == 0;

    /// <summary>What was done on that case ("I've initiated the return", "your refund has been issued") is true of that case only.</summary>
    [GeneratedRegex(@"(?<![\p{L}])((i|we)('ve|'d| have| had| just| already)*\s+(\w+\s+)?(initiated|processed|issued|sent|refunded|credited|cancell?ed|reset|changed|updated|escalated|arranged|ordered|created|upgraded|extended|applied|added|removed|scheduled|booked|passed|forwarded|notified|filed|submitted|approved|replaced|shipped|let|checked|looked|found|verified|confirmed)|(your|the) (order|account|refund|return|subscription|package|parcel|replacement|payment|claim|request|ticket|case|password|username)\s+(has|have|had|was|were|is)\s+(been\s+)?(\w+ed|on its way|ready))(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaseAction();

    /// <summary>
    /// The part of an article that answers: the sections (under their headings) about the question, whole; when that is
    /// long, the paragraphs closest to the question in their order, a list always whole. No headings, no list joined
    /// midway, no closing of its own.
    /// </summary>
    private static string Passage(string text, Question question)
    {
        var sections = new List<List<string>> { new() };
        var all = ThreadText.Normalize(text).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        foreach (var (line, i) in all.Select((l, i) => (l, i)))
        {
            if (IsNumberedHeading(all, i))
            {
                // A numbered section is one step of the article's one procedure: its title goes, the section stays with the rest.
                continue;
            }
            if (TextBlocks.IsHeading(line))
            {
                if (sections[^1].Count > 0)
                {
                    sections.Add([]);
                }
                continue;
            }
            sections[^1].Add(line);
        }
        // The sections about the question (at least half as close to it as the closest), in the article's order.
        var scored = sections.Where(s => s.Count > 0).Select(s => (Lines: s, Score: question.Overlap(string.Join(' ', s)))).ToList();
        var top = scored.Count == 0 ? 0 : scored.Max(x => x.Score);
        var chosen = top == 0 ? scored.Take(1) : scored.Where(x => x.Score >= Math.Max(1, top / 2));
        var blocks = chosen.SelectMany(x => Blocks(x.Lines)).ToList();
        if (blocks.Sum(b => ThreadText.WordCount(string.Join(' ', b))) > MaxArticleWords)
        {
            var kept = new HashSet<int>();
            var words = 0;
            foreach (var (block, i) in blocks.Select((b, i) => (b, i)).OrderByDescending(x => question.Overlap(string.Join(' ', x.b))).ThenBy(x => x.i))
            {
                var count = ThreadText.WordCount(string.Join(' ', block));
                if (kept.Count > 0 && words + count > MaxArticleWords)
                {
                    continue;
                }
                kept.Add(i);
                words += count;
            }
            blocks = blocks.Where((_, i) => kept.Contains(i)).ToList();
        }
        var lines = blocks.SelectMany(b => b).ToList();
        // Steps "3.", "4." without "1." and "2." are the tail of a list: out of their place they read as a fragment.
        while (lines.Count > 0 && TextBlocks.IsFragmentStart(lines[0]))
        {
            lines.RemoveAt(0);
        }
        var signOff = ThreadText.SignOffStart(lines);
        if (signOff >= 0)
        {
            lines.RemoveRange(signOff, lines.Count - signOff);
        }
        return string.Concat(lines.Select((l, i) => i == 0 ? l : (TextBlocks.IsListItem(l) && TextBlocks.IsListItem(lines[i - 1]) ? "\n" : "\n\n") + l));
    }

    /// <summary>Paragraphs, with the items of one list kept together, and with the line that introduces them, as one block.</summary>
    private static IEnumerable<List<string>> Blocks(List<string> lines) =>
        TextBlocks.Blocks(lines).Select(r => lines[r]);

    /// <summary>
    /// "1. Use a 2.4 GHz network", "4. Use Ethernet": a short numbered line without closing punctuation that no step
    /// before or after continues is a numbered section heading, not a step.
    /// </summary>
    private static bool IsNumberedHeading(List<string> lines, int i)
    {
        if (TextBlocks.Step(lines[i]) is not { } step)
        {
            return false;
        }
        var rest = lines[i][step.MarkerLength..].Trim();
        if (rest.Length == 0 || TextBlocks.EndsSentence(rest) || ThreadText.WordCount(rest) > 8)
        {
            return false;
        }
        bool Numbered(int j, int want) => j >= 0 && j < lines.Count && TextBlocks.Step(lines[j])?.Number == want;
        return !Numbered(i - 1, step.Number - 1) && !Numbered(i + 1, step.Number + 1);
    }

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
