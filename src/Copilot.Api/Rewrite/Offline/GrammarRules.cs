using System.Text;
using System.Text.RegularExpressions;
using Copilot.Api.Threads;

namespace Copilot.Api.Rewrite.Offline;

/// <summary>fix-grammar: spacing and punctuation, repeated words, capitals, the final full stop; English spelling and "i" for English only.</summary>
internal static partial class GrammarRules
{
    /// <summary>Doubled words that are often right: "that that", "had had", German "die die", French "nous nous".</summary>
    private static readonly HashSet<string> MayRepeat = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "had", "do", "bye", "ha", "no", "so", "very", "really", "many", "much",
        "die", "der", "das", "den", "dem", "sie", "nous", "vous", "dat", "que", "che", "se", "si",
    };

    public static string Apply(string text, string language, ProtectedText spans, EditLog log)
    {
        var english = language == "en";
        var t = SpacingRules.Apply(text, language, log);
        t = log.Replace(t, RepeatedWord(), m => MayRepeat.Contains(m.Groups[1].Value) ? m.Value : m.Groups[1].Value,
            "Removed a repeated word", (m, _) => $"\"{m.Value}\"");
        if (english)
        {
            t = Misspellings.Apply(t, log);
            t = log.Replace(t, LowerI(), "I", "Capitalised \"I\"");
            t = log.Replace(t, DayOrMonth(), m => Casing.Capitalize(m.Value), "Capitalised days and months", (m, r) => r);
        }
        t = CapitaliseSentences(t, language, spans, log);
        t = CapitaliseNames(t, log);
        return FinalStops(t, english, spans, log);
    }

    /// <summary>Words of a greeting or a sign-off that are not names, in the languages the phrasebook speaks.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "there", "all", "everyone", "everybody", "team", "folks", "guys", "and", "again", "friend", "friends", "support",
        "customer", "valued", "und", "zusammen", "liebe", "lieber", "et", "tous", "cher", "chère", "y", "todos", "querido",
        "querida", "estimado", "estimada", "en", "allemaal", "beste", "e", "tutti", "caro", "cara", "gentile", "prezado", "prezada",
    };

    /// <summary>
    /// "hi anna," → "Hi Anna,", and a sign-off name on a line of its own: names are capitalised in every
    /// language the phrasebook speaks. Only words written all in lower case, and only there.
    /// </summary>
    internal static string CapitaliseNames(string text, EditLog log)
    {
        var lines = TextShape.Lines(text);
        var names = new List<int>();
        var greeting = TextShape.GreetingLine(lines);
        if (greeting >= 0 && GreetingNames().IsMatch(lines[greeting]))
        {
            names.Add(greeting);
        }
        var signOff = TextShape.SignOffStart(lines);
        for (var i = signOff < 0 ? lines.Length : signOff + 1; i < lines.Length; i++)
        {
            if (SignOffName().IsMatch(lines[i]))
            {
                names.Add(i);
            }
        }
        var changed = false;
        foreach (var i in names)
        {
            var line = lines[i];
            var first = i == greeting ? GreetingNames().Match(line).Groups["names"] : null;
            var from = first?.Index ?? 0;
            var to = first is null ? line.Length : first.Index + first.Length;
            lines[i] = line[..from] + NameWord().Replace(line[from..to], m =>
                m.Value.Length < 2 || NotNames.Contains(m.Value) || !Casing.IsLowerWord(m.Value) ? m.Value : Casing.Capitalize(m.Value)) + line[to..];
            changed |= lines[i] != line;
        }
        if (!changed)
        {
            return text;
        }
        log.Add("Capitalised names in the greeting and sign-off");
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"^\s*\p{L}+\s+(?<names>[\p{L}' -]{2,40}?)\s*[,:!]?\s*$")]
    private static partial Regex GreetingNames();

    [GeneratedRegex(@"^\s*\p{Ll}[\p{L}'-]{1,30}(\s+\p{L}[\p{L}'-]{1,30})?\s*$")]
    private static partial Regex SignOffName();

    [GeneratedRegex(@"\p{L}[\p{L}'’-]*")]
    private static partial Regex NameWord();

    /// <summary>The first word of a paragraph and of every sentence, when it is written all in lower case.</summary>
    internal static string CapitaliseSentences(string text, string language, ProtectedText spans, EditLog log)
    {
        var chars = new StringBuilder(text);
        var lines = TextShape.Lines(text);
        var greeting = TextShape.GreetingLine(lines);
        // German letters go on in lower case after "Hallo Anna,".
        var afterGreeting = greeting >= 0 && language == "de" && lines[greeting].TrimEnd().EndsWith(',')
            ? Enumerable.Range(greeting + 1, lines.Length - greeting - 1).FirstOrDefault(j => lines[j].Trim().Length > 0, -1)
            : -1;
        var offset = 0;
        for (var i = 0; i < lines.Length; offset += lines[i].Length + 1, i++)
        {
            var previous = i == 0 ? "" : lines[i - 1].TrimEnd();
            var opensParagraph = previous.Length == 0 || i - 1 == greeting || previous[^1] is '.' or '!' or '?';
            if (opensParagraph && i != afterGreeting && !TextShape.IsListItem(lines[i]))
            {
                Capitalise(chars, offset + FirstWordStart(lines[i]), log);
            }
        }
        foreach (Match m in SentenceEnd().Matches(text))
        {
            var at = m.Groups[1].Index;
            if (m.Groups[1].Value == "." && (TextShape.IsAbbreviationDot(text, at) || AfterNumber(text, at, spans)))
            {
                continue;
            }
            Capitalise(chars, m.Index + m.Length, log);
        }
        return chars.ToString();
    }

    /// <summary>"am 20.11. versandt", "the 3. option": after a number a full stop may not end the sentence.</summary>
    private static bool AfterNumber(string text, int dot, ProtectedText spans) =>
        dot > 0 && (char.IsDigit(text[dot - 1]) || (ProtectedText.IsMark(text[dot - 1]) && spans.KindAt(text[dot - 1]) == ProtectedText.SpanKind.Number));

    private static int FirstWordStart(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t' or '"' or '\'' or '(')
        {
            i++;
        }
        return i;
    }

    private static void Capitalise(StringBuilder text, int at, EditLog log)
    {
        while (at < text.Length && text[at] is '"' or '\'' or '(')
        {
            at++;
        }
        var end = at;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] is '\'' or '’' or '-'))
        {
            end++;
        }
        var word = text.ToString(at, end - at);
        if (word.Length > 0 && Casing.IsLowerWord(word))
        {
            text[at] = char.ToUpperInvariant(text[at]);
            log.Add("Capitalised sentence starts");
        }
    }

    /// <summary>
    /// A paragraph's prose that ends without a mark gets one: a question mark for an English question,
    /// a full stop otherwise. Greetings, sign-offs, list items, short lines and lines ending in a link do not.
    /// </summary>
    private static string FinalStops(string text, bool english, ProtectedText spans, EditLog log)
    {
        var lines = TextShape.Lines(text);
        var greeting = TextShape.GreetingLine(lines);
        var signOff = TextShape.SignOffStart(lines);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            var endsParagraph = i == lines.Length - 1 || lines[i + 1].Trim().Length == 0;
            // A block of lines none of which ends a sentence is a list or an address, not prose.
            var inBlock = i > 0 && lines[i - 1].TrimEnd() is { Length: > 0 } above && !".!?:".Contains(above[^1]);
            if (!endsParagraph || inBlock || line.Length == 0 || (i == greeting && WordCount().Count(line) <= 3) || (signOff >= 0 && i >= signOff) || TextShape.IsListItem(line)
                || WordCount().Count(line) < 4 || !EndsBare(line, spans))
            {
                continue;
            }
            var sentence = LastSentence(line);
            var mark = sentence.StartsWith('¿') || (english && Cues.QuestionOpening().IsMatch(sentence)) ? "?" : sentence.StartsWith('¡') ? "!" : ".";
            lines[i] = line + mark;
            log.Add(mark == "." ? "Added a missing full stop" : $"Added a missing \"{mark}\"");
        }
        return string.Join('\n', lines);
    }

    private static bool EndsBare(string line, ProtectedText spans)
    {
        var last = line[^1];
        if (ProtectedText.IsMark(last))
        {
            // After an address or a link a full stop could be read as part of it.
            return spans.KindAt(last) is ProtectedText.SpanKind.Number or ProtectedText.SpanKind.Placeholder;
        }
        return char.IsLetterOrDigit(last);
    }

    private static string LastSentence(string line)
    {
        var ends = AnySentenceEnd().Matches(line);
        return ends.Count == 0 ? line.Trim() : line[(ends[^1].Index + ends[^1].Length)..].Trim();
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}'’\-])(\p{L}+)(?:[ \t]+\1)+(?![\p{L}\p{N}'’\-])", RegexOptions.IgnoreCase)]
    private static partial Regex RepeatedWord();

    /// <summary>A lone "i", also in "i'm", "i've", "i'll", "i'd"; not "(i)" numbering a list.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}'’\-_(])i(?=(?:['’](?:m|ve|ll|d))?(?![\p{L}\p{N}'’\-_]))(?!\)|\.\p{L})")]
    private static partial Regex LowerI();

    [GeneratedRegex(@"([.!?])[""')\]]?[ \t]+(?=[""'(]?\p{L})")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?<=[.!?…][""')\]]?)[ \t]+(?=\S)")]
    private static partial Regex AnySentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}\uE000-\uF8FF]+")]
    private static partial Regex WordCount();

    /// <summary>English days and months, without "may" and "march", which are also verbs.</summary>
    [GeneratedRegex(@"(?<![\p{L}'’\-])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|april|june|july|august|september|october|november|december)(?![\p{L}'’\-])")]
    private static partial Regex DayOrMonth();
}
