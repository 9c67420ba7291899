namespace Copilot.Api.Languages;

/// <summary>
/// The fixed words of an offline draft in one language: greeting, closing, the line that cites a source, the holding
/// reply, the acknowledgement of a "thanks, solved" message, what to say when the only source is in another language
/// (<see cref="OtherLanguage"/>, with the source's title and link as {0}), and the check-in when our answer is the last word
/// (<see cref="FollowUp"/>; <see cref="FollowUpAsked"/> when that answer asked the customer for something; <see cref="Closed"/>,
/// only an offer of more help, when the conversation is over), and the
/// holding reply's promise to look into it when the customer told us everything we would ask (<see cref="HoldingLooking"/>), and the acknowledgement of a message that only says what the customer will do next
/// (<see cref="AcknowledgeNextStep"/>), and the apologies a reply opens with for an upset customer (<see cref="SorryTrouble"/>)
/// and for one who had to write again (<see cref="SorryAgain"/>), and the holding reply's ask for a promo code (<see cref="DetailCode"/>).
/// </summary>
/// <remarks>Each language's entry names every part, so a new part cannot be put in another's place.</remarks>
internal sealed partial record Phrasebook(
    string Language,
    string GreetingWithName,
    string GreetingWithoutName,
    string Thanks,
    string ArticleIntro,
    string CiteLine,
    string Closing,
    string HoldingAsk,
    string HoldingAfter,
    string DetailOrder,
    string DetailCharge,
    string DetailDevice,
    string DetailError,
    string DetailWhat,
    string Acknowledge,
    string OtherLanguage,
    string FollowUp,
    string FollowUpAsked,
    string Closed,
    string HoldingLooking,
    string AcknowledgeNextStep,
    string SorryTrouble,
    string SorryAgain,
    string DetailCode)
{
    public string Greet(string? firstName) =>
        string.IsNullOrWhiteSpace(firstName) ? GreetingWithoutName : string.Format(System.Globalization.CultureInfo.InvariantCulture, GreetingWithName, firstName);

    public static IEnumerable<string> Languages => All.Keys;

    public static Phrasebook For(string? language) =>
        language is not null && All.TryGetValue(language, out var book) ? book : All["en"];

    /// <summary>
    /// The language's words addressing the reader as <paramref name="address"/> says: German and French have an informal entry
    /// (<see cref="Informal"/>: "du" for "Sie", "tu" for "vous"), Dutch, Spanish and Italian a formal one (<see cref="Formal"/>:
    /// "u" for "je", "usted" for "tú", "Lei" for "tu"); English and Portuguese, and an unknown address, have the one entry of
    /// <see cref="For(string?)"/>.
    /// </summary>
    public static Phrasebook For(string? language, Address address) =>
        language is not null && (address switch { Address.Informal => Informal, Address.Formal => Formal, _ => null }) is { } variants
            && variants.TryGetValue(language, out var book) ? book : For(language);

    /// <summary>Every entry of a language: the one of <see cref="For(string?)"/> and its other form of address, where there is one.</summary>
    public static IEnumerable<Phrasebook> Variants(string? language) =>
        new[] { For(language), For(language, Address.Informal), For(language, Address.Formal) }.Distinct();

    private static readonly Dictionary<string, Phrasebook> All = new[]
    {
        new Phrasebook(
            Language: "en",
            GreetingWithName: "Hi {0},",
            GreetingWithoutName: "Hello,",
            Thanks: "Thanks for your message.",
            ArticleIntro: "Here is what our help article says about this:",
            CiteLine: "You can find the full steps here: {0} — {1}",
            Closing: "Best regards,",
            HoldingAsk: "So that I can look into this properly, could you send me:",
            HoldingAfter: "As soon as I have these details, I'll get back to you.",
            DetailOrder: "your order number",
            DetailCharge: "the date and amount of each charge, as your bank statement shows them",
            DetailDevice: "the model of the device and the version of the app you are using",
            DetailError: "the exact error message you see (a screenshot helps)",
            DetailWhat: "what you were trying to do and what happened instead",
            Acknowledge: "Thanks for letting us know, I'm glad it's sorted. There's nothing more you need to do; just reply here if anything else comes up.",
            OtherLanguage: "I'm sorry, I can't send you this answer in English right now: our guide on this is only available in another language. You can find it here: {0}",
            FollowUp: "I wanted to check in: did my last message help, or is something still not working? Just reply here and I'll pick it up.",
            FollowUpAsked: "I'm following up on my last message: when you have a moment, could you get back to me on what I asked? Then I can take it from there.",
            Closed: "If anything else comes up, just reply to this message and I'll be glad to help.",
            HoldingLooking: "I'm looking into this now and will get back to you as soon as I can.",
            AcknowledgeNextStep: "Thanks for letting me know, that sounds good. If anything comes up, just reply here and I'll pick it up.",
            SorryTrouble: "I'm sorry for the frustration this has caused.",
            SorryAgain: "I'm sorry you've had to contact us about this again.",
            DetailCode: "the code you tried to use, exactly as you entered it"),
        new Phrasebook(
            Language: "de",
            GreetingWithName: "Hallo {0},",
            GreetingWithoutName: "Hallo,",
            Thanks: "Danke für Ihre Nachricht.",
            ArticleIntro: "Das steht dazu in unserem Hilfeartikel:",
            CiteLine: "Die vollständige Anleitung finden Sie hier: {0} — {1}",
            Closing: "Viele Grüße",
            HoldingAsk: "Damit ich das genau prüfen kann, senden Sie mir bitte:",
            HoldingAfter: "Sobald ich diese Angaben habe, melde ich mich bei Ihnen.",
            DetailOrder: "Ihre Bestellnummer",
            DetailCharge: "Datum und Betrag jeder Abbuchung, wie sie auf Ihrem Kontoauszug stehen",
            DetailDevice: "das Gerätemodell und die Version der App, die Sie verwenden",
            DetailError: "die genaue Fehlermeldung (ein Screenshot hilft)",
            DetailWhat: "was Sie tun wollten und was stattdessen passiert ist",
            Acknowledge: "Danke für Ihre Rückmeldung, schön, dass es jetzt klappt. Sie müssen nichts weiter tun; antworten Sie einfach hier, falls noch etwas ist.",
            OtherLanguage: "Leider kann ich Ihnen diese Antwort gerade nicht auf Deutsch schicken: Unsere Anleitung dazu gibt es nur in einer anderen Sprache. Sie finden sie hier: {0}",
            FollowUp: "Ich wollte kurz nachfragen: Hat Ihnen meine letzte Nachricht geholfen, oder klappt etwas noch nicht? Antworten Sie einfach hier, dann kümmere ich mich darum.",
            FollowUpAsked: "Ich melde mich noch einmal wegen meiner letzten Nachricht: Könnten Sie, wenn Sie einen Moment Zeit haben, auf meine Rückfrage antworten? Dann kann ich mich gleich weiter darum kümmern.",
            Closed: "Falls noch etwas ist, antworten Sie einfach auf diese Nachricht, dann helfe ich gern weiter.",
            HoldingLooking: "Ich sehe mir das jetzt genauer an und melde mich so schnell wie möglich bei Ihnen.",
            AcknowledgeNextStep: "Danke für Ihre Rückmeldung, das klingt gut. Falls etwas ist, antworten Sie einfach hier, dann kümmere ich mich darum.",
            SorryTrouble: "Es tut mir leid, dass Ihnen das so viel Ärger bereitet hat.",
            SorryAgain: "Es tut mir leid, dass Sie sich deswegen noch einmal bei uns melden mussten.",
            DetailCode: "den Code, den Sie verwenden wollten, genau so, wie Sie ihn eingegeben haben"),
        new Phrasebook(
            Language: "fr",
            GreetingWithName: "Bonjour {0},",
            GreetingWithoutName: "Bonjour,",
            Thanks: "Merci pour votre message.",
            ArticleIntro: "Voici ce qu'indique notre article d'aide à ce sujet :",
            CiteLine: "Vous trouverez toutes les étapes ici : {0} — {1}",
            Closing: "Cordialement,",
            HoldingAsk: "Pour que je puisse examiner cela correctement, pourriez-vous m'envoyer :",
            HoldingAfter: "Dès que j'aurai ces informations, je reviendrai vers vous.",
            DetailOrder: "votre numéro de commande",
            DetailCharge: "la date et le montant de chaque prélèvement, tels qu'ils figurent sur votre relevé bancaire",
            DetailDevice: "le modèle de l'appareil et la version de l'application utilisée",
            DetailError: "le message d'erreur exact (une capture d'écran aide)",
            DetailWhat: "ce que vous vouliez faire et ce qui s'est passé à la place",
            Acknowledge: "Merci de nous avoir prévenus, je suis ravi que ce soit réglé. Vous n'avez rien d'autre à faire ; répondez simplement ici si besoin.",
            OtherLanguage: "Je suis désolé, je ne peux pas vous envoyer cette réponse en français pour le moment : notre guide à ce sujet n'existe que dans une autre langue. Vous le trouverez ici : {0}",
            FollowUp: "Je voulais faire le point : mon dernier message vous a-t-il aidé, ou quelque chose ne fonctionne-t-il toujours pas ? Répondez simplement ici et je m'en occupe.",
            FollowUpAsked: "Je reviens vers vous au sujet de mon dernier message : quand vous aurez un moment, pourriez-vous répondre à ma demande ? Je pourrai alors m'en occuper.",
            Closed: "Si vous avez besoin d'autre chose, répondez simplement à ce message et je vous aiderai avec plaisir.",
            HoldingLooking: "J'examine cela dès maintenant et je reviens vers vous dès que possible.",
            AcknowledgeNextStep: "Merci de m'avoir tenu informé, c'est parfait. Si besoin, répondez simplement ici et je m'en occupe.",
            SorryTrouble: "Je suis désolé pour la gêne que cela vous a causée.",
            SorryAgain: "Je suis désolé que vous ayez dû nous recontacter à ce sujet.",
            DetailCode: "le code que vous avez essayé d'utiliser, exactement tel que vous l'avez saisi"),
        new Phrasebook(
            Language: "es",
            GreetingWithName: "Hola {0}:",
            GreetingWithoutName: "Hola:",
            Thanks: "Gracias por tu mensaje.",
            ArticleIntro: "Esto es lo que indica nuestro artículo de ayuda:",
            CiteLine: "Aquí tienes todos los pasos: {0} — {1}",
            Closing: "Un saludo,",
            HoldingAsk: "Para poder revisarlo bien, ¿podrías enviarme lo siguiente?",
            HoldingAfter: "En cuanto tenga estos datos, te responderé.",
            DetailOrder: "tu número de pedido",
            DetailCharge: "la fecha y el importe de cada cargo, tal como aparecen en tu extracto bancario",
            DetailDevice: "el modelo del dispositivo y la versión de la aplicación que usas",
            DetailError: "el mensaje de error exacto (una captura de pantalla ayuda)",
            DetailWhat: "qué intentabas hacer y qué ocurrió en su lugar",
            Acknowledge: "Gracias por avisarnos, me alegra que ya esté resuelto. No tienes que hacer nada más; responde aquí si necesitas algo.",
            OtherLanguage: "Lo siento, ahora mismo no puedo enviarte esta respuesta en español: nuestra guía sobre este tema solo está disponible en otro idioma. La encontrarás aquí: {0}",
            FollowUp: "Quería saber cómo va: ¿te ayudó mi último mensaje o hay algo que sigue sin funcionar? Responde aquí y me encargo.",
            FollowUpAsked: "Te escribo de nuevo por mi último mensaje: cuando tengas un momento, ¿podrías responder a lo que te pedí? Así podré seguir con ello.",
            Closed: "Si surge cualquier otra cosa, responde a este mensaje y te ayudo con gusto.",
            HoldingLooking: "Lo estoy revisando ahora y te responderé lo antes posible.",
            AcknowledgeNextStep: "Gracias por contármelo, me parece bien. Si surge algo, responde aquí y me encargo.",
            SorryTrouble: "Siento mucho las molestias que esto te ha causado.",
            SorryAgain: "Siento que hayas tenido que escribirnos otra vez por esto.",
            DetailCode: "el código que intentaste usar, tal como lo escribiste"),
        new Phrasebook(
            Language: "nl",
            GreetingWithName: "Hallo {0},",
            GreetingWithoutName: "Hallo,",
            Thanks: "Bedankt voor je bericht.",
            ArticleIntro: "Dit staat er in ons helpartikel over:",
            CiteLine: "De volledige stappen vind je hier: {0} — {1}",
            Closing: "Met vriendelijke groet,",
            HoldingAsk: "Zodat ik dit goed kan bekijken, kun je me het volgende sturen:",
            HoldingAfter: "Zodra ik deze gegevens heb, kom ik bij je terug.",
            DetailOrder: "je bestelnummer",
            DetailCharge: "de datum en het bedrag van elke afschrijving, zoals ze op je bankafschrift staan",
            DetailDevice: "het model van het apparaat en de versie van de app die je gebruikt",
            DetailError: "de precieze foutmelding (een screenshot helpt)",
            DetailWhat: "wat je probeerde te doen en wat er in plaats daarvan gebeurde",
            Acknowledge: "Bedankt voor je bericht, fijn dat het opgelost is. Je hoeft verder niets te doen; reageer hier als er nog iets is.",
            OtherLanguage: "Sorry, ik kan je dit antwoord nu niet in het Nederlands sturen: onze handleiding hierover is alleen in een andere taal beschikbaar. Je vindt hem hier: {0}",
            FollowUp: "Ik wilde even navragen: heeft mijn vorige bericht geholpen, of werkt er nog iets niet? Reageer gewoon hier, dan pak ik het op.",
            FollowUpAsked: "Ik kom even terug op mijn vorige bericht: kun je, als je even tijd hebt, reageren op mijn vraag? Dan kan ik ermee verder.",
            Closed: "Mocht er nog iets zijn, reageer dan gewoon op dit bericht en ik help je graag verder.",
            HoldingLooking: "Ik ga dit nu voor je bekijken en kom zo snel mogelijk bij je terug.",
            AcknowledgeNextStep: "Bedankt voor je bericht, dat klinkt goed. Als er iets is, reageer gewoon hier, dan pak ik het op.",
            SorryTrouble: "Het spijt me dat dit je zoveel ongemak heeft bezorgd.",
            SorryAgain: "Het spijt me dat je hierover opnieuw contact met ons moest opnemen.",
            DetailCode: "de code die je probeerde te gebruiken, precies zoals je hem invoerde"),
        new Phrasebook(
            Language: "pt",
            GreetingWithName: "Olá {0},",
            GreetingWithoutName: "Olá,",
            Thanks: "Obrigado pela sua mensagem.",
            ArticleIntro: "Eis o que o nosso artigo de ajuda diz sobre isto:",
            CiteLine: "Pode encontrar todos os passos aqui: {0} — {1}",
            Closing: "Com os melhores cumprimentos,",
            HoldingAsk: "Para que eu possa analisar isto corretamente, pode enviar-me:",
            HoldingAfter: "Assim que tiver estes dados, volto a contactá-lo.",
            DetailOrder: "o número da sua encomenda",
            DetailCharge: "a data e o valor de cada cobrança, tal como aparecem no seu extrato bancário",
            DetailDevice: "o modelo do dispositivo e a versão da aplicação que está a usar",
            DetailError: "a mensagem de erro exata (uma captura de ecrã ajuda)",
            DetailWhat: "o que estava a tentar fazer e o que aconteceu em vez disso",
            Acknowledge: "Obrigado por nos avisar, fico contente por estar resolvido. Não precisa de fazer mais nada; responda aqui se precisar de algo.",
            OtherLanguage: "Lamento, neste momento não consigo enviar-lhe esta resposta em português: o nosso guia sobre isto só está disponível noutra língua. Pode encontrá-lo aqui: {0}",
            FollowUp: "Queria saber como está: a minha última mensagem ajudou, ou ainda há algo que não funciona? Basta responder aqui e eu trato do assunto.",
            FollowUpAsked: "Volto a contactá-lo sobre a minha última mensagem: quando tiver um momento, pode responder ao que lhe pedi? Assim posso continuar a tratar do assunto.",
            Closed: "Se precisar de mais alguma coisa, basta responder a esta mensagem e terei todo o gosto em ajudar.",
            HoldingLooking: "Vou analisar isto agora e volto a contactá-lo assim que possível.",
            AcknowledgeNextStep: "Obrigado por me informar, parece-me bem. Se surgir alguma coisa, basta responder aqui e eu trato do assunto.",
            SorryTrouble: "Lamento o transtorno que isto lhe causou.",
            SorryAgain: "Lamento que tenha tido de nos contactar novamente por causa disto.",
            DetailCode: "o código que tentou usar, exatamente como o introduziu"),
        new Phrasebook(
            Language: "it",
            GreetingWithName: "Ciao {0},",
            GreetingWithoutName: "Buongiorno,",
            Thanks: "Grazie per il messaggio.",
            ArticleIntro: "Ecco cosa dice il nostro articolo di assistenza:",
            CiteLine: "Trovi tutti i passaggi qui: {0} — {1}",
            Closing: "Cordiali saluti,",
            HoldingAsk: "Per poter verificare con precisione, potresti inviarmi:",
            HoldingAfter: "Appena avrò queste informazioni, ti risponderò.",
            DetailOrder: "il numero d'ordine",
            DetailCharge: "la data e l'importo di ogni addebito, come compaiono sul tuo estratto conto",
            DetailDevice: "il modello del dispositivo e la versione dell'app che usi",
            DetailError: "il messaggio di errore esatto (uno screenshot aiuta)",
            DetailWhat: "cosa stavi cercando di fare e cosa è successo invece",
            Acknowledge: "Grazie per avercelo fatto sapere, sono contento che sia tutto risolto. Non devi fare altro; rispondi qui se hai bisogno.",
            OtherLanguage: "Mi dispiace, al momento non riesco a inviarti questa risposta in italiano: la nostra guida su questo argomento è disponibile solo in un'altra lingua. La trovi qui: {0}",
            FollowUp: "Volevo sapere come va: il mio ultimo messaggio ti è stato utile, o c'è ancora qualcosa che non funziona? Rispondi qui e me ne occupo io.",
            FollowUpAsked: "Ti riscrivo riguardo al mio ultimo messaggio: quando hai un momento, potresti rispondere a quanto ti ho chiesto? Così posso andare avanti.",
            Closed: "Se dovesse servirti altro, rispondi pure a questo messaggio e ti aiuterò volentieri.",
            HoldingLooking: "Sto verificando adesso e ti risponderò il prima possibile.",
            AcknowledgeNextStep: "Grazie per avermelo fatto sapere, va benissimo. Se serve qualcosa, rispondi qui e me ne occupo io.",
            SorryTrouble: "Mi dispiace per il disagio che questo ti ha causato.",
            SorryAgain: "Mi dispiace che tu abbia dovuto contattarci di nuovo per questo.",
            DetailCode: "il codice che hai provato a usare, esattamente come l'hai inserito"),
    }.ToDictionary(p => p.Language, StringComparer.Ordinal);
}
