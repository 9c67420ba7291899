using System.Text.RegularExpressions;
using Copilot.Api.Languages;
using Copilot.Api.Threads;

namespace Copilot.Api.Rewrite.Offline;

/// <summary>The greeting and the closing of a reply: whether it has them, adding them from the phrasebook, and changing their tone.</summary>
internal static partial class Salutations
{
    public static bool HasGreeting(IReadOnlyList<string> lines)
    {
        var first = lines.FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
        if (first is null)
        {
            return false;
        }
        if (ThreadText.IsGreetingLine(first))
        {
            return true;
        }
        var clause = first.IndexOfAny([',', '!', ':']);
        return clause > 0 && ThreadText.WordCount(first[..clause]) <= 4 && ThreadText.IsGreetingLine(first[..clause]);
    }

    public static bool HasClosing(IReadOnlyList<string> lines)
    {
        if (TextShape.SignOffStart(lines) >= 0)
        {
            return true;
        }
        var last = TextShape.LastNonEmpty(lines);
        if (last < 0)
        {
            return false;
        }
        var line = lines[last].Trim();
        var comma = line.IndexOf(',', StringComparison.Ordinal);
        return CasualClosingLine().IsMatch(line) || (comma > 0 && ThreadText.IsClosingLine(line[..comma])); // "Best, Anna"
    }

    /// <summary>The phrasebook's greeting (with the requester's first name when known) above a text that has none.</summary>
    public static string AddGreeting(string text, string language, string? firstName, EditLog log)
    {
        if (HasGreeting(TextShape.Lines(text)))
        {
            return text;
        }
        var greeting = Phrasebook.For(language).Greet(firstName);
        log.Add("Added a greeting", $"\"{greeting}\"");
        return greeting + "\n\n" + text.TrimStart('\n');
    }

    /// <summary>The phrasebook's closing below a text that has none.</summary>
    public static string AddClosing(string text, string language, EditLog log)
    {
        if (HasClosing(TextShape.Lines(text)))
        {
            return text;
        }
        var closing = Phrasebook.For(language).Closing;
        log.Add("Added a closing", $"\"{closing}\"");
        return text.TrimEnd() + "\n\n" + closing;
    }

    /// <summary>"Dear Anna," → "Hi Anna,"; "To whom it may concern," → "Hello,"; "Yours sincerely," → "Best regards,".</summary>
    public static string Warmer(string text, EditLog log)
    {
        var t = log.Replace(text, Impersonal(), "${indent}Hello,", "Made the greeting warmer");
        t = log.Replace(t, DearName(), "${indent}Hi ${name},", "Made the greeting warmer");
        return log.Replace(t, StiffClosing(), "${indent}Best regards,", "Made the closing warmer");
    }

    /// <summary>"Hi Anna," → "Dear Anna,"; "Hey there!" → "Hello,"; "Cheers," → "Kind regards,".</summary>
    public static string Formal(string text, EditLog log)
    {
        var t = log.Replace(text, CasualGreeting(), m =>
        {
            var rest = m.Groups["rest"].Value.Trim();
            var indent = m.Groups["indent"].Value;
            if (rest.Length == 0 || rest.Equals("there", StringComparison.OrdinalIgnoreCase))
            {
                return indent + "Hello,";
            }
            if (Group().IsMatch(rest))
            {
                return indent + "Hello " + (rest.Equals("guys", StringComparison.OrdinalIgnoreCase) ? "everyone" : rest) + ",";
            }
            return indent + "Dear " + rest + ",";
        }, "Made the greeting more formal");
        return log.Replace(t, CasualClosing(), m => m.Groups["indent"].Value + (m.Groups["best"].Success ? "Best regards," : "Kind regards,"), "Made the closing more formal");
    }

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?:dear sir(?: or |/)madam|dear sirs?|to whom it may concern)[,:]?[ \t]*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Impersonal();

    [GeneratedRegex(@"^(?<indent>[ \t]*)[Dd]ear[ \t]+(?<name>(?:[\p{Lu}\uE000-\uF8FF][\p{L}.'’\-]*[ \t]?){1,3}?)[ \t]*[,:]?[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex DearName();

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?:yours sincerely|sincerely(?: yours)?|yours faithfully|yours truly|respectfully(?: yours)?)[,.]?[ \t]*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex StiffClosing();

    /// <summary>A greeting line of its own: "Hi Anna,", "Hey there!", "hi {{ticket.requester.first_name}}", "Hiya team".</summary>
    [GeneratedRegex(@"^(?<indent>[ \t]*)(?:hi|hey|hiya|heya|howdy)\b(?<rest>(?:[ \t]+(?:there|all|team|everyone|everybody|guys|folks|[\p{Lu}\uE000-\uF8FF][\p{L}.'’\-]*)){0,3})[ \t]*[,!:]*[ \t]*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex CasualGreeting();

    /// <summary>Sign-offs the helpdesk-wide closing list leaves out: "thx", "take care", "have a great day!".</summary>
    [GeneratedRegex(@"^(?:thx|thnx|thanx|ty|cheers|best|later|take care|talk soon|speak soon|all the best|warmly|warm wishes|have a (?:great|good|nice|lovely|wonderful) (?:day|week|weekend|evening))[,.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex CasualClosingLine();

    [GeneratedRegex(@"^(?:all|team|everyone|everybody|guys|folks)$", RegexOptions.IgnoreCase)]
    private static partial Regex Group();

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?:cheers|ta|later|(?<best>best))[,!.]?[ \t]*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex CasualClosing();
}
