using System.Text;
using System.Text.RegularExpressions;

namespace Copilot.Api.Threads;

/// <summary>
/// English sentences of a thread retold in the third person, as a colleague would write them
/// in a case note: "I can't log in" → "they can't log in"; "Could you DM us your number?" →
/// "asked them to DM us their number". Only pronouns and the request frame change; the
/// rest stays in the author's words. Other languages are quoted as written.
/// </summary>
internal static partial class ReportedSpeech
{
    private static readonly Dictionary<string, string> Shift = new(StringComparer.OrdinalIgnoreCase)
    {
        ["i"] = "they", ["i'm"] = "they're", ["i've"] = "they've", ["i'd"] = "they'd", ["i'll"] = "they'll",
        ["me"] = "them", ["my"] = "their", ["mine"] = "theirs", ["myself"] = "themselves",
        ["we"] = "they", ["we're"] = "they're", ["we've"] = "they've", ["we'd"] = "they'd", ["we'll"] = "they'll",
        ["us"] = "them", ["our"] = "their", ["ours"] = "theirs", ["ourselves"] = "themselves",
        ["am"] = "are", ["im"] = "they're", ["ive"] = "they've",
    };

    /// <summary>The agent addressing the customer: "your order" → "their order".</summary>
    private static readonly Dictionary<string, string> ToCustomer = new(StringComparer.OrdinalIgnoreCase)
    {
        ["you're"] = "they're", ["you've"] = "they've", ["you'd"] = "they'd", ["you'll"] = "they'll",
        ["your"] = "their", ["yours"] = "theirs", ["yourself"] = "themselves", ["yourselves"] = "themselves",
    };

