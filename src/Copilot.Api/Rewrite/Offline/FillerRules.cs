using System.Text.RegularExpressions;

namespace Copilot.Api.Rewrite.Offline;

/// <summary>
/// English words and phrases that take room and say nothing: "I just wanted to let you know that",
/// "please note that", "as mentioned before", "in order to". Hedges that change how sure a sentence
/// is ("I think", "probably") stay: dropping them would turn a guess into a promise.
/// </summary>
internal static partial class FillerRules
{
    public const string What = "Removed filler";

    private static readonly (Regex Pattern, string Replacement)[] Wordy =
    [
        (Phrase("in order to"), "to"),
        (Phrase("due to the fact that"), "because"),
        (Phrase("(?:in spite|despite) of the fact that|despite the fact that"), "although"),
        (Phrase("at this point in time|at the present time"), "now"),
        (Phrase("in the event that"), "if"),
        (Phrase("for the purpose of"), "for"),
        (Phrase("with regards? to|in regards? to|with respect to"), "about"),
        (Phrase("a large number of"), "many"),
        (Phrase("prior to"), "before"),
        (Phrase("in the near future"), "soon"),
        (Phrase("(?:is|are|am) able to|(?:has|have) the ability to"), "can"),
        (Phrase("each and every"), "every"),
        (Phrase("first and foremost"), "first"),
    ];

    public static string Apply(string text, EditLog log)
    {
        var t = Remove(text, LeadIn(), log);
        t = Remove(t, Words(), log);
        t = log.Replace(t, DontHesitate(), m => Casing.Like(m.Value, "please"), What, (m, _) => $"\"{m.Value}\"");
        foreach (var (pattern, replacement) in Wordy)
        {
            t = log.Replace(t, pattern, m => Casing.Like(m.Value, replacement), "Shortened wordy phrases", (m, r) => $"{m.Value} → {r}");
        }
        return t;
    }

    /// <summary>Drops each match but its "next" word, which becomes the sentence's first word when the match started one.</summary>
    private static string Remove(string text, Regex pattern, EditLog log) =>
        pattern.Replace(text, m =>
        {
            var next = m.Groups["next"].Value;
            log.Add(What, "\"" + m.Value[..^next.Length].Trim().TrimEnd(',', ':') + "\"");
            return TextShape.AtSentenceStart(text, m.Index) && Casing.IsLowerWord(next) ? Casing.Capitalize(next) : next;
        });

    private static Regex Phrase(string alternatives) =>
        new($@"(?<![\p{{L}}'’-])(?:{alternatives})(?![\p{{L}}'’-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Openers that announce the sentence instead of saying it; only at a sentence's start.</summary>
    [GeneratedRegex("""
        (?<=(?:^|[.!?]["')\]]?[ \t]+)[ \t]*)
        (?:
          (?:i|we)(?:\ (?:just|simply|only))?(?:\ wanted|\ want|(?:'|’|\ woul)d\ like|(?:'|’)m\ writing|\ am\ writing|\ are\ writing|(?:'|’)re\ writing)
            \ to\ (?:let\ you\ know|inform\ you|tell\ you|confirm|update\ you|mention)(?:\ that|(?=\ (?:we|we've|we're|i|i've|i'm|it|it's|our|you|you're|they|there)\b))
         |(?:i|we)(?:\ (?:just|simply|only))?(?:\ wanted|\ want|(?:'|’|\ woul)d\ like)\ to\ say(?=\ (?:thank|thanks|sorry)\b)
         |please\ (?:note|be\ advised|be\ aware)(?:\ that|,|:)
         |just\ (?:a\ )?(?:quick\ )?(?:note|heads[- ]up|reminder)(?:\ that|:|,|\ -)
         |as\ (?:i\ |we\ )?(?:mentioned|said|stated|noted|explained)(?:\ before|\ earlier|\ previously|\ above|\ in\ my\ (?:last|previous)\ (?:email|message|reply))?,
         |as\ previously\ (?:mentioned|stated|noted),
        )[ \t]*(?<next>\p{L}[\p{L}'’\-]*)
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.Multiline)]
    private static partial Regex LeadIn();

    /// <summary>Filler words, not after "not" or "only" ("not just", "not really" mean something).</summary>
    [GeneratedRegex(@"(?<!(?:\bnot|n't|n’t|\bonly)[ \t]+)(?<![\p{L}'’-])(?:(?:just|actually|basically|really|simply|literally),?[ \t]+)+(?<next>\p{L}[\p{L}'’\-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Words();

    [GeneratedRegex(@"(?<![\p{L}'’-])(?:please\ )?(?:don't|don’t|do\ not)\ hesitate\ to(?![\p{L}'’-])", RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex DontHesitate();
}
