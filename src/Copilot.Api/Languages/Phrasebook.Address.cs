namespace Copilot.Api.Languages;

internal sealed partial record Phrasebook
{
    /// <summary>
    /// The entries for a team that says "du" or "tu" to its customers (<see cref="Address.Informal"/>), where the language's own
    /// entry says "Sie" or "vous": a German help center written in "du" must not be pasted between "Danke für Ihre Nachricht"
    /// and "finden Sie hier". Each is the language's own entry with the words that address the reader changed; built on first
    /// use, once the language's own entries are (the two parts of this record are initialised in no set order).
    /// </summary>
    private static Dictionary<string, Phrasebook> Informal => InformalBooks.Value;

    private static readonly Lazy<Dictionary<string, Phrasebook>> InformalBooks = new(() => new[]
    {
        For("de") with
        {
            Thanks = "Danke für deine Nachricht.",
            CiteLine = "Die vollständige Anleitung findest du hier: {0} — {1}",
            HoldingAsk = "Damit ich das genau prüfen kann, schick mir bitte:",
            HoldingAfter = "Sobald ich diese Angaben habe, melde ich mich bei dir.",
            DetailOrder = "deine Bestellnummer",
            DetailCharge = "Datum und Betrag jeder Abbuchung, wie sie auf deinem Kontoauszug stehen",
            DetailDevice = "das Gerätemodell und die Version der App, die du verwendest",
            DetailWhat = "was du tun wolltest und was stattdessen passiert ist",
            Acknowledge = "Danke für deine Rückmeldung, schön, dass es jetzt klappt. Du musst nichts weiter tun; antworte einfach hier, falls noch etwas ist.",
            OtherLanguage = "Leider kann ich dir diese Antwort gerade nicht auf Deutsch schicken: Unsere Anleitung dazu gibt es nur in einer anderen Sprache. Du findest sie hier: {0}",
            FollowUp = "Ich wollte kurz nachfragen: Hat dir meine letzte Nachricht geholfen, oder klappt etwas noch nicht? Antworte einfach hier, dann kümmere ich mich darum.",
            FollowUpAsked = "Ich melde mich noch einmal wegen meiner letzten Nachricht: Könntest du, wenn du einen Moment Zeit hast, auf meine Rückfrage antworten? Dann kann ich mich gleich weiter darum kümmern.",
            Closed = "Falls noch etwas ist, antworte einfach auf diese Nachricht, dann helfe ich gern weiter.",
            HoldingLooking = "Ich sehe mir das jetzt genauer an und melde mich so schnell wie möglich bei dir.",
            AcknowledgeNextStep = "Danke für deine Rückmeldung, das klingt gut. Falls etwas ist, antworte einfach hier, dann kümmere ich mich darum.",
            SorryTrouble = "Es tut mir leid, dass dir das so viel Ärger bereitet hat.",
            SorryAgain = "Es tut mir leid, dass du dich deswegen noch einmal bei uns melden musstest.",
            DetailCode = "den Code, den du verwenden wolltest, genau so, wie du ihn eingegeben hast",
            SuggestionNoted = "Danke für deinen Vorschlag, das ist eine hilfreiche Rückmeldung: Ich gebe ihn an unser Produktteam weiter.",
            DetailChargeDate = "das Datum jeder Abbuchung, wie es auf deinem Kontoauszug steht",
            DetailChargeAmount = "den Betrag jeder Abbuchung, wie er auf deinem Kontoauszug steht",
            PraiseNoted = "Vielen Dank für deine freundlichen Worte, ich gebe sie gern an das Team weiter.",
        },
        For("fr") with
        {
            Thanks = "Merci pour ton message.",
            CiteLine = "Tu trouveras toutes les étapes ici : {0} — {1}",
            HoldingAsk = "Pour que je puisse examiner cela correctement, pourrais-tu m'envoyer :",
            HoldingAfter = "Dès que j'aurai ces informations, je reviendrai vers toi.",
            DetailOrder = "ton numéro de commande",
            DetailCharge = "la date et le montant de chaque prélèvement, tels qu'ils figurent sur ton relevé bancaire",
            DetailWhat = "ce que tu voulais faire et ce qui s'est passé à la place",
            Acknowledge = "Merci de nous avoir prévenus, je suis ravi que ce soit réglé. Tu n'as rien d'autre à faire ; réponds simplement ici si besoin.",
            OtherLanguage = "Je suis désolé, je ne peux pas t'envoyer cette réponse en français pour le moment : notre guide à ce sujet n'existe que dans une autre langue. Tu le trouveras ici : {0}",
            FollowUp = "Je voulais faire le point : mon dernier message t'a-t-il aidé, ou quelque chose ne fonctionne-t-il toujours pas ? Réponds simplement ici et je m'en occupe.",
            FollowUpAsked = "Je reviens vers toi au sujet de mon dernier message : quand tu auras un moment, pourrais-tu répondre à ma demande ? Je pourrai alors m'en occuper.",
            Closed = "Si tu as besoin d'autre chose, réponds simplement à ce message et je t'aiderai avec plaisir.",
            HoldingLooking = "J'examine cela dès maintenant et je reviens vers toi dès que possible.",
            AcknowledgeNextStep = "Merci de m'avoir tenu informé, c'est parfait. Si besoin, réponds simplement ici et je m'en occupe.",
            SorryTrouble = "Je suis désolé pour la gêne que cela t'a causée.",
            SorryAgain = "Je suis désolé que tu aies dû nous recontacter à ce sujet.",
            DetailCode = "le code que tu as essayé d'utiliser, exactement tel que tu l'as saisi",
            SuggestionNoted = "Merci pour ta suggestion, c'est un retour utile : je la transmets à notre équipe produit.",
            DetailChargeDate = "la date de chaque prélèvement, telle qu'elle figure sur ton relevé bancaire",
            DetailChargeAmount = "le montant de chaque prélèvement, tel qu'il figure sur ton relevé bancaire",
            PraiseNoted = "Merci pour tes gentils mots, je les transmets à l'équipe.",
        },
    }.ToDictionary(p => p.Language, StringComparer.Ordinal));

