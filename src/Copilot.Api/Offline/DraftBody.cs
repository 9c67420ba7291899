using System.Text.RegularExpressions;
using Copilot.Api.Guardrails;
using Copilot.Api.Knowledge;

namespace Copilot.Api.Offline;

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

    public static DraftBody? From(KnowledgeHit hit, IReadOnlyDictionary<string, string> values, ILanguageDetector detector)
    {
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
                if (!IsGeneric(hit.Passage))
                {
                    return null;
                }
                text = ThreadText.Clean(customer);
                break;
            default:
                text = Passage(customer);
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
    /// customer only when nothing was specific to its case (no placeholder left by the scrubbing), it promises nothing
    /// (no refund, credit, discount, date or exception: <see cref="CommitmentCheck"/>) and it holds no guidance.
    /// </summary>
    public static bool IsGeneric(string pastReply) =>
        !CaseDetails.Placeholder.IsMatch(pastReply)
        && CommitmentCheck.Check(pastReply, []).Count == 0
        && Guidance.Split(pastReply).Guidance.Count == 0;

    /// <summary>An article passage whole, without headings, a list it joins midway, or a closing of its own.</summary>
    private static string Passage(string text)
    {
        var lines = ThreadText.Normalize(text).Split('\n').Select(l => l.TrimEnd()).ToList();
        lines.RemoveAll(l => l.Trim().Length > 0 && IsHeading(l.Trim()));
        // Steps "3.", "4." without "1." and "2." are the tail of a list: out of their place they read as a fragment.
        while (lines.FindIndex(l => l.Trim().Length > 0) is var first and >= 0 && IsFragmentStart(lines[first].Trim()))
        {
            lines.RemoveAt(first);
        }
        var signOff = ThreadText.SignOffStart(lines);
        if (signOff >= 0)
        {
            lines.RemoveRange(signOff, lines.Count - signOff);
        }
        return BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    /// <summary>A line that cannot open a reply: a list step other than the first, or a sentence begun in lower case.</summary>
    public static bool IsFragmentStart(string line)
    {
        var m = ListStep().Match(line);
        if (m.Success)
        {
            return m.Groups["n"].Value != "1";
        }
        return line.Length > 0 && (char.IsLower(line[0]) || Continuation().IsMatch(line));
    }

    /// <summary>A short line without closing punctuation is a heading: out of its place it reads as a broken sentence.</summary>
    private static bool IsHeading(string line) =>
        !char.IsDigit(line[0]) && !".!?:;)…\"'".Contains(line[^1]) && ThreadText.WordCount(line) <= 8;

    [GeneratedRegex(@"^(step\s+)?(?<n>\d{1,2})[.)]\s", RegexOptions.IgnoreCase)]
    private static partial Regex ListStep();

    [GeneratedRegex(@"^(and|but|or|so|then|also|this|that|it|they|these|those|und|aber|oder|dann|et|mais|ou|puis|y|pero|en|maar|e|mas|ma)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Continuation();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