    /// <summary>The customer addressing us: "can you refund your fee" → "can we refund our fee".</summary>
    private static readonly Dictionary<string, string> ToUs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["you're"] = "we're", ["you've"] = "we've", ["you'd"] = "we'd", ["you'll"] = "we'll",
        ["your"] = "our", ["yours"] = "ours", ["yourself"] = "ourselves", ["yourselves"] = "ourselves",
    };

    /// <summary>The agent speaks for the team that reads the summary: "I'll check" → "we'll check", "send me" → "send us".</summary>
    private static readonly Dictionary<string, string> Team = new(StringComparer.OrdinalIgnoreCase)
    {
        ["i"] = "we", ["i'm"] = "we're", ["i've"] = "we've", ["i'd"] = "we'd", ["i'll"] = "we'll",
        ["me"] = "us", ["my"] = "our", ["mine"] = "ours", ["myself"] = "ourselves",
        ["we"] = "we", ["we're"] = "we're", ["we've"] = "we've", ["we'd"] = "we'd", ["we'll"] = "we'll",
        ["us"] = "us", ["our"] = "our", ["ours"] = "ours", ["ourselves"] = "ourselves",
    };

    /// <summary>Words after which "you" is an object ("help you", "send you", "for you") → "them".</summary>
    private static readonly HashSet<string> ObjectBefore = new(StringComparer.OrdinalIgnoreCase)
    {
        "let", "help", "send", "give", "tell", "ask", "thank", "show", "get", "assist", "contact", "see", "email", "update",
        "reach", "call", "keep", "to", "for", "with", "at", "from", "of", "about", "by", "into", "on", "DM", "message", "remind",
    };

    /// <summary>Words after which "you" ends its clause ("help you with", "sent you the link") → "them".</summary>
    private static readonly HashSet<string> ObjectAfter = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "the", "a", "an", "to", "for", "with", "in", "on", "at", "and", "or", "if", "as", "so", "about", "from",
        "this", "that", "these", "back", "up", "out", "know", "soon", "shortly", "further", "here", "there", "now", "again",
    };

    /// <summary>The customer's sentence in the third person: "my order never came" → "their order never came".</summary>
    public static string Retell(string sentence)
    {
        var s = sentence.Trim();
        if (AskToExplain().Match(s) is { Success: true } m)
        {
            return "asks " + ShiftPronouns(EndWithPeriod(m.Groups["rest"].Value), fromCustomer: true);
        }
        var retold = LowerFirst(ShiftPronouns(s, fromCustomer: true));
        // "Ordered a starter kit on 12 Nov …" leaves out who did: the customer.
        return SubjectlessPast().IsMatch(s) ? "they " + retold : retold;
    }

    /// <summary>What an agent's sentence did: "asked them to …", "asked what …", or "said …".</summary>
    public static string AgentAct(string sentence)
    {
        var s = sentence.Trim();
        if (Request().Match(s) is { Success: true } request)
        {
            return "asked them to " + ShiftPronouns(EndWithPeriod(request.Groups["rest"].Value), fromCustomer: false);
        }
        if (WhQuestion().Match(s) is { Success: true } wh)
        {
            var aux = wh.Groups["aux"].Value.ToLowerInvariant() is "do" or "does" ? "" : wh.Groups["aux"].Value.ToLowerInvariant() + " ";
            return $"asked {wh.Groups["wh"].Value.ToLowerInvariant()}{ShiftPronouns(wh.Groups["mid"].Value, fromCustomer: false)} they {aux}{ShiftPronouns(wh.Groups["rest"].Value, fromCustomer: false)}.";
        }
        if (YesNoQuestion().Match(s) is { Success: true } yn)
        {
            var verb = yn.Groups["aux"].Value.ToLowerInvariant() switch { "do" or "does" => "", var v => v + " " };
            return $"asked whether they {verb}{ShiftPronouns(yn.Groups["rest"].Value, fromCustomer: false)}.";
        }
        if (s.EndsWith('?'))
        {
            return "asked: \"" + s + "\"";
        }
        if (Imperative().IsMatch(s))
        {
            // "Tap Enable to use and sign in …" is a step the agent gave: "asked them to tap Enable …".
            return "asked them to " + char.ToLowerInvariant(s[0]) + ShiftPronouns(EndWithPeriod(s), fromCustomer: false)[1..];
        }
        if (LabelledItem().Match(s) is { Success: true } item && !item.Groups["label"].Value.Split(' ').Any(w => NotALabel.Contains(w.ToLowerInvariant())))
        {
            // A list item headed by what it offers ("A 2.4 GHz-only network: many mesh apps have …"): "said a 2.4 GHz-only
            // network: …" is no sentence. A side remark's heading ("Note:", "Tip:") is left out.
            var rest = ShiftPronouns(EndWithPeriod(item.Groups["rest"].Value), fromCustomer: false);
            var label = item.Groups["label"].Value;
            return Asides.Contains(label.ToLowerInvariant()) ? "said " + LowerFirst(rest) : $"suggested {LowerFirst(label)}: {rest}";
        }
        return "said " + LowerFirst(ShiftPronouns(EndWithPeriod(s), fromCustomer: false));
    }

    /// <summary>Words that make a heading before a colon a clause ("Here is the fix:", "What happened:") or an answer, not a list item's name.</summary>
    private static readonly HashSet<string> NotALabel = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "be", "been", "here", "there", "this", "that", "these", "those", "what", "which", "why", "how",
        "it", "i", "we", "you", "they", "he", "she", "my", "your", "our", "their", "do", "does", "did", "can", "could", "will",
        "would", "should", "has", "have", "had", "to", "not", "if", "so", "because", "and", "or", "but", "dear", "hi", "hello",
        // An answer before its reason ("Yes: you can pause …") is said, not suggested.
        "yes", "no", "sure", "ok", "okay", "unfortunately", "sadly", "good", "great",
    };

    /// <summary>Headings of a side remark rather than of something offered.</summary>
    private static readonly HashSet<string> Asides = new(StringComparer.Ordinal) { "note", "tip", "important", "ps", "p.s.", "update", "fyi", "edit" };

    private static string ShiftPronouns(string text, bool fromCustomer)
    {
        var result = new StringBuilder(text.Length + 16);
        var previous = "";
        var last = 0;
        var tokens = Token().Matches(text);
        for (var t = 0; t < tokens.Count; t++)
        {
            var m = tokens[t];
            var gap = text[last..m.Index];
            result.Append(gap);
            last = m.Index + m.Length;
            if (gap.IndexOfAny(['.', '!', '?', ';', ':', ',', '(', '-']) >= 0)
            {
                previous = ""; // a new clause starts
            }
            var word = m.Value;
            string replaced;
            if (!fromCustomer && Team.TryGetValue(word, out var team))
            {
                // "I" and "I'll" are capitals of grammar, not of a sentence start: "… and I'll send it" → "… and we'll send it".
                var before = gap.TrimEnd();
                var opensSentence = before.Length == 0 ? t == 0 : before[^1] is '.' or '!' or '?';
                var capital = char.IsUpper(word[0]) && (opensSentence || !(word == "I" || word.StartsWith("I'", StringComparison.Ordinal)));
                replaced = capital ? char.ToUpperInvariant(team[0]) + team[1..] : team;
            }
            else if (word.Equals("you", StringComparison.OrdinalIgnoreCase) && fromCustomer)
            {
                replaced = ObjectBefore.Contains(previous) ? "us" : "we";
            }
            else if (word.Equals("you", StringComparison.OrdinalIgnoreCase))
            {
                var endsClause = t + 1 == tokens.Count || text[last..tokens[t + 1].Index].IndexOfAny(['.', '!', '?', ';', ':', ',', ')']) >= 0;
                var next = t + 1 < tokens.Count ? tokens[t + 1].Value : "";
                replaced = ObjectBefore.Contains(previous) || endsClause || ObjectAfter.Contains(next) && previous.Length > 0 ? "them" : "they";
            }
            else if (word.Equals("was", StringComparison.OrdinalIgnoreCase) && previous.Equals("i", StringComparison.OrdinalIgnoreCase))
            {
                replaced = "were";
            }
            else if (word.Equals("am", StringComparison.OrdinalIgnoreCase) && !previous.Equals("i", StringComparison.OrdinalIgnoreCase))
            {
                replaced = word; // "9 am"
            }
            else
            {
                replaced = (fromCustomer ? ToUs : ToCustomer).TryGetValue(word, out var own) ? own
                    : Shift.TryGetValue(word, out var s) ? s : word;
            }
            result.Append(replaced);
            previous = word;
        }
        result.Append(text, last, text.Length - last);
        return result.ToString();
    }

    /// <summary>Words that open a sentence before a name without being part of it: "The Lumora bulb…", "Our Bridges…".</summary>
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "This", "That", "These", "Those", "Our", "Your", "My", "Their", "His", "Her", "Its", "Some", "Any", "Each",
        "Every", "All", "No", "Both", "Another", "One",
    };

    /// <summary>
    /// The sentence's first letter in lower case after "said": "A new bulb is on its way" → "a new bulb…", but a name stays
    /// as written ("Apple Home connects through Matter", "Lumora Plus renews…": two capitalised words in a row, the first no
    /// article or the like).
    /// </summary>
    private static string LowerFirst(string text)
    {
        var words = text.Split(' ', 3);
        var name = words.Length > 1 && words[1].Length > 0 && char.IsUpper(words[1][0]) && words[1] != "I" && !words[1].StartsWith("I'", StringComparison.Ordinal)
            && !Determiners.Contains(words[0]);
        return !name && words[0].Length > 0 && char.IsUpper(words[0][0]) && (words[0].Length == 1 ? words[0] == "A" : char.IsLower(words[0][1]))
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
    }

    private static string EndWithPeriod(string s)
    {
        s = s.TrimEnd().TrimEnd('?', '!', ',', ';', ':').TrimEnd();
        return s.Length == 0 || s[^1] == '.' ? s : s + ".";
    }

    [GeneratedRegex(@"[\p{L}]+(?:'[\p{L}]+)?")]
    private static partial Regex Token();

    /// <summary>A heading of at most five words (no apostrophes, no clause punctuation) before a colon, then the item's text.</summary>
    [GeneratedRegex(@"^(?<label>[\p{L}\p{N}][\p{L}\p{N}.\-/]*(?: [\p{L}\p{N}][\p{L}\p{N}.\-/]*){0,4}):\s+(?<rest>\S.*)$")]
    private static partial Regex LabelledItem();

    /// <summary>"Can you tell me how to …?" → "asks how to …".</summary>
    [GeneratedRegex(@"^(?:can|could|would) you (?:please )?(?:tell|show|explain to|let) me (?<rest>(?:how|why|what|when|where|whether|if) [^?]+)\?*$", RegexOptions.IgnoreCase)]
    private static partial Regex AskToExplain();

    [GeneratedRegex(@"^(?:(?:can|could|would|will) you (?:please |kindly )?|(?:please|kindly) (?:can you |could you )?(?:do (?=\p{Ll}))?)(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Request();

    [GeneratedRegex(@"^(?<wh>what|which|where|when|how|why|who)(?<mid>(?: [\p{L}\p{N}'-]+){0,4}?) (?<aux>do|does|are|is|have|can) you (?<rest>[^?]+)\?$", RegexOptions.IgnoreCase)]
    private static partial Regex WhQuestion();

    [GeneratedRegex(@"^(?<aux>are|do|does|have|were) you (?<rest>[^?]+)\?$", RegexOptions.IgnoreCase)]
    private static partial Regex YesNoQuestion();

    /// <summary>
    /// A sentence that opens on what its author did, without saying "I": "Ordered a starter kit on 12 Nov", "Just wanted to say
    /// thanks", "Rode home without any problem"; not "Attached is …".
    /// </summary>
    [GeneratedRegex(@"^(?:just |also |then )?(?:wanted to\b|(?:ordered|bought|purchased|received|paid|subscribed|signed up|installed|returned|booked|called|emailed|moved|noticed|tried|got|sent|had|spent|lost|found|rode|parked|locked|took|went|came|forgot|realised|realized)\s+(?!(?:is|are|was|were|to|by|as)\b)\S)", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectlessPast();

    /// <summary>A step the agent gives: a sentence that opens on a verb of doing ("Tap Enable …", "Hold the reset pin …", "Make sure …").</summary>
    [GeneratedRegex(@"^(?:tap|open|hold|press|plug|unplug|restart|reboot|reset|reinstall|uninstall|update|install|turn|switch|select|choose|click|enter|follow|wait|place|move|disable|enable|clear|scan|pair|connect|make sure|try|check|go to|log (?:in|out)|sign (?:in|out)|set (?:up|it|the|your)|add|send|reply|use|end|take|contact|remove|delete)\s+(?!(?:is|are|was|were)\b)\S", RegexOptions.IgnoreCase)]
    private static partial Regex Imperative();
}
