using System.Text.RegularExpressions;

namespace Copilot.Api.Rewrite.Offline;

/// <summary>Language-neutral fixes of spaces and punctuation marks. French keeps its space before ! ? ; :.</summary>
internal static partial class SpacingRules
{
    public const string Spacing = "Fixed spacing";
    public const string Punctuation = "Fixed doubled punctuation";

    public static string Apply(string text, string language, EditLog log)
    {
        var t = log.Replace(text, InnerSpaces(), " ", Spacing);
        t = log.Replace(t, LineEndSpaces(), "", Spacing);
        t = log.Replace(t, BlankLines(), "\n\n", Spacing);
        t = log.Replace(t, CommaOnTheWrongSide(), ", ", Spacing);
        t = log.Replace(t, MissingSpaceAfterEnd(), "$1 ", Spacing);
        t = log.Replace(t, MissingSpaceAfterSpacedMark(), " ", Spacing);
        t = log.Replace(t, MissingSpaceAfterComma(), "$1 ", Spacing);
        t = log.Replace(t, language == "fr" ? SpaceBeforeCommaOrStop() : SpaceBeforeMark(), "", Spacing);
        t = log.Replace(t, DoubledComma(), "$1", Punctuation);
        t = log.Replace(t, DoubledStop(), ".", Punctuation);
        return t;
    }

    /// <summary>Two or more spaces between words; indentation at a line's start stays.</summary>
    [GeneratedRegex(@"(?<=\S)[ \t]{2,}(?=\S)|(?<=\S)\t(?=\S)")]
    private static partial Regex InnerSpaces();

    [GeneratedRegex(@"[ \t]+(?=\n|$)")]
    private static partial Regex LineEndSpaces();

    [GeneratedRegex(@"\n[ \t]*\n(?:[ \t]*\n)+")]
    private static partial Regex BlankLines();

    /// <summary>"found ,the": the space belongs after the comma.</summary>
    [GeneratedRegex(@"(?<=[\p{L}\p{N}\uE000-\uF8FF)\]""'])[ \t]+,(?=\p{L})")]
    private static partial Regex CommaOnTheWrongSide();

    /// <summary>"word ," and "word ." — not " ..." and not " .NET".</summary>
    [GeneratedRegex(@"(?<=[\p{L}\p{N}\uE000-\uF8FF)\]""'])[ \t]+(?=[,.](?:\s|$))")]
    private static partial Regex SpaceBeforeCommaOrStop();

    [GeneratedRegex(@"(?<=[\p{L}\p{N}\uE000-\uF8FF)\]""'])[ \t]+(?=[,.;:!?](?:\s|$))")]
    private static partial Regex SpaceBeforeMark();

    /// <summary>"shipped.Your" — two words run together across a sentence end.</summary>
    [GeneratedRegex(@"(?<=\p{Ll}\p{Ll})([.!?])(?=\p{Lu}\p{Ll})")]
    private static partial Regex MissingSpaceAfterEnd();

    /// <summary>"hier !Vous": the space went before the mark instead of after it.</summary>
    [GeneratedRegex(@"(?<=[ \t][!?])(?=\p{Lu}\p{Ll})")]
    private static partial Regex MissingSpaceAfterSpacedMark();

    [GeneratedRegex(@"(?<=\p{L})([,;])(?=\p{L})")]
    private static partial Regex MissingSpaceAfterComma();

    [GeneratedRegex(@"(,)[ \t]*,+")]
    private static partial Regex DoubledComma();

    /// <summary>".." but not an ellipsis "...".</summary>
    [GeneratedRegex(@"(?<!\.)\.\.(?!\.)")]
    private static partial Regex DoubledStop();
}
