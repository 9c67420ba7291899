namespace Copilot.Api.Languages;

/// <summary>
/// The fixed words of an offline draft in one language: greeting, closing, the line that cites a source, the holding
/// reply, the acknowledgement of a "thanks, solved" message, what to say when the only source is in another language
/// (<see cref="OtherLanguage"/>, with the source's title and link as {0}), and the check-in when our answer is the last word
/// (<see cref="FollowUp"/>), and the holding reply's promise to look into it when the customer told us everything we would ask
/// (<see cref="HoldingLooking"/>), and the acknowledgement of a message that only says what the customer will do next
/// (<see cref="AcknowledgeNextStep"/>).
/// </summary>
internal sealed record Phrasebook(
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
    string HoldingLooking,
    string AcknowledgeNextStep)
{
    public string Greet(string? firstName) =>
        string.IsNullOrWhiteSpace(firstName) ? GreetingWithoutName : string.Format(System.Globalization.CultureInfo.InvariantCulture, GreetingWithName, firstName);

    public static IEnumerable<string> Languages => All.Keys;

    public static Phrasebook For(string? language) =>
        language is not null && All.TryGetValue(language, out var book) ? book : All["en"];

    private static readonly Dictionary<string, Phrasebook> All = new[]
    {
        new Phrasebook("en", "Hi {0},", "Hello,", "Thanks for your message.", "Here is what our help article says about this:",
            "You can find the full steps here: {0} — {1}", "Best regards,",
            "So that I can look into this properly, could you send me:", "As soon as I have these details, I'll get back to you.",
            "your order number", "the date and amount of each charge, as your bank statement shows them",
            "the model of the device and the version of the app you are using",
            "the exact error message you see (a screenshot helps)", "what you were trying to do and what happened instead",
            "Thanks for letting us know, I'm glad it's sorted. There's nothing more you need to do; just reply here if anything else comes up.",
            "I'm sorry, I can't send you this answer in English right now: our guide on this is only available in another language. You can find it here: {0}",
            "I wanted to check in: did my last message help, or is something still not working? Just reply here and I'll pick it up.",
            "I'm looking into this now and will get back to you as soon as I can.",
            "Thanks for letting me know, that sounds good. If anything comes up, just reply here and I'll pick it up."),
        new Phrasebook("de", "Hallo {0},", "Hallo,", "Danke für Ihre Nachricht.", "Das steht dazu in unserem Hilfeartikel:",
            "Die vollständige Anleitung finden Sie hier: {0} — {1}", "Viele Grüße",
            "Damit ich das genau prüfen kann, senden Sie mir bitte:", "Sobald ich diese Angaben habe, melde ich mich bei Ihnen.",
            "Ihre Bestellnummer", "Datum und Betrag jeder Abbuchung, wie sie auf Ihrem Kontoauszug stehen",
            "das Gerätemodell und die Version der App, die Sie verwenden",
            "die genaue Fehlermeldung (ein Screenshot hilft)", "was Sie tun wollten und was stattdessen passiert ist",
            "Danke für Ihre Rückmeldung, schön, dass es jetzt klappt. Sie müssen nichts weiter tun; antworten Sie einfach hier, falls noch etwas ist.",
            "Leider kann ich Ihnen diese Antwort gerade nicht auf Deutsch schicken: Unsere Anleitung dazu gibt es nur in einer anderen Sprache. Sie finden sie hier: {0}",
            "Ich wollte kurz nachfragen: Hat Ihnen meine letzte Nachricht geholfen, oder klappt etwas noch nicht? Antworten Sie einfach hier, dann kümmere ich mich darum.",
            "Ich sehe mir das jetzt genauer an und melde mich so schnell wie möglich bei Ihnen.",
            "Danke für Ihre Rückmeldung, das klingt gut. Falls etwas ist, antworten Sie einfach hier, dann kümmere ich mich darum."),
        new Phrasebook("fr", "Bonjour {0},", "Bonjour,", "Merci pour votre message.", "Voici ce qu'indique notre article d'aide à ce sujet :",
            "Vous trouverez toutes les étapes ici : {0} — {1}", "Cordialement,",
            "Pour que je puisse examiner cela correctement, pourriez-vous m'envoyer :", "Dès que j'aurai ces informations, je reviendrai vers vous.",
            "votre numéro de commande", "la date et le montant de chaque prélèvement, tels qu'ils figurent sur votre relevé bancaire",
            "le modèle de l'appareil et la version de l'application utilisée",
            "le message d'erreur exact (une capture d'écran aide)", "ce que vous vouliez faire et ce qui s'est passé à la place",
            "Merci de nous avoir prévenus, je suis ravi que ce soit réglé. Vous n'avez rien d'autre à faire ; répondez simplement ici si besoin.",
            "Je suis désolé, je ne peux pas vous envoyer cette réponse en français pour le moment : notre guide à ce sujet n'existe que dans une autre langue. Vous le trouverez ici : {0}",
            "Je voulais faire le point : mon dernier message vous a-t-il aidé, ou quelque chose ne fonctionne-t-il toujours pas ? Répondez simplement ici et je m'en occupe.",
            "J'examine cela dès maintenant et je reviens vers vous dès que possible.",
            "Merci de m'avoir tenu informé, c'est parfait. Si besoin, répondez simplement ici et je m'en occupe."),
        new Phrasebook("es", "Hola {0}:", "Hola:", "Gracias por tu mensaje.", "Esto es lo que indica nuestro artículo de ayuda:",
            "Aquí tienes todos los pasos: {0} — {1}", "Un saludo,",
            "Para poder revisarlo bien, ¿podrías enviarme lo siguiente?", "En cuanto tenga estos datos, te responderé.",
            "tu número de pedido", "la fecha y el importe de cada cargo, tal como aparecen en tu extracto bancario",
            "el modelo del dispositivo y la versión de la aplicación que usas",
            "el mensaje de error exacto (una captura de pantalla ayuda)", "qué intentabas hacer y qué ocurrió en su lugar",
            "Gracias por avisarnos, me alegra que ya esté resuelto. No tienes que hacer nada más; responde aquí si necesitas algo.",
            "Lo siento, ahora mismo no puedo enviarte esta respuesta en español: nuestra guía sobre este tema solo está disponible en otro idioma. La encontrarás aquí: {0}",
            "Quería saber cómo va: ¿te ayudó mi último mensaje o hay algo que sigue sin funcionar? Responde aquí y me encargo.",
            "Lo estoy revisando ahora y te responderé lo antes posible.",
            "Gracias por contármelo, me parece bien. Si surge algo, responde aquí y me encargo."),
        new Phrasebook("nl", "Hallo {0},", "Hallo,", "Bedankt voor je bericht.", "Dit staat er in ons helpartikel over:",
            "De volledige stappen vind je hier: {0} — {1}", "Met vriendelijke groet,",
            "Zodat ik dit goed kan bekijken, kun je me het volgende sturen:", "Zodra ik deze gegevens heb, kom ik bij je terug.",
            "je bestelnummer", "de datum en het bedrag van elke afschrijving, zoals ze op je bankafschrift staan",
            "het model van het apparaat en de versie van de app die je gebruikt",
            "de precieze foutmelding (een screenshot helpt)", "wat je probeerde te doen en wat er in plaats daarvan gebeurde",
            "Bedankt voor je bericht, fijn dat het opgelost is. Je hoeft verder niets te doen; reageer hier als er nog iets is.",
            "Sorry, ik kan je dit antwoord nu niet in het Nederlands sturen: onze handleiding hierover is alleen in een andere taal beschikbaar. Je vindt hem hier: {0}",
            "Ik wilde even navragen: heeft mijn vorige bericht geholpen, of werkt er nog iets niet? Reageer gewoon hier, dan pak ik het op.",
            "Ik ga dit nu voor je bekijken en kom zo snel mogelijk bij je terug.",
            "Bedankt voor je bericht, dat klinkt goed. Als er iets is, reageer gewoon hier, dan pak ik het op."),
        new Phrasebook("pt", "Olá {0},", "Olá,", "Obrigado pela sua mensagem.", "Eis o que o nosso artigo de ajuda diz sobre isto:",
            "Pode encontrar todos os passos aqui: {0} — {1}", "Com os melhores cumprimentos,",
            "Para que eu possa analisar isto corretamente, pode enviar-me:", "Assim que tiver estes dados, volto a contactá-lo.",
            "o número da sua encomenda", "a data e o valor de cada cobrança, tal como aparecem no seu extrato bancário",
            "o modelo do dispositivo e a versão da aplicação que está a usar",
            "a mensagem de erro exata (uma captura de ecrã ajuda)", "o que estava a tentar fazer e o que aconteceu em vez disso",
            "Obrigado por nos avisar, fico contente por estar resolvido. Não precisa de fazer mais nada; responda aqui se precisar de algo.",
            "Lamento, neste momento não consigo enviar-lhe esta resposta em português: o nosso guia sobre isto só está disponível noutra língua. Pode encontrá-lo aqui: {0}",
            "Queria saber como está: a minha última mensagem ajudou, ou ainda há algo que não funciona? Basta responder aqui e eu trato do assunto.",
            "Vou analisar isto agora e volto a contactá-lo assim que possível.",
            "Obrigado por me informar, parece-me bem. Se surgir alguma coisa, basta responder aqui e eu trato do assunto."),
        new Phrasebook("it", "Ciao {0},", "Buongiorno,", "Grazie per il messaggio.", "Ecco cosa dice il nostro articolo di assistenza:",
            "Trovi tutti i passaggi qui: {0} — {1}", "Cordiali saluti,",
            "Per poter verificare con precisione, potresti inviarmi:", "Appena avrò queste informazioni, ti risponderò.",
            "il numero d'ordine", "la data e l'importo di ogni addebito, come compaiono sul tuo estratto conto",
            "il modello del dispositivo e la versione dell'app che usi",
            "il messaggio di errore esatto (uno screenshot aiuta)", "cosa stavi cercando di fare e cosa è successo invece",
            "Grazie per avercelo fatto sapere, sono contento che sia tutto risolto. Non devi fare altro; rispondi qui se hai bisogno.",
            "Mi dispiace, al momento non riesco a inviarti questa risposta in italiano: la nostra guida su questo argomento è disponibile solo in un'altra lingua. La trovi qui: {0}",
            "Volevo sapere come va: il mio ultimo messaggio ti è stato utile, o c'è ancora qualcosa che non funziona? Rispondi qui e me ne occupo io.",
            "Sto verificando adesso e ti risponderò il prima possibile.",
            "Grazie per avermelo fatto sapere, va benissimo. Se serve qualcosa, rispondi qui e me ne occupo io."),
    }.ToDictionary(p => p.Language, StringComparer.Ordinal);
}
