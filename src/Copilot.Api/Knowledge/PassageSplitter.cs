using System.Text.RegularExpressions;

namespace Copilot.Api.Knowledge;

/// <summary>
/// Cuts a source's text into passages of roughly <c>minWords</c>–<c>maxWords</c> words, ending on a
/// paragraph or sentence boundary where it can. Each passage after the first starts with the
/// last sentence of the one before (when that sentence is short), so an answer that straddles
/// a cut is still found in one piece.
/// </summary>
public static partial class PassageSplitter
{
    private const int MaxOverlapWords = 40;

    public static IReadOnlyList<string> Split(string text, int minWords, int maxWords)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWords, minWords);
        var passages = new List<string>();
        var current = new List<Sentence>();
        var currentWords = 0;

        void Close()
        {
            if (currentWords == 0)
            {
                return;
            }
            passages.Add(Join(current));
            var last = current[^1];
            current.Clear();
            currentWords = 0;
            if (last.Words <= MaxOverlapWords && last.Words < minWords / 2)
            {
                current.Add(last with { Overlap = true });
                currentWords = last.Words;
            }
        }

        foreach (var paragraph in Paragraphs(text))
        {
            foreach (var sentence in Sentences(paragraph, maxWords))
            {
                if (currentWords + sentence.Words > maxWords && current.Any(s => !s.Overlap))
                {
                    Close();
                }
                current.Add(sentence);
                currentWords += sentence.Words;
            }
            current[^1] = current[^1] with { EndsParagraph = true };
            if (currentWords >= minWords)
            {
                Close();
            }
        }

        if (current.Any(s => !s.Overlap))
        {
            // A short tail is worth little alone: it joins the passage before when that stays within bounds.
            var tail = current.Where(s => !s.Overlap).ToList();
            var tailWords = tail.Sum(s => s.Words);
            if (tailWords == 0)
            {
                return passages;
            }
            if (passages.Count > 0 && tailWords < minWords / 2 && WordCount(passages[^1]) + tailWords <= maxWords + minWords / 2)
            {
                passages[^1] = passages[^1] + "\n" + Join(tail);
            }
            else
            {
                passages.Add(Join(current));
            }
        }
        return passages;
    }

    public static int WordCount(string text) => Words().Count(text);

    private static string Join(List<Sentence> sentences)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var sentence in sentences)
        {
            builder.Append(sentence.Text);
            builder.Append(sentence.EndsParagraph ? "\n" : " ");
        }
        return builder.ToString().Trim();
    }

    private static IEnumerable<string> Paragraphs(string text) =>
        ParagraphBreak().Split(text.Replace("\r\n", "\n")).Select(p => Whitespace().Replace(p, " ").Trim()).Where(p => p.Length > 0);

    private static IEnumerable<Sentence> Sentences(string paragraph, int maxWords)
    {
        foreach (var sentence in SentenceEnd().Split(paragraph))
        {
            var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }
            for (var start = 0; start < words.Length; start += maxWords)
            {
                var piece = words.AsSpan(start, Math.Min(maxWords, words.Length - start)).ToArray();
                yield return new Sentence(string.Join(' ', piece), WordCount(string.Join(' ', piece)));
            }
        }
    }

    private sealed record Sentence(string Text, int Words, bool EndsParagraph = false, bool Overlap = false);

    // A blank line, or a single line break: help-center text converted from HTML keeps one block per line.
    [GeneratedRegex(@"\n\s*\n|\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=[.!?…。])\s+(?=\S)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
