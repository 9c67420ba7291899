using System.Text.RegularExpressions;
using Copilot.Api.Knowledge;
using Copilot.Api.Threads;

namespace Copilot.Api.Rewrite.Offline;

/// <summary>
/// expand, as far as rules can: a greeting and a closing in the text's language when missing, and
/// (English) step lists — bulleted, or bare lines after a colon — numbered. New explanations need a model.
/// </summary>
internal static partial class ExpandRules
{
    private static readonly HashSet<string> Imperatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "open", "go", "tap", "click", "select", "choose", "press", "hold", "release", "restart", "reboot", "unplug", "plug", "wait",
        "turn", "switch", "enter", "type", "sign", "log", "make", "check", "update", "install", "reinstall", "uninstall", "reset",
        "remove", "connect", "disconnect", "reconnect", "power", "scroll", "find", "copy", "paste", "save", "return", "close", "clear",
        "delete", "download", "upload", "navigate", "visit", "follow", "confirm", "try", "use", "set", "add", "pair", "unpair",
        "charge", "place", "insert", "attach", "refresh", "reload", "allow", "enable", "disable", "move", "keep", "send", "reply",
        "pack", "print", "drop", "take", "put", "forget", "rename", "launch", "run", "start", "stop", "quit", "exit", "accept",
        "verify", "look", "search", "change", "edit", "re-enter", "re-pair", "log in", "sign in", "long-press", "swipe", "scan",
    };

    public static string Apply(string text, string language, string? firstName, EditLog log)
    {
        var t = language == "en" ? NumberSteps(text, log) : text;
        t = Salutations.AddGreeting(t, language, firstName, log);
        return Salutations.AddClosing(t, language, log);
    }

    internal static string NumberSteps(string text, EditLog log)
    {
        var lines = TextShape.Lines(text);
        var greeting = TextShape.GreetingLine(lines);
        var i = 0;
        while (i < lines.Length)
        {
            var bulleted = TextBlocks.Bullet().IsMatch(lines[i]);
            var afterColon = i > 0 && i - 1 != greeting && lines[i - 1].TrimEnd().EndsWith(':') && !TextShape.IsListItem(lines[i]);
            if (!bulleted && !afterColon)
            {
                i++;
                continue;
            }
            var end = i;
            while (end < lines.Length && lines[end].Trim().Length > 0 && (bulleted ? TextBlocks.Bullet().IsMatch(lines[end]) : !TextShape.IsListItem(lines[end])))
            {
                end++;
            }
            var items = lines[i..end].Select(l => TextBlocks.Bullet().Replace(l, "").Trim()).ToList();
            var verbs = items.Count(StartsWithImperative);
            var steps = items.Count >= 2 && (bulleted ? verbs * 2 >= items.Count : verbs == items.Count && items.All(s => ThreadText.WordCount(s) <= 25));
            if (steps)
            {
                for (var n = 0; n < items.Count; n++)
                {
                    var indent = lines[i + n][..(lines[i + n].Length - lines[i + n].TrimStart().Length)];
                    lines[i + n] = $"{indent}{n + 1}. {items[n]}";
                }
                log.Add("Numbered the steps");
            }
            i = Math.Max(end, i + 1);
        }
        return string.Join('\n', lines);
    }

    private static bool StartsWithImperative(string item)
    {
        var words = Leading().Replace(item, "").Split([' ', '\t', ',', ':'], 3, StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && (Imperatives.Contains(words[0]) || (words.Length > 1 && Imperatives.Contains(words[0] + " " + words[1])));
    }

    /// <summary>"Then", "next", "finally", "please" before the verb.</summary>
    [GeneratedRegex(@"^(?:(?:then|next|finally|first|now|please|and)[ ,]+)+", RegexOptions.IgnoreCase)]
    private static partial Regex Leading();
}
