using System.Text.RegularExpressions;

namespace Copilot.Api.Knowledge.CrossLanguage;

/// <summary>
/// A ticket's query in German, French, Spanish, Dutch, Portuguese or Italian as the English words a help centre written
/// in English would use for it: each helpdesk word the glossary knows (<c>glossary.txt</c>: "abgebucht", "cobrado",
/// "afgeschreven" are "charge charged"), and what needs no translating: product names (a capitalised word inside a sentence,
/// outside German, where every noun is capitalised), short acronyms ("RMA", "LED") and codes that mix letters and digits.
/// Without a multilingual model this is how an offline tenant whose articles are English finds one for a ticket in Dutch;
/// the article is shown labelled as in another language (<see cref="RelevantKnowledge"/>). Other words are left out:
/// untranslated, they could only match English words by chance.
/// </summary>
public static partial class EnglishQuery
{
    /// <summary>Concepts a query must translate: one word alone ("app", "code") says too little of what is asked.</summary>
    public const int MinConcepts = 2;

    /// <summary>Acronyms kept as written, up to this length; longer words in capitals are shouting ("INACEPTABLE").</summary>
    private const int MaxAcronym = 4;

    /// <summary>Letters a compound's head needs to count inside a German or Dutch word ("Doppel|abbuchung", "licht|strip").</summary>
    private const int MinHead = 5;

    /// <summary>The languages this can translate.</summary>
    public static IEnumerable<string> Languages => Glossary.Shipped.Languages.Keys;

    /// <summary>A text read in English: the query to search, null when it says fewer than <see cref="MinConcepts"/> concepts, and
    /// the English words of every helpdesk concept it says ("Retourner un produit" says "return").</summary>
    public sealed record Translation(string? Query, IReadOnlySet<string> Concepts);

    /// <summary>The English query, or null when the language is not one the glossary knows or too little of the text is.</summary>
    public static string? From(string text, string? language) => Of(text, language)?.Query;

    /// <summary>The text read in English; null in a language the glossary does not know.</summary>
    public static Translation? Of(string text, string? language) => Of(Glossary.Shipped, text, language);

