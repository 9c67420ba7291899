using System.Text.RegularExpressions;

namespace Copilot.Api.Rewrite.Offline;

/// <summary>
/// shorten: sentences said twice go (any language); in English also filler words, wordy phrases and
/// pleasantries beyond one at the start and one at the end. A sentence holding a number, link,
/// address, placeholder, date or question never goes unless its twin stays.
/// </summary>
internal static partial class ShortenRules
{
    public static string Apply(string text, string language, EditLog log)
    {
        var english = language == "en";
        var t = text;
        if (english)
        {
            t = FillerRules.Apply(t, log);
        }
        var lines = TextShape.Lines(t);
        var greeting = TextShape.GreetingLine(lines);
        var signOff = TextShape.SignOffStart(lines);
        var body = Sentences.Of(lines, i => i != greeting && (signOff < 0 || i < signOff));
        var drop = new HashSet<Sentence>();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in body)
        {
            if (!seen.Add(Key(s.Text)))
            {
                drop.Add(s);
                log.Add("Removed a repeated sentence", Quote(s.Text));
            }
        }
        if (english)
        {
            var content = body.Where(s => !drop.Contains(s) && !IsPleasantry(s.Text)).ToList();
            var pleasantries = body.Where(s => !drop.Contains(s) && IsPleasantry(s.Text)).ToList();
            var opening = pleasantries.FirstOrDefault(p => content.Count == 0 || Before(p, content[0]));
            var closing = pleasantries.LastOrDefault(p => content.Count == 0 || Before(content[^1], p));
            foreach (var p in pleasantries.Where(p => p != opening && p != closing))
            {
                drop.Add(p);
                log.Add("Removed a pleasantry", Quote(p.Text));
            }
        }
        if (body.Count > 0 && body.All(drop.Contains))
        {
            return t; // nothing but pleasantries: that is the message, keep it
        }
        return drop.Count == 0 ? t : Sentences.Without(lines, drop);
    }

    private static bool Before(Sentence a, Sentence b) => a.Line < b.Line || (a.Line == b.Line && a.Start < b.Start);

    private static string Key(string sentence) => Spaces().Replace(sentence.ToLowerInvariant(), " ").TrimEnd('.', '!', ' ');

    private static string Quote(string sentence) => "\"" + (sentence.Length > 60 ? sentence[..57] + "…" : sentence) + "\"";

    /// <summary>Nothing but politeness, and nothing an agent could need: no number, link, placeholder, date or question.</summary>
    internal static bool IsPleasantry(string sentence) =>
        Pleasantry().IsMatch(sentence.Trim().Replace('’', '\'')) && !sentence.Any(c => ProtectedText.IsMark(c) || char.IsDigit(c) || c == '?') && !DateWord().IsMatch(sentence);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("""
        ^(?:
          (?:many\ )?(?:thanks|thank\ you)(?:\ so\ much|\ very\ much|\ again)?(?:\ for\ (?:reaching\ out|contacting\ us|getting\ in\ touch|writing\ in|waiting|bearing\ with\ us|your\ (?:message|email|e-mail|patience|understanding|time|reply|question|feedback|help|patience\ and\ understanding)))?
         |(?:i|we)\ (?:really\ )?appreciate\ your\ (?:patience|understanding|time|feedback)
         |(?:i\ |we\ )?hope\ (?:this|that)\ (?:helps|email\ finds\ you\ well|message\ finds\ you\ well|finds\ you\ well)
         |(?:i\ |we\ )?hope\ you(?:'re|\ are)\ (?:doing\ )?well
         |(?:i\ |we\ )?hope\ you(?:'re|\ are)\ having\ a\ (?:great|good|nice|lovely|wonderful)\ (?:day|week)
         |have\ a\ (?:great|good|nice|lovely|wonderful)\ (?:day|week|weekend|evening)
         |(?:please\ )?(?:feel\ free\ to\ |do\ not\ hesitate\ to\ |don't\ hesitate\ to\ )?(?:let\ (?:me|us)\ know|reach\ out|contact\ us|get\ in\ touch)(?:\ if\ you\ have\ any\ (?:other\ |further\ |more\ )?(?:questions|concerns)(?:\ or\ concerns)?|\ if\ (?:there\ is|there's)\ anything\ else(?:\ (?:i|we)\ can\ (?:do|help\ with))?)
         |(?:i'm|i\ am|we're|we\ are)\ (?:always\ )?(?:happy|glad)\ to\ help
         |happy\ to\ help
        )[.!]*$
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Pleasantry();

    [GeneratedRegex(@"\b(today|tomorrow|tonight|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateWord();
}
