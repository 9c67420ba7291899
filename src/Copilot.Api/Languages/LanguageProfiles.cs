using System.Collections.Frozen;

namespace Copilot.Api.Languages;

/// <summary>
/// What the offline detector knows about each language: its commonest function words, the
/// everyday words of support requests (order, invoice, account…), and a few character sequences
/// (diacritics, suffixes) that are rare elsewhere. Helpdesk messages are short, so whole words
/// carry most of the signal; character sequences only speak for words no list knows.
/// </summary>
internal static class LanguageProfiles
{
    public static readonly string[] Codes = ["en", "de", "fr", "es", "nl", "pt", "it"];

    private static readonly Dictionary<string, string> StopWordLists = new()
    {
        ["en"] = "the and is are to of in it that this for with you my i a have was not on but can what how do be we your me from would there they will just been has an at or if when why about it's don't i'm can't doesn't didn't won't please thanks get still after our any which im dont cant its i've i'd i'll he she his her them their our us were had did does am could should who where yes no hi hello thank want need like",
        ["de"] = "der die das und ist nicht ich sie es ein eine einen einem mit auf für den dem zu von wie aber auch noch mein meine ihr ihre wir haben habe hat wird werden kann können bitte danke schon sich im bei nach wenn was warum dass oder nur jetzt immer seit kein keine geht gibt mir mich uns euch sind war hallo leider sehr vielen dank möchte wurde wurden zum zur vom über",
        ["fr"] = "le la les et est je vous pas ne un une des du que qui pour avec dans sur mon ma mes votre vos nous il elle ce cette mais plus ai avez suis été fait comment pourquoi merci toujours depuis encore très aussi au aux c'est j'ai n'est ça y a de en si son sa ses leur tout bien bonjour avoir être puis peux pouvez qu'il",
        ["es"] = "el los las de la y es no que en un una por para con mi mis su se lo pero como qué cómo está estoy tengo he ha hay muy también ya todavía gracias desde cuando del al sí puedo puede hola ni le me sin este esta pero porque quiero necesito",
        ["nl"] = "de het een en is niet ik je u van op te dat die met voor zijn er maar om ook nog mijn wij we hebben heb heeft wordt kan kunnen graag bedankt al wel geen hoe waarom wat als bij naar nu altijd sinds dit deze werkt jullie hoi hallo dank",
        ["pt"] = "o os as e é não que de em um uma por para com meu minha seu sua se mas como porque está estou tenho foi já ainda muito também obrigado obrigada desde quando do da dos das no na nos ao isso você olá funciona eu há boa bom só pelo pela são tem",
        ["it"] = "il lo la gli le e è non che di in un una per con mio mia suo sua si ma come perché sono ho ha hanno anche ancora già molto grazie da quando del della dei nel nella al alla questo questa ciao sempre funziona buongiorno",
    };

    /// <summary>Words of everyday support requests, so "check invoice" or "cancel order" has a language too.</summary>
    private static readonly Dictionary<string, string> SupportWordLists = new()
    {
        ["en"] = "order orders account invoice invoices bill refund cancel cancellation cancelled delivery shipping address payment pay password help check change update delete edit open create new problem issue charge charged charges fee fees subscription complaint claim customer service information number card reset login log sign track tracking status receive received know make see send sent working work works broken return money contact phone email buy bought item package arrived still wrong set up want days week yesterday today month months monthly year years yearly per price prices plan plans free trial hour hours minutes",
        ["de"] = "bestellung konto rechnung lieferung zahlung passwort hilfe kündigen kündigung adresse versand rückerstattung ändern löschen anmelden lampe funktioniert gekauft erhalten paket geld rückgabe abgebucht",
        ["fr"] = "commande compte facture livraison paiement passe aide remboursement annuler adresse abonnement colis reçu reçue envoyer changer problème ampoule retour fonctionne marche acheté argent prélèvement",
        ["es"] = "pedido cuenta factura envío pago contraseña ayuda reembolso cancelar dirección suscripción cobro cobrado cambiar problema funciona compré dinero paquete devolución recibido",
        ["nl"] = "bestelling rekening factuur levering betaling wachtwoord hulp terugbetaling annuleren adres abonnement pakket ontvangen wijzigen probleem gekocht geld retour besteld",
        ["pt"] = "encomenda pedido conta fatura entrega pagamento senha ajuda reembolso cancelar morada endereço subscrição assinatura alterar problema comprei dinheiro devolução recebi",
        ["it"] = "ordine fattura consegna pagamento aiuto rimborso annullare indirizzo abbonamento problema acquistato soldi pacco reso ricevuto",
    };

    /// <summary>Character sequences, with how strongly each points at the language.</summary>
    private static readonly Dictionary<string, (string Sequence, double Weight)[]> Features = new()
    {
        ["en"] = [("th", 0.3), ("ing ", 0.6), ("wh", 0.4), ("'t ", 0.6), ("'m ", 0.6), ("ould", 0.5), ("ght", 0.4), ("tion ", 0.3)],
        ["de"] = [("ä", 0.8), ("ö", 0.7), ("ü", 0.8), ("ß", 1.0), ("sch", 0.5), ("cht", 0.5), ("ung ", 0.6), ("ich ", 0.4), ("tz", 0.4), ("keit ", 0.8), ("heit ", 0.8), ("lich ", 0.6)],
        ["fr"] = [("é", 0.4), ("è", 0.7), ("ê", 0.8), ("à ", 0.6), ("ç", 0.3), ("eau", 0.8), ("qu'", 0.9), ("j'", 0.9), ("l'", 0.5), ("d'", 0.5), ("n'", 0.7), ("aux ", 0.6)],
        ["es"] = [("ñ", 1.0), ("¿", 1.2), ("¡", 1.2), ("ción", 0.8), ("ó", 0.3), ("á", 0.3), ("í", 0.3)],
        ["nl"] = [("ij", 0.8), ("uu", 0.6), ("oe", 0.3), ("ijk", 0.6), ("sch", 0.2)],
        ["pt"] = [("ã", 1.0), ("õ", 1.0), ("ção", 1.0), ("ções", 1.0), ("nh", 0.5), ("lh", 0.6), ("ç", 0.3), ("ê", 0.2), ("ú", 0.2)],
        ["it"] = [("zione", 0.9), ("gli", 0.7), ("cch", 0.7), ("zz", 0.6), ("ò", 0.9), ("ù", 0.8), ("à ", 0.2), ("è ", 0.3), ("ggi", 0.6)],
    };

    /// <summary>Function word → (language, weight); a word shared by k languages counts 1/k for each.</summary>
    public static readonly FrozenDictionary<string, (string Language, double Weight)[]> StopWords = Build(StopWordLists);

    /// <summary>Function words and support words together: every word a language list knows.</summary>
    public static readonly FrozenDictionary<string, (string Language, double Weight)[]> Lexicon = Build(
        Codes.ToDictionary(c => c, c => StopWordLists[c] + " " + SupportWordLists[c]));

    public static bool IsStopWord(string lowerWord) => StopWords.ContainsKey(lowerWord) || lowerWord.Length <= 2;

    public static IReadOnlyList<(string Sequence, double Weight)> FeaturesOf(string language) => Features[language];

    private static FrozenDictionary<string, (string, double)[]> Build(Dictionary<string, string> lists)
    {
        var owners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (language, list) in lists)
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