    /// <summary>
    /// The entries for a team that says "u", "usted" or "Lei" to its customers (<see cref="Address.Formal"/>), where the
    /// language's own entry says "je", "tú" or "tu": a Dutch help center written in "u" must not be pasted between "Bedankt voor je bericht" and
    /// "vind je hier".
    /// </summary>
    private static Dictionary<string, Phrasebook> Formal => FormalBooks.Value;

    private static readonly Lazy<Dictionary<string, Phrasebook>> FormalBooks = new(() => new[]
    {
        For("nl") with
        {
            Thanks = "Bedankt voor uw bericht.",
            CiteLine = "De volledige stappen vindt u hier: {0} — {1}",
            HoldingAsk = "Zodat ik dit goed kan bekijken, kunt u mij het volgende sturen:",
            HoldingAfter = "Zodra ik deze gegevens heb, kom ik bij u terug.",
            DetailOrder = "uw bestelnummer",
            DetailCharge = "de datum en het bedrag van elke afschrijving, zoals ze op uw bankafschrift staan",
            DetailDevice = "het model van het apparaat en de versie van de app die u gebruikt",
            DetailWhat = "wat u probeerde te doen en wat er in plaats daarvan gebeurde",
            Acknowledge = "Bedankt voor uw bericht, fijn dat het opgelost is. U hoeft verder niets te doen; laat het ons hier weten als er nog iets is.",
            OtherLanguage = "Het spijt me, ik kan u dit antwoord nu niet in het Nederlands sturen: onze handleiding hierover is alleen in een andere taal beschikbaar. U vindt hem hier: {0}",
            FollowUp = "Ik wilde even navragen: heeft mijn vorige bericht u geholpen, of werkt er nog iets niet? Reageert u gerust hier, dan pak ik het op.",
            FollowUpAsked = "Ik kom even terug op mijn vorige bericht: kunt u, wanneer het u uitkomt, reageren op mijn vraag? Dan kan ik ermee verder.",
            Closed = "Mocht er nog iets zijn, reageert u dan gerust op dit bericht; ik help u graag verder.",
            HoldingLooking = "Ik ga dit nu voor u bekijken en kom zo snel mogelijk bij u terug.",
            AcknowledgeNextStep = "Bedankt voor uw bericht, dat klinkt goed. Als er iets is, reageert u gerust hier, dan pak ik het op.",
            SorryTrouble = "Het spijt me dat dit u zoveel ongemak heeft bezorgd.",
            SorryAgain = "Het spijt me dat u hierover opnieuw contact met ons moest opnemen.",
            DetailCode = "de code die u probeerde te gebruiken, precies zoals u hem invoerde",
            SuggestionNoted = "Bedankt voor uw suggestie, dat is nuttige feedback: ik geef hem door aan ons productteam.",
            DetailChargeDate = "de datum van elke afschrijving, zoals die op uw bankafschrift staat",
            DetailChargeAmount = "het bedrag van elke afschrijving, zoals dat op uw bankafschrift staat",
            PraiseNoted = "Bedankt voor uw vriendelijke woorden, ik geef ze door aan het team.",
        },
        For("es") with
        {
            Thanks = "Gracias por su mensaje.",
            CiteLine = "Aquí tiene todos los pasos: {0} — {1}",
            HoldingAsk = "Para poder revisarlo bien, ¿podría enviarme lo siguiente?",
            HoldingAfter = "En cuanto tenga estos datos, le responderé.",
            DetailOrder = "su número de pedido",
            DetailCharge = "la fecha y el importe de cada cargo, tal como aparecen en su extracto bancario",
            DetailDevice = "el modelo del dispositivo y la versión de la aplicación que utiliza",
            DetailWhat = "qué intentaba hacer y qué ocurrió en su lugar",
            Acknowledge = "Gracias por avisarnos, me alegra que ya esté resuelto. No tiene que hacer nada más; responda aquí si necesita algo.",
            OtherLanguage = "Lo siento, ahora mismo no puedo enviarle esta respuesta en español: nuestra guía sobre este tema solo está disponible en otro idioma. La encontrará aquí: {0}",
            FollowUp = "Quería saber cómo va: ¿le ayudó mi último mensaje o hay algo que sigue sin funcionar? Responda aquí y me encargo.",
            FollowUpAsked = "Le escribo de nuevo por mi último mensaje: cuando tenga un momento, ¿podría responder a lo que le pedí? Así podré seguir con ello.",
            Closed = "Si surge cualquier otra cosa, responda a este mensaje y le ayudaré con gusto.",
            HoldingLooking = "Lo estoy revisando ahora y le responderé lo antes posible.",
            AcknowledgeNextStep = "Gracias por contármelo, me parece bien. Si surge algo, responda aquí y me encargo.",
            SorryTrouble = "Siento mucho las molestias que esto le ha causado.",
            SorryAgain = "Siento que haya tenido que escribirnos otra vez por esto.",
            DetailCode = "el código que intentó usar, tal como lo escribió",
            SuggestionNoted = "Gracias por su sugerencia, nos resulta muy útil: se la haré llegar a nuestro equipo de producto.",
            DetailChargeDate = "la fecha de cada cargo, tal como aparece en su extracto bancario",
            DetailChargeAmount = "el importe de cada cargo, tal como aparece en su extracto bancario",
            PraiseNoted = "Gracias por sus amables palabras, se las haré llegar al equipo.",
        },
        For("it") with
        {
            GreetingWithName = "Buongiorno {0},",
            CiteLine = "Trova tutti i passaggi qui: {0} — {1}",
            HoldingAsk = "Per poter verificare con precisione, potrebbe inviarmi:",
            HoldingAfter = "Appena avrò queste informazioni, Le risponderò.",
            DetailCharge = "la data e l'importo di ogni addebito, come compaiono sul Suo estratto conto",
            DetailDevice = "il modello del dispositivo e la versione dell'app che usa",
            DetailWhat = "cosa stava cercando di fare e cosa è successo invece",
            Acknowledge = "Grazie per avercelo fatto sapere, sono contento che sia tutto risolto. Non deve fare altro; risponda qui se ha bisogno.",
            OtherLanguage = "Mi dispiace, al momento non riesco a inviarLe questa risposta in italiano: la nostra guida su questo argomento è disponibile solo in un'altra lingua. La trova qui: {0}",
            FollowUp = "Volevo sapere come va: il mio ultimo messaggio Le è stato utile, o c'è ancora qualcosa che non funziona? Risponda qui e me ne occupo io.",
            FollowUpAsked = "Le riscrivo riguardo al mio ultimo messaggio: quando ha un momento, potrebbe rispondere a quanto Le ho chiesto? Così posso andare avanti.",
            Closed = "Se dovesse servirLe altro, risponda pure a questo messaggio e La aiuterò volentieri.",
            HoldingLooking = "Sto verificando adesso e Le risponderò il prima possibile.",
            AcknowledgeNextStep = "Grazie per avermelo fatto sapere, va benissimo. Se serve qualcosa, risponda qui e me ne occupo io.",
            SorryTrouble = "Mi dispiace per il disagio che questo Le ha causato.",
            SorryAgain = "Mi dispiace che abbia dovuto contattarci di nuovo per questo.",
            DetailCode = "il codice che ha provato a usare, esattamente come l'ha inserito",
            SuggestionNoted = "La ringrazio per il suggerimento, è un riscontro utile: lo inoltrerò al nostro team di prodotto.",
            DetailChargeDate = "la data di ogni addebito, come compare sul Suo estratto conto",
            DetailChargeAmount = "l'importo di ogni addebito, come compare sul Suo estratto conto",
            PraiseNoted = "La ringrazio per le Sue parole gentili, le girerò al team.",
        },
    }.ToDictionary(p => p.Language, StringComparer.Ordinal));
}
