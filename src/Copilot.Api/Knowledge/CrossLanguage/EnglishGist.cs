using System.Text.RegularExpressions;
using Copilot.Api.Languages;

namespace Copilot.Api.Knowledge.CrossLanguage;

/// <summary>
/// An English text cut down to what <see cref="EnglishQuery"/> makes of a ticket in another language: the English words of
/// the helpdesk concepts it says, in the order it says them ("I still haven't received my new card" reads "receive new
/// card"). What a model trained on whole English texts makes of those few words is what it makes of a
/// translated ticket, so the intent model measures its confidence on them (<see cref="Intents.IntentClassifier"/>).
/// A word counts for a concept when its stem is the stem of one of the concept's English words.
/// </summary>
public static partial class EnglishGist
{
    private static readonly Lazy<Dictionary<string, int>> ByStem = new(() => Index(Glossary.Shipped));

    /// <summary>The concepts' English words, null when the text says fewer than <see cref="EnglishQuery.MinConcepts"/>.</summary>
    public static string? Of(string text) => Of(Glossary.Shipped, ByStem.Value, text);

    internal static string? Of(Glossary glossary, string text) => Of(glossary, Index(glossary), text);

    /// <summary>
    /// The English words of every concept an English text says, as <see cref="EnglishQuery.Translation.Concepts"/> gives
    /// them for a text in another language ("E-bike battery and range" says "bike" and "battery").
    /// </summary>
    public static IReadOnlySet<string> ConceptsOf(string text) =>
        Said(ByStem.Value, text).Select(c => Glossary.Shipped.English[c]).ToHashSet(StringComparer.Ordinal);

    private static string? Of(Glossary glossary, Dictionary<string, int> byStem, string text)
    {
        var said = Said(byStem, text);
        return said.Count < EnglishQuery.MinConcepts ? null : string.Join(' ', said.Select(c => glossary.English[c]));
    }

    /// <summary>The concepts the text says, in the order it first says them.</summary>
    private static List<int> Said(Dictionary<string, int> byStem, string text)
    {
        var said = new List<int>();
        foreach (Match m in Word().Matches(text))
        {
            if (byStem.TryGetValue(PorterStemmer.Stem(m.Value.ToLowerInvariant()), out var concept) && !said.Contains(concept))
            {
                said.Add(concept);
            }
        }
        return said;
    }

    /// <summary>
    /// The concept each stem of the concepts' English words says, but function words ("sign in" is not every "in"). A word
    /// one foreign word translates to says one concept, as there: of several with the stem ("charge", "unknown charge"), the
    /// one of fewest words, which it says most of.
    /// </summary>
    private static Dictionary<string, int> Index(Glossary glossary)
    {
        var byStem = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = glossary.English.Select(e => Word().Matches(e).Select(m => m.Value.ToLowerInvariant()).Where(w => !StopWords.All.Contains(w)).ToList()).ToList();
        foreach (var c in Enumerable.Range(0, words.Count).OrderBy(c => words[c].Count))
        {
            foreach (var word in words[c])
            {
                byStem.TryAdd(PorterStemmer.Stem(word), c);
            }
        }
        return byStem;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
