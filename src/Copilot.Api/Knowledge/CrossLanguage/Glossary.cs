namespace Copilot.Api.Knowledge.CrossLanguage;

/// <summary>
/// The helpdesk words of <c>glossary.txt</c>: for each language, the forms that say a concept (whole words, word
/// beginnings and runs of words), and the English words searched for it. Forms are folded as the keyword index folds
/// words (<see cref="FtsQuery.Fold"/>: lower case, no accents).
/// </summary>
internal sealed class Glossary
{
    /// <summary>Letters a word beginning needs before its star: shorter ones begin too many unrelated words.</summary>
    public const int MinStem = 4;

    /// <summary>
    /// One language's forms, each with its concept (an index into <see cref="English"/>): whole words by the word, word
    /// beginnings by their first <see cref="MinStem"/> letters and runs of words by their first word, each group longest
    /// first ("kontoauszug" is a bank statement before "konto" is an account), so a word's are found without reading them all.
    /// </summary>
    public sealed class Forms(
        Dictionary<string, int> words, IEnumerable<(string Stem, int Concept)> stems, IEnumerable<(string[] Words, int Concept)> phrases)
    {
        public IReadOnlyDictionary<string, int> Words { get; } = words;

        private readonly Dictionary<string, List<(string Stem, int Concept)>> _byHead = stems
            .GroupBy(s => s.Stem[..MinStem], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.Stem.Length).ToList(), StringComparer.Ordinal);

        private readonly Dictionary<string, List<(string[] Words, int Concept)>> _phrasesByFirst = phrases
            .GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToList(), StringComparer.Ordinal);

        /// <summary>The phrases that begin with <paramref name="word"/>, longest first.</summary>
        public IReadOnlyList<(string[] Words, int Concept)> PhrasesFrom(string word) =>
            _phrasesByFirst.TryGetValue(word, out var phrases) ? phrases : [];

        /// <summary>The longest stem <paramref name="word"/> has at <paramref name="at"/>, at least <paramref name="minLength"/> letters long.</summary>
        public (string Stem, int Concept)? StemAt(string word, int at, int minLength = MinStem)
        {
            if (word.Length - at < MinStem || !_byHead.TryGetValue(word.Substring(at, MinStem), out var stems))
            {
                return null;
            }
            foreach (var stem in stems)
            {
                if (stem.Stem.Length >= minLength && word.Length - at >= stem.Stem.Length && string.CompareOrdinal(word, at, stem.Stem, 0, stem.Stem.Length) == 0)
                {
                    return stem;
                }
            }
            return null;
        }
    }

    /// <summary>Each concept's English words, as searched.</summary>
    public IReadOnlyList<string> English { get; }

    /// <summary>The languages the glossary translates from, by two-letter code.</summary>
    public IReadOnlyDictionary<string, Forms> Languages { get; }

    private Glossary(IReadOnlyList<string> english, IReadOnlyDictionary<string, Forms> languages)
    {
        English = english;
        Languages = languages;
    }

    public static Glossary Shipped { get; } = Parse(Resource());

    private static string Resource()
    {
        using var stream = typeof(Glossary).Assembly.GetManifestResourceStream("Knowledge.glossary.txt")
            ?? throw new InvalidOperationException("The cross-language glossary is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads the glossary's text: "#" lines are comments, the first other line names the languages ("en | de | …").</summary>
    public static Glossary Parse(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var codes = Cells(lines[0]);
        if (codes.Length < 2 || codes[0] != "en")
        {
            throw new FormatException("The glossary's first line must name English and then the languages it translates from.");
        }
        var english = new List<string>();
        var words = codes.Skip(1).ToDictionary(c => c, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        var stems = codes.Skip(1).ToDictionary(c => c, _ => new List<(string, int)>());
        var phrases = codes.Skip(1).ToDictionary(c => c, _ => new List<(string[], int)>());
        var owner = new Dictionary<(string Language, string Form), int>();
        foreach (var line in lines.Skip(1))
        {
            var cells = Cells(line);
            if (cells.Length != codes.Length)
            {
                throw new FormatException($"Glossary line \"{line}\" has {cells.Length} cells, not {codes.Length}.");
            }
            var concept = english.Count;
            english.Add(cells[0]);
            for (var c = 1; c < codes.Length; c++)
            {
                foreach (var form in cells[c].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var folded = FtsQuery.Fold(form);
                    // One form, one concept: a form under two would search whichever line came first. Written twice on its
                    // own line ("lâmpada*, lampada*" fold alike) it is read once.
                    if (owner.TryGetValue((codes[c], folded), out var other))
                    {
                        if (other != concept)
                        {
                            throw new FormatException($"Glossary form \"{form}\" ({codes[c]}) says both \"{english[other]}\" and \"{cells[0]}\".");
                        }
                        continue;
                    }
                    owner[(codes[c], folded)] = concept;
                    if (folded.Contains(' '))
                    {
                        phrases[codes[c]].Add((folded.Split(' ', StringSplitOptions.RemoveEmptyEntries), concept));
                    }
                    else if (folded.EndsWith('*'))
                    {
                        var stem = folded[..^1];
                        if (stem.Length < MinStem)
                        {
                            throw new FormatException($"Glossary stem \"{form}\" is shorter than {MinStem} letters.");
                        }
                        stems[codes[c]].Add((stem, concept));
                    }
                    else
                    {
                        words[codes[c]].Add(folded, concept);
                    }
                }
            }
        }
        return new Glossary(english, codes.Skip(1).ToDictionary(c => c, c => new Forms(words[c], stems[c], phrases[c])));
    }

    private static string[] Cells(string line) => line.Split('|').Select(c => c.Trim()).ToArray();
}
