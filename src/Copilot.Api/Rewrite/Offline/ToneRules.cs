using System.Text.RegularExpressions;

namespace Copilot.Api.Rewrite.Offline;

/// <summary>friendlier and more-formal: English word lists and contractions for English; greeting, closing, emoji and "!!" for every language.</summary>
internal static partial class ToneRules
{
    public static string Friendlier(string text, string language, string? firstName, EditLog log)
    {
        var t = text;
        if (language == "en")
        {
            t = Salutations.Warmer(t, log);
            var before = t;
            t = log.Replace(t, RegretToInform(), m => Lead(before, m, "Unfortunately, "), ToneWords.Plainer, (_, _) => "\"regret to inform you that\" → \"unfortunately\"");
            t = WordSwap.Apply(t, ToneWords.Friendlier, ToneWords.Plainer, log);
            t = Contractions.Contract(t, log);
        }
        t = Salutations.AddGreeting(t, language, firstName, log);
        return Salutations.AddClosing(t, language, log);
    }

    public static string MoreFormal(string text, string language, EditLog log)
    {
        var t = text;
        if (language == "en")
        {
            t = Salutations.Formal(t, log);
            t = WordSwap.Apply(t, ToneWords.MoreFormal, ToneWords.Formal, log);
            t = Contractions.Expand(t, log);
        }
        t = log.Replace(t, EmojiBeforeMark(), "", "Removed emoji");
        t = log.Replace(t, Emoji(), "", "Removed emoji");
        t = log.Replace(t, EmoticonBeforeMark(), "", "Removed emoji");
        t = log.Replace(t, Emoticon(), "", "Removed emoji");
        return log.Replace(t, RepeatedMarks(), m => m.Value.Contains('?') ? "?" : "!", "Reduced repeated \"!\" and \"?\"");
    }

    /// <summary>The replacement for a sentence's opening phrase, capitalising what follows only where the phrase did not start the sentence.</summary>
    private static string Lead(string text, Match m, string lead)
    {
        var next = m.Groups["next"].Value;
        var start = TextShape.AtSentenceStart(text, m.Index);
        return (start ? lead : lead.ToLowerInvariant()) + next;
    }

    [GeneratedRegex(@"(?<![\p{L}'’-])(?:we|i)\ regret\ to\ inform\ you\ that[ \t]+(?<next>\p{Ll}[\p{L}'’\-]*)", RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex RegretToInform();

    private const string EmojiChar = @"(?:\uD83C[\uDC00-\uDFFF]|\uD83D[\uDC00-\uDEFF]|\uD83E[\uDD00-\uDEFF]|[\u2600-\u26FF\u2700-\u2712\u2719-\u2767\u2795-\u2797\u27B0\u27BF\u2B50\u2B55])";

    /// <summary>"Thanks 😊!" loses the emoji and the space before the mark.</summary>
    [GeneratedRegex(@"[ \t]*(?:" + EmojiChar + @"(?:\uFE0F|\u200D|\u20E3)*)+(?=[ \t]*(?:[.,!?;:]|\n|$))")]
    private static partial Regex EmojiBeforeMark();

    [GeneratedRegex(@"(?:" + EmojiChar + @"(?:\uFE0F|\u200D|\u20E3)*)+[ \t]*")]
    private static partial Regex Emoji();

    private const string EmoticonText = @"(?::-?\)|:-?\(|;-?\)|:-?D|:-?P|:-?p|:'\(|<3|\^\^|\^_\^|xD|XD)";

    /// <summary>"stable :)" and "thanks :)!" lose the space before the emoticon too.</summary>
    [GeneratedRegex(@"[ \t]+" + EmoticonText + @"(?=[ \t]*(?:[.,!?;:]|\n|$))", RegexOptions.Multiline)]
    private static partial Regex EmoticonBeforeMark();

    [GeneratedRegex(@"(?<=^|[ \t])" + EmoticonText + @"[ \t]+", RegexOptions.Multiline)]
    private static partial Regex Emoticon();

    [GeneratedRegex(@"[!?]*(?:!!|\?\?|!\?|\?!)[!?]*")]
    private static partial Regex RepeatedMarks();
}
