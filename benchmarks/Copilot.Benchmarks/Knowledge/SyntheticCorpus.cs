using Copilot.Api.Knowledge;

namespace Copilot.Benchmarks.Knowledge;

/// <summary>
/// Deterministic help-center-like text: pseudo-words drawn from a Zipf distribution (a few
/// very common words, a long tail of rare ones, as in real support text), mixed with real stop
/// words, in sentences, paragraphs and titled sources.
/// </summary>
public sealed class SyntheticCorpus
{
    private static readonly string[] Syllables = ["ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "qui", "ro", "sa", "te", "vi", "wo", "xa", "ze", "bri", "cla", "dro", "fle", "gra", "pro", "stu", "tri"];
    private static readonly string[] Glue = ["the", "a", "to", "your", "and", "of", "in", "is", "for", "you", "can", "it", "on", "with", "please", "my", "i", "not"];

    private readonly Random _random;
    private readonly string[] _words;
    private readonly double[] _cumulative;

    public SyntheticCorpus(int seed, int vocabulary = 20_000)
    {
        _random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < vocabulary)
        {
            var length = 2 + _random.Next(3);
            words.Add(string.Concat(Enumerable.Range(0, length).Select(_ => Syllables[_random.Next(Syllables.Length)])));
        }
        _words = words.ToArray();
        _cumulative = new double[_words.Length];
        var sum = 0.0;
        for (var i = 0; i < _words.Length; i++)
        {
            sum += 1.0 / (i + 1);
            _cumulative[i] = sum;
        }
    }

    public string Word()
    {
        var x = _random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        return _words[i < 0 ? ~i : i];
    }

    public string Words(int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => _random.NextDouble() < 0.3 ? Glue[_random.Next(Glue.Length)] : Word()));

    public string Sentence() => Capitalize(Words(8 + _random.Next(13))) + ".";

    public string Paragraph() => string.Join(' ', Enumerable.Range(0, 2 + _random.Next(3)).Select(_ => Sentence()));

    public KnowledgeDocument Source(int n) => new(
        n % 10 == 0 ? SourceKind.Macro : SourceKind.Article,
        n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Capitalize(Words(3 + _random.Next(5))),
        string.Join("\n\n", Enumerable.Range(0, 3 + _random.Next(3)).Select(_ => Paragraph())),
        $"https://help.example.com/articles/{n}",
        "en-us",
        DateTimeOffset.UnixEpoch);

    /// <summary>
    /// Queries shaped like the copilot's: 60 % a search-box phrase (2-8 words), 30 % one
    /// customer message (20-60 words), 10 % a whole thread (200-400 words).
    /// </summary>
    public (string Kind, string Text) Query()
    {
        var roll = _random.NextDouble();
        return roll < 0.6 ? ("phrase", Words(2 + _random.Next(7)))
            : roll < 0.9 ? ("message", "Hi, " + Words(20 + _random.Next(41)) + ". Thanks")
            : ("thread", string.Join("\n\n", Enumerable.Range(0, 5).Select(_ => Words(40 + _random.Next(41)))));
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
