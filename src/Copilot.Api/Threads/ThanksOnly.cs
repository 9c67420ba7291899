using System.Text.RegularExpressions;
using Copilot.Api.Drafts.Guards;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Threads;

/// <summary>
/// A thread whose latest customer message, after an agent's answer, only thanks, says the problem is
/// solved or says goodbye ("Thanks, it works now!", "Danke, funktioniert wieder"): it needs no answer,
/// at most a short acknowledgement.
/// </summary>
internal static partial class ThanksOnly
{
    private const int MaxWords = 40;

    public static bool Is(HelpdeskThread thread)
    {
        var comments = Turns.Spoken(thread);
        var latest = comments.FindLastIndex(c => c.Author.Role == AuthorRole.Customer);
        if (latest <= 0 || !comments.Take(latest).Any(c => c.Author.Role == AuthorRole.Agent))
        {
            return false;
        }
        // The customer's messages since our last answer, read together.
        var lastAgent = comments.FindLastIndex(latest, c => c.Author.Role == AuthorRole.Agent);
        var text = string.Join('\n', comments.Skip(lastAgent + 1).Where(c => c.Author.Role == AuthorRole.Customer).Select(c => ThreadText.Clean(c.Text)));
        var raw = string.Join('\n', comments.Skip(lastAgent + 1).Where(c => c.Author.Role == AuthorRole.Customer).Select(c => ThreadText.Normalize(c.Text).Trim()));
        if (text.Length == 0)
        {
            text = raw; // cleaning took it all: the message was only "Thanks!"
        }
        if (text.Contains('?') || ThreadText.WordCount(text) > MaxWords || CommitmentPatterns.Negation().IsMatch(text) || Contrast().IsMatch(text))
        {
            return false;
        }
        var sentences = ThreadText.Sentences(text);
        bool Closes(string s) => Cues.Resolved().IsMatch(s) || Acknowledged().IsMatch(s) || Cues.Courtesy().IsMatch(s);
        return sentences.Any(Closes) && sentences.All(s => !Cues.Request().IsMatch(s) && (Closes(s) || Remark(s)));
    }

    /// <summary>
    /// A short aside beside the thanks ("Fair enough.", "4.99 lesson for him then!"): up to four words, or up to
    /// <see cref="MaxRemarkWords"/> that name no problem, order, payment or anything new.
    /// </summary>
    private static bool Remark(string sentence)
    {
        var words = ThreadText.WordCount(sentence);
        return words <= 4 || words <= MaxRemarkWords && !Cues.Problem().IsMatch(sentence) && !NewMatter().IsMatch(sentence)
            && !Cues.Order().IsMatch(sentence) && !Cues.Billing().IsMatch(sentence);
    }

    private const int MaxRemarkWords = 6;

    /// <summary>Words that bring up something beside what was answered: another item, the same again, a fault.</summary>
    [GeneratedRegex(@"(?<![\p{L}])(also|too|another|other|again|more|else|new|dead|broken|stopped|wrong|missing|problem|issue|question|auch|noch|andere[nmrs]?|wieder|aussi|autre|encore|tambi[ée]n|otr[oa]|otra vez|ook|ander[e]?|weer|tamb[ée]m|outr[oa]|anche|altr[oa])(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NewMatter();

    /// <summary>"Thanks, but…": what follows is a new question.</summary>
    [GeneratedRegex(@"(?<![\p{L}])(but|however|still|although|except|aber|doch|trotzdem|mais|toujours|pero|todav[íi]a|maar|nog steeds|mas|ainda|ma|ancora)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Contrast();

    /// <summary>
    /// What closes a conversation beside <see cref="Cues.Resolved"/> (which reads thanks and "it works now" in every
    /// language): a bare "solved", an acknowledgement ("got it", "fair enough") or a goodbye.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])((it|that|this) (works|worked|did it|fixed it|helped|solved it)|solved|sorted|fixed|perfect|great|awesome|brilliant|take care|have a (good|great|nice)|bye|goodbye|that's (it|all)|fair enough|no worries|understood|makes sense|got it|lesson learn(ed|t)|erledigt|gel[öo]st|r[ée]solu)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Acknowledged();
}
