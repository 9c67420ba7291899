using System.Text.RegularExpressions;

namespace Copilot.Api.Rewrite.Offline;

/// <summary>English contractions and their long forms, both ways.</summary>
internal static partial class Contractions
{
    public const string Contracted = "Used contractions";
    public const string Expanded = "Wrote contractions out";

    /// <summary>Long form → short form. Only before another word: "as it is." cannot become "as it's.".</summary>
    private static readonly (string Long, string Short)[] Pairs =
    [
        ("do not", "don't"), ("does not", "doesn't"), ("did not", "didn't"), ("cannot", "can't"), ("can not", "can't"),
        ("will not", "won't"), ("would not", "wouldn't"), ("should not", "shouldn't"), ("could not", "couldn't"),
        ("is not", "isn't"), ("are not", "aren't"), ("was not", "wasn't"), ("were not", "weren't"),
        ("have not", "haven't"), ("has not", "hasn't"), ("had not", "hadn't"),
        ("I am", "I'm"), ("we are", "we're"), ("you are", "you're"), ("they are", "they're"),
        ("I will", "I'll"), ("we will", "we'll"), ("you will", "you'll"), ("they will", "they'll"), ("it will", "it'll"),
        ("it is", "it's"), ("that is", "that's"), ("there is", "there's"), ("here is", "here's"), ("what is", "what's"),
        ("I would", "I'd"), ("we would", "we'd"), ("you would", "you'd"),
    ];

    private static readonly Dictionary<string, string> ToShort = Pairs.ToDictionary(p => p.Long, p => p.Short, StringComparer.OrdinalIgnoreCase);

    /// <summary>Short form → long form; "'s" and "'d" that mean "has" and "had" are told by the word after them.</summary>
    private static readonly Dictionary<string, string> ToLong = BuildToLong();

    private static Dictionary<string, string> BuildToLong()
    {
        var map = Pairs.Where(p => p.Long != "can not").ToDictionary(p => p.Short, p => p.Long, StringComparer.OrdinalIgnoreCase);
        map["let's"] = "let us";
        map["I've"] = "I have";
        map["we've"] = "we have";
        map["you've"] = "you have";
        map["they've"] = "they have";
        map["they'd"] = "they would";
        map["ain't"] = "is not";
        return map;
    }

    public static string Contract(string text, EditLog log) =>
        log.Replace(text, LongForm, m =>
        {
            var shortForm = ToShort[Spaces().Replace(m.Value, " ")];
            return m.Value.StartsWith("I ", StringComparison.Ordinal) || m.Value.StartsWith("I\t", StringComparison.Ordinal) ? shortForm : Casing.Like(m.Value, shortForm);
        }, Contracted, (m, r) => $"{m.Value} → {r}");

    public static string Expand(string text, EditLog log) =>
        log.Replace(text, ShortForm, m =>
        {
            var word = m.Value;
            var key = word.Replace('’', '\'');
            var next = m.Groups["next"].Value;
            var longForm = ToLong[key];
            if (key.EndsWith("'s", StringComparison.OrdinalIgnoreCase) && HasAfterS().IsMatch(next))
            {
                longForm = longForm.Replace(" is", " has", StringComparison.Ordinal); // "it's been" is "it has been"
            }
            else if (key.EndsWith("'d", StringComparison.OrdinalIgnoreCase) && HadAfterD().IsMatch(next))
            {
                longForm = longForm.Replace(" would", " had", StringComparison.Ordinal); // "I'd sent" is "I had sent"
            }
            return word.StartsWith('I') && longForm.StartsWith("I ", StringComparison.Ordinal) ? longForm : Casing.Like(word, longForm);
        }, Expanded, (m, r) => $"{m.Value} → {r}");

    /// <summary>"it is" but not "it is not": that reads better as "it isn't" than "it's not"; "I am not" has no other short form.</summary>
    private static readonly Regex LongForm = new(
        @"(?<![\p{L}'’-])(?:" + string.Join('|', Pairs.Select(p => Escape(p.Long) + (NotFollows(p.Long) ? @"(?![ \t]+not\b)" : ""))) + @")(?=[ \t]+\p{L})(?![\p{L}'’-])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex ShortForm = new(
        @"(?<![\p{L}'’-])(?:" + string.Join('|', ToLong.Keys.Select(k => Regex.Escape(k).Replace("'", "['’]", StringComparison.Ordinal))) + @")(?![\p{L}'’-])(?=[ \t]+(?<next>\p{L}+))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static string Escape(string phrase) => Regex.Escape(phrase).Replace("\\ ", "[ \\t]+", StringComparison.Ordinal);

    private static bool NotFollows(string phrase) => phrase.Split(' ') is [_, "will" or "is" or "are" or "would"];

    [GeneratedRegex(@"^(?:been|got|gotten|had)$", RegexOptions.IgnoreCase)]
    private static partial Regex HasAfterS();

    [GeneratedRegex(@"^(?:been|had|got|gotten|done|sent|seen|made|given|taken|found|[a-z]+ed)$", RegexOptions.IgnoreCase)]
    private static partial Regex HadAfterD();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