    internal static Translation? Of(Glossary glossary, string text, string? language)
    {
        if (Read(glossary, text, language) is not { } said)
        {
            return null;
        }
        var concepts = said.Where(t => t.Concept is not null).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        if (concepts.Count < MinConcepts)
        {
            return new Translation(null, concepts);
        }
        // Untranslated words do not say which of them matter. What the subject says and what the customer says more than
        // once do: "Strip steeds onbereikbaar … stekker … een paar uur" is a strip that is unreachable, not plugs and hours.
        var times = said.CountBy(t => t.Term, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var core = said.Where(t => t.First || times[t.Term] > 1).ToList();
        var kept = core.Where(t => t.Concept is not null).Select(t => t.Concept).Distinct().Count() >= MinConcepts ? core : said;
        return new Translation(string.Join(' ', kept.Select(t => t.Term).Distinct(StringComparer.Ordinal)), concepts);
    }

    /// <summary>The English words of every helpdesk concept the text says; none in a language the glossary does not know.</summary>
    public static IReadOnlySet<string> ConceptsOf(string text, string? language) =>
        Of(text, language)?.Concepts ?? new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The text's words in order, as English terms: a concept's words, or a word kept as written (no concept).</summary>
    private static List<(string Term, int? Concept, bool First)>? Read(Glossary glossary, string text, string? language)
    {
        if (language is null || !glossary.Languages.TryGetValue(language, out var forms))
        {
            return null;
        }
        var firstLine = text.IndexOf('\n') is var n and >= 0 ? n : text.Length;
        var tokens = Word().Matches(text).Select(m => new Token(m.Value, FtsQuery.Fold(m.Value), StartsSentence(text, m.Index), m.Index < firstLine)).ToList();
        // Names capitalised inside a sentence count where a sentence opens with them too ("Bridge sempre offline de manhã").
        var names = tokens.Where(t => !t.Starts && Name(t.Value, language)).Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        var said = new List<(string Term, int? Concept, bool First)>();
        var compounds = language is "de" or "nl";
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Phrase(forms, tokens, i) is var (concept, length))
            {
                said.Add((glossary.English[concept], concept, tokens[i].First));
                i += length - 1;
                continue;
            }
            var found = Concepts(forms, tokens[i].Folded, compounds).ToList();
            if (found.Count == 0 && tokens[i].Folded.Contains('-'))
            {
                found = tokens[i].Folded.Split('-', StringSplitOptions.RemoveEmptyEntries).SelectMany(p => Concepts(forms, p, compounds)).ToList();
            }
            if (found.Count > 0)
            {
                said.AddRange(found.Distinct().Select(c => (glossary.English[c], (int?)c, tokens[i].First)));
            }
            else if (!StopWords.All.Contains(tokens[i].Folded) && (names.Contains(tokens[i].Value) || AsWritten(tokens[i].Value) && !Shouted(tokens, i)))
            {
                said.Add((tokens[i].Value, null, tokens[i].First));
            }
        }
        return said;
    }

    private sealed record Token(string Value, string Folded, bool Starts, bool First);

    /// <summary>A run of words the glossary knows as one form ("mot de passe", "twee keer"), starting at token <paramref name="i"/>.</summary>
    private static (int Concept, int Length)? Phrase(Glossary.Forms forms, List<Token> tokens, int i)
    {
        foreach (var (words, concept) in forms.PhrasesFrom(tokens[i].Folded))
        {
            var k = 1;
            while (k < words.Length && i + k < tokens.Count && tokens[i + k].Folded == words[k])
            {
                k++;
            }
            if (k == words.Length)
            {
                return (concept, words.Length);
            }
        }
        return null;
    }

    /// <summary>
    /// The concepts one folded word says: the whole word, else the longest beginning; in German and Dutch also a compound's
    /// head, the known word it ends with ("Doppelabbuchung" is twice and a charge, "ledstrip" a strip).
    /// </summary>
    private static IEnumerable<int> Concepts(Glossary.Forms forms, string word, bool compounds)
    {
        if (forms.Words.TryGetValue(word, out var whole))
        {
            yield return whole;
            yield break;
        }
        var begins = forms.StemAt(word, 0);
        if (begins is { } stem)
        {
            yield return stem.Concept;
        }
        if (!compounds || word.Length < MinHead + 3)
        {
            yield break;
        }
        // The longest known word or stem the word ends with or holds after its first three letters.
        (int Length, int Concept) head = default;
        for (var at = 3; at <= word.Length - MinHead; at++)
        {
            if (forms.Words.TryGetValue(word[at..], out var ending) && word.Length - at > head.Length)
            {
                head = (word.Length - at, ending);
            }
            if (forms.StemAt(word, at, MinHead) is { } inner && inner.Stem.Length > head.Length)
            {
                head = (inner.Stem.Length, inner.Concept);
            }
        }
        if (head.Length > 0 && (begins is null || head.Concept != begins.Value.Concept))
        {
            yield return head.Concept;
        }
    }

    /// <summary>A word English shares as written: a code with letters and digits ("BIENVENIDA5", "GU10"), or a short acronym ("RMA").</summary>
    private static bool AsWritten(string word)
    {
        var letters = word.Count(char.IsLetter);
        if (letters > 0 && word.Any(char.IsDigit))
        {
            return true;
        }
        return letters >= 2 && letters <= MaxAcronym && letters == word.Length && word.All(char.IsUpper);
    }

    /// <summary>Whether a word in capitals stands beside another: "ZUM DRITTEN MAL" is shouting, not an acronym.</summary>
    private static bool Shouted(List<Token> tokens, int i) =>
        tokens[i].Value.All(char.IsLetter) && new[] { i - 1, i + 1 }.Any(k => k >= 0 && k < tokens.Count
            && tokens[k].Value.Count(char.IsLetter) >= 2 && tokens[k].Value.All(c => char.IsUpper(c) || !char.IsLetter(c)));

    /// <summary>A product's or a place's name: capitalised, not in capitals throughout; not in German, where every noun is capitalised.</summary>
    private static bool Name(string word, string language) =>
        language != "de" && word.Length >= 2 && char.IsUpper(word[0]) && word.Skip(1).Any(char.IsLower) && word.All(char.IsLetter);

    /// <summary>Whether the word at <paramref name="index"/> opens the text, a line or a sentence.</summary>
    private static bool StartsSentence(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or '"' or '\'' or '(' or '¿' or '¡' or '«' or '“' or '„')
        {
            i--;
        }
        return i < 0 || text[i] is '.' or '!' or '?' or ':' or '\n' or '\r' or '…';
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
