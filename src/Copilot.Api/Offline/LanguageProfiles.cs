using System.Collections.Frozen;

namespace Copilot.Api.Offline;

/// <summary>
/// What the offline detector knows about each language: its commonest function words and a
/// few character sequences (diacritics, digraphs, suffixes) that are rare elsewhere. Small on
/// purpose: helpdesk messages are short, and function words carry most of the signal there.
/// </summary>
internal static class LanguageProfiles
{
    public static readonly string[] Codes = ["en", "de", "fr", "es", "nl", "pt", "it"];

    private static readonly Dictionary<string, string> StopWordLists = new()
    {
        ["en"] = "the and is are to of in it that this for with you my i have was not on but can what how do be we your me from would there they will just been has an at or if when why about it's don't i'm can't doesn't didn't won't please thanks get still after our any which",
        ["de"] = "der die das und ist nicht ich sie es ein eine einen einem mit auf für den dem zu von wie aber auch noch mein meine ihr ihre wir haben habe hat wird werden kann können bitte danke schon sich im bei nach wenn was warum dass oder nur jetzt immer seit kein keine geht gibt mir mich uns euch sind war",
        ["fr"] = "le la les et est je vous pas ne un une des du que qui pour avec dans sur mon ma mes votre vos nous il elle ce cette mais plus ai avez suis été fait comment pourquoi merci toujours depuis encore très aussi au aux c'est j'ai n'est ça y a",
        ["es"] = "el los las y es no que en un una por para con mi mis su se lo pero como qué cómo está estoy tengo he ha hay muy también ya todavía gracias desde cuando del al sí puedo puede hola ni le me sin este esta",
        ["nl"] = "de het een en is niet ik je u van op te dat die met voor zijn er maar om ook nog mijn wij we hebben heb heeft wordt kan kunnen graag bedankt al wel geen hoe waarom wat als bij naar nu altijd sinds dit deze werkt jullie",
        ["pt"] = "o os as e é não que de em um uma por para com meu minha seu sua se mas como porque está estou tenho foi já ainda muito também obrigado obrigada desde quando do da dos das no na nos ao isso você olá funciona",
        ["it"] = "il lo la gli le e è non che di in un una per con mio mia suo sua si ma come perché sono ho ha hanno anche ancora già molto grazie da quando del della dei nel nella al alla questo questa ciao sempre funziona",
    };

    /// <summary>Character sequences, with how strongly each points at the language.</summary>
    private static readonly Dictionary<string, (string Sequence, double Weight)[]> Features = new()
    {
        ["en"] = [("th", 0.3), ("ing ", 0.6), ("wh", 0.4), ("'t ", 0.6), ("'m ", 0.6), ("ould", 0.5), ("ght", 0.4)],
        ["de"] = [("ä", 0.8), ("ö", 0.7), ("ü", 0.8), ("ß", 1.0), ("sch", 0.5), ("cht", 0.5), ("ung ", 0.6), ("ich ", 0.4), ("tz", 0.4)],
        ["fr"] = [("é", 0.4), ("è", 0.7), ("ê", 0.8), ("à ", 0.6), ("ç", 0.3), ("eau", 0.8), ("qu'", 0.9), ("j'", 0.9), ("l'", 0.5), ("d'", 0.5), ("n'", 0.7), ("aux ", 0.6), ("oi", 0.3)],
        ["es"] = [("ñ", 1.0), ("¿", 1.2), ("¡", 1.2), ("ción", 0.8), ("ó", 0.3), ("á", 0.3), ("í", 0.3), ("ll", 0.2)],
        ["nl"] = [("ij", 0.8), ("aa", 0.5), ("oo", 0.3), ("ee", 0.3), ("uu", 0.6), ("oe", 0.5), ("sch", 0.2), ("cht", 0.3), ("ijk", 0.6)],
        ["pt"] = [("ã", 1.0), ("õ", 1.0), ("ção", 1.0), ("ções", 1.0), ("nh", 0.5), ("lh", 0.6), ("ç", 0.3), ("ê", 0.2), ("ú", 0.2)],
        ["it"] = [("zione", 0.9), ("gli", 0.7), ("cch", 0.7), ("zz", 0.6), ("ò", 0.9), ("ù", 0.8), ("à ", 0.2), ("è ", 0.3), ("ggi", 0.6)],
    };

    /// <summary>Stop word → (language, weight); a word shared by k languages counts 1/k for each.</summary>
    public static readonly FrozenDictionary<string, (string Language, double Weight)[]> StopWords = BuildStopWords();

    public static bool IsStopWord(string lowerWord) => StopWords.ContainsKey(lowerWord) || lowerWord.Length <= 2;

    public static IReadOnlyList<(string Sequence, double Weight)> FeaturesOf(string language) => Features[language];

    private static FrozenDictionary<string, (string, double)[]> BuildStopWords()
    {
        var owners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (language, list) in StopWordLists)
        {
            foreach (var word in list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct())
            {
                (owners.TryGetValue(word, out var l) ? l : owners[word] = []).Add(language);
            }
        }
        return owners.ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.Select(language => (language, 1.0 / kv.Value.Count)).ToArray(),
            StringComparer.Ordinal);
    }
}
