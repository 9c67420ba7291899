using System.Text.RegularExpressions;

namespace Copilot.Api.Boundaries;

/// <summary>
/// A text split into lower-case words once, so every rule's phrase lookup is a walk over
/// words with dictionary hits instead of a regex pass. A word keeps its inner apostrophes and
/// hyphens ("don't", "e-mail", "human-readable"), so phrases match whole words only.
/// </summary>
internal sealed partial class ScannedText
{
    public ScannedText(string text)
    {
        Text = text;
        Words = Word().Matches(text).Select(m => new WordAt(m.Value.ToLowerInvariant(), m.Index, m.Length)).ToArray();
    }

    public string Text { get; }

    public WordAt[] Words { get; }

    public static string[] WordsOf(string phrase) => Word().Matches(phrase).Select(m => m.Value.ToLowerInvariant()).ToArray();

    internal readonly record struct WordAt(string Value, int Index, int Length)
    {
        public int End => Index + Length;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['\-][\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}

/// <summary>Where a rule matched: a span of the text.</summary>
internal readonly record struct Hit(int Index, int Length);
