using System.Text.RegularExpressions;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Threads;

/// <summary>
/// The marks of social-media support: an agent's initials or name after the last sentence ("… in the loop /JI", "^XS",
/// "- Allyn"), and a reply too long for one message sent in parts ("… give you a ... 1/2" then "... call to discuss
/// this further? 2/2", "… the issue you 1 ^XS" then "are having along with your Gamertag? 2 ^XS", "1: Thanks. Does …"
/// then "2: Android and Spotify versions …"). Read apart, each part is a fragment: consecutive comments by the same
/// author that carry such marks are read as one, and the marks are dropped (the links after them stay).
/// </summary>
internal static partial class SocialParts
{
    /// <summary>The comments with each message sent in parts joined into one text (the first part's comment stands for it).</summary>
    public static List<(HelpdeskComment Comment, string Text)> Join(IReadOnlyList<HelpdeskComment> comments)
    {
        var joined = new List<(HelpdeskComment Comment, string Text)>(comments.Count);
        string? last = null; // the last part read: its end says whether the next goes on with it
        foreach (var comment in comments)
        {
            if (last is not null && joined[^1].Comment is var first
                && first.Public == comment.Public && first.Author.Id == comment.Author.Id && first.Author.Role == comment.Author.Role
                && Continues(last, comment.Text))
            {
                var text = joined[^1].Text == first.Text ? WithoutPartNumber(first.Text) : joined[^1].Text;
                joined[^1] = (first, WithoutEnd(text, dots: true) + " " + WithoutStart(comment.Text));
            }
            else
            {
                joined.Add((comment, comment.Text));
            }
            last = comment.Text;
        }
        return joined;
    }

    /// <summary>A message without its author's initials or name and the number of its part at its end; its links stay.</summary>
    public static string WithoutMarks(string text) => WithoutEnd(text, dots: false);

    /// <summary>Whether <paramref name="next"/> goes on with the part <paramref name="text"/>.</summary>
    internal static bool Continues(string text, string next)
    {
        var end = End().Match(text.TrimEnd());
        if (end.Groups["of"].Success)
        {
            return Number(end, "part") < Number(end, "of");
        }
        if (end.Groups["part"].Success)
        {
            // "… you 1 ^XS" goes on in "… 2 ^XS".
            var nextEnd = End().Match(next.TrimEnd());
            return nextEnd.Groups["part"].Success && !nextEnd.Groups["of"].Success && Number(nextEnd, "part") == Number(end, "part") + 1;
        }
        var nextStart = Start().Match(ThreadText.LeadingMentions().Replace(next.TrimStart(), ""));
        if (nextStart.Groups["part"].Success)
        {
            // "1: Thanks. Does …" goes on in "2: Android and Spotify versions …".
            var start = Start().Match(ThreadText.LeadingMentions().Replace(text.TrimStart(), ""));
            return start.Groups["part"].Success && Number(nextStart, "part") == Number(start, "part") + 1;
        }
        // "… send us the exact..." goes on in "...Android and Spotify versions" or "are having along with …".
        return end.Groups["dots"].Success && nextStart.Success;
    }

    private static int Number(Match m, string group) => m.Groups[group].ValueSpan[0] - '0';

    private static string WithoutEnd(string text, bool dots)
    {
        var trimmed = text.TrimEnd();
        var end = End().Match(trimmed);
        var marked = end.Groups["part"].Success || end.Groups["sig"].Success || (dots && end.Groups["dots"].Success);
        return marked ? trimmed[..end.Index] + end.Groups["links"].Value : trimmed;
    }

    /// <summary>The first part without the number it starts with ("1/2 Let's work on …", "1: Thanks."), when it has one.</summary>
    private static string WithoutPartNumber(string text)
    {
        var rest = ThreadText.LeadingMentions().Replace(text.TrimStart(), "");
        var start = Start().Match(rest);
        return start.Groups["part"].Success ? rest[start.Length..] : text;
    }

    private static string WithoutStart(string text)
    {
        var rest = ThreadText.LeadingMentions().Replace(text.TrimStart(), "");
        var start = Start().Match(rest);
        return start.Success ? rest[start.Length..] : rest;
    }

    /// <summary>
    /// What ends a message or a part: "…" or "..", a part number ("1/2", "(1/3)", "^Lisa 2/2", "- Allyn 2/2", "1/2 ^MT",
    /// "1 ^XS"; not a quantity such as "about 1/2" or "1 1/2") or the author's initials ("/JI", "^XS", "*TDL.", "-CA") or name
    /// ("*JawedK", "- Cameron."; not an order's status such as "- Shipped"), before any links. Matches, empty,
    /// at the end of any text; its groups say which marks there were. Read from the end: it never walks the whole text.
    /// </summary>
    [GeneratedRegex(@"(?:\s*(?<dots>\.{2,}|…))?(?:\s*(?:(?<sig>[\^/~*]\s?[A-Z][A-Za-z]{0,11}|-\s?[A-Z][a-z]{1,11})\.?\s+)?\(?(?<![\w/])(?<!(?i:\b(?:only|about|around|nearly|almost|over|under|than|just|roughly|approximately|least|to|by|of)|\d)\s+)(?<part>\d)\s?/\s?(?<of>\d)\)?(?:\s*(?<sig>[\^/~*]\s?[A-Z]{1,3})\.?)?|\s+(?<part>\d)\s+(?<sig>[\^/~*]\s?[A-Z]{1,3})\.?|(?:\s+|(?<=[.!?,]))(?<sig>[\^/~*]\s?[A-Z]{1,3}|-[A-Z]{2,3}|[\^~*]\s?[A-Z][A-Za-z]{1,20}|-\s?(?!(?:Shipped|Dispatched|Delivered|Returned|Refunded|Paid|Charged|Cancell?ed|Closed|Resolved|Solved|Fixed|Done|Sent|Received|Confirmed|Approved|Declined|Failed|Pending|Completed|Processing|Updated)\b)[A-Z][a-z]{1,11})\.?)?(?<links>(?:\s+https?://\S+)*)$", RegexOptions.RightToLeft)]
    private static partial Regex End();

    /// <summary>What starts a later part: "2/2..", "(2/2)", "2: ", "…", or a word in lower case that goes on with a sentence.</summary>
    [GeneratedRegex(@"^(?:\(?(?<part>\d)\s?/\s?\d\)?(?:\.{2,}|…|:)?\s*|\(?(?<part>\d)[:)]\s+|(?:\.{2,}|…)\s*|(?=\p{Ll}))")]
    private static partial Regex Start();
}
