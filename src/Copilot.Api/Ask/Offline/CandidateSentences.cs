using Copilot.Api.Knowledge;
using Copilot.Api.Threads;

namespace Copilot.Api.Ask.Offline;

/// <summary>
/// A sentence of a source that could answer the question, with the heading of its section and its place in the source.
/// <see cref="Short"/>: a short line without a full stop, a heading or a list item (the index's text no longer says which).
/// </summary>
public sealed record CandidateSentence(int Source, int Position, string Text, string? Heading, IReadOnlySet<string> Terms, IReadOnlySet<string> HeadingTerms)
{
    public bool Short { get; init; }
}

/// <summary>
/// The sentences of the retrieved sources, each a candidate for the answer: every line of a source's whole text, split
/// into sentences (a table row or list item stays one), with the heading it sits under. A short line without a full
/// stop may be a heading or a list item: it heads the lines after it, and is a candidate itself when it reads as an
/// item (a comma, a semicolon or a number: "Water damage, or strips used outdoors"). Greetings and sign-offs are not candidates.
/// </summary>
public static class CandidateSentences
{
    /// <summary>A line this short without a full stop reads as a heading.</summary>
    private const int MaxHeadingWords = 6;

    /// <summary>Fewer words than this say too little to quote.</summary>
    private const int MinWords = 4;

    /// <summary>Longer sentences are cut for the quote (a runaway line of a badly converted page).</summary>
    public const int MaxChars = 400;

    public static IReadOnlyList<CandidateSentence> Of(IReadOnlyList<(KnowledgeHit Hit, string Text)> sources)
    {
        var candidates = new List<CandidateSentence>();
        for (var s = 0; s < sources.Count; s++)
        {
            string? heading = null;
            var position = 0;
            foreach (var raw in ThreadText.Normalize(sources[s].Text).Split('\n'))
            {
                var line = raw.Trim().TrimStart('-', '*', '•', ' ');
                if (line.Length == 0)
                {
                    continue;
                }
                if (ThreadText.IsGreetingLine(line) || ThreadText.IsClosingLine(line))
                {
                    continue;
                }
                var isShort = IsShort(line);
                foreach (var sentence in ThreadText.Sentences(line))
                {
                    if (ThreadText.WordCount(sentence) < MinWords || (isShort && !LooksLikeItem(sentence)))
                    {
                        continue;
                    }
                    var text = ThreadText.Trim(sentence, MaxChars);
                    candidates.Add(new CandidateSentence(s, position++, text, isShort ? null : heading,
                        ThreadText.Terms(text).ToHashSet(StringComparer.Ordinal),
                        heading is null || isShort ? new HashSet<string>() : ThreadText.Terms(heading).ToHashSet(StringComparer.Ordinal)) { Short = isShort });
                }
                if (isShort)
                {
                    heading = line;
                }
            }
        }
        return candidates;
    }

    private static bool LooksLikeItem(string line) => line.Contains(',') || line.Contains(';') || line.Any(char.IsDigit);

    private static bool IsShort(string line) =>
        ThreadText.WordCount(line) <= MaxHeadingWords && !line.EndsWith('.') && !line.EndsWith('?') && !line.EndsWith('!') && !line.EndsWith(':');
}
