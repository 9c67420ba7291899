namespace Copilot.Api.Languages;

internal sealed partial record Phrasebook
{
    /// <summary>
    /// The entries for a team that says "du" to its customers (<see cref="Address.Informal"/>), where the language's own entry says
    /// "Sie": a German help center written in "du" must not be pasted between "Danke für Ihre Nachricht" and "finden Sie hier".
    /// </summary>
    private static readonly Dictionary<string, Phrasebook> Informal = new[]
    {
        new Phrasebook(
            Language: "de",
            GreetingWithName: "Hallo {0},",
            GreetingWithoutName: "Hallo,",
            Thanks: "Danke für deine Nachricht.",
            ArticleIntro: "Das steht dazu in unserem Hilfeartikel:",
            CiteLine: "Die vollständige Anleitung findest du hier: {0} — {1}",
            Closing: "Viele Grüße",
            HoldingAsk: "Damit ich das genau prüfen kann, schick mir bitte:",
            HoldingAfter: "Sobald ich diese Angaben habe, melde ich mich bei dir.",
            DetailOrder: "deine Bestellnummer",
            DetailCharge: "Datum und Betrag jeder Abbuchung, wie sie auf deinem Kontoauszug stehen",
            DetailDevice: "das Gerätemodell und die Version der App, die du verwendest",
            DetailError: "die genaue Fehlermeldung (ein Screenshot hilft)",
            DetailWhat: "was du tun wolltest und was stattdessen passiert ist",
            Acknowledge: "Danke für deine Rückmeldung, schön, dass es jetzt klappt. Du musst nichts weiter tun; antworte einfach hier, falls noch etwas ist.",
            OtherLanguage: "Leider kann ich dir diese Antwort gerade nicht auf Deutsch schicken: Unsere Anleitung dazu gibt es nur in einer anderen Sprache. Du findest sie hier: {0}",
            FollowUp: "Ich wollte kurz nachfragen: Hat dir meine letzte Nachricht geholfen, oder klappt etwas noch nicht? Antworte einfach hier, dann kümmere ich mich darum.",
            FollowUpAsked: "Ich melde mich noch einmal wegen meiner letzten Nachricht: Könntest du, wenn du einen Moment Zeit hast, auf meine Rückfrage antworten? Dann kann ich mich gleich weiter darum kümmern.",
            Closed: "Falls noch etwas ist, antworte einfach auf diese Nachricht, dann helfe ich gern weiter.",
            HoldingLooking: "Ich sehe mir das jetzt genauer an und melde mich so schnell wie möglich bei dir.",
            AcknowledgeNextStep: "Danke für deine Rückmeldung, das klingt gut. Falls etwas ist, antworte einfach hier, dann kümmere ich mich darum.",
            SorryTrouble: "Es tut mir leid, dass dir das so viel Ärger bereitet hat.",
            SorryAgain: "Es tut mir leid, dass du dich deswegen noch einmal bei uns melden musstest.",
            DetailCode: "den Code, den du verwenden wolltest, genau so, wie du ihn eingegeben hast"),
    }.ToDictionary(p => p.Language, StringComparer.Ordinal);

    /// <summary>
    /// The entries for a team that says "u" or "usted" to its customers (<see cref="Address.Formal"/>), where the language's own
    /// entry says "je" or "tú": a Dutch help center written in "u" must not be pasted between "Bedankt voor je bericht" and
    /// "vind je hier".
    /// </summary>
    private static readonly Dictionary<string, Phrasebook> Formal = new[]
    {
        new Phrasebook(
            Language: "nl",
            GreetingWithName: "Hallo {0},",
            GreetingWithoutName: "Hallo,",
            Thanks: "Bedankt voor uw bericht.",
            ArticleIntro: "Dit staat er in ons helpartikel over:",
            CiteLine: "De volledige stappen vindt u hier: {0} — {1}",
            Closing: "Met vriendelijke groet,",
            HoldingAsk: "Zodat ik dit goed kan bekijken, kunt u mij het volgende sturen:",
            HoldingAfter: "Zodra ik deze gegevens heb, kom ik bij u terug.",
            DetailOrder: "uw bestelnummer",
            DetailCharge: "de datum en het bedrag van elke afschrijving, zoals ze op uw bankafschrift staan",
            DetailDevice: "het model van het apparaat en de versie van de app die u gebruikt",
            DetailError: "de precieze foutmelding (een screenshot helpt)",
            DetailWhat: "wat u probeerde te doen en wat er in plaats daarvan gebeurde",
            Acknowledge: "Bedankt voor uw bericht, fijn dat het opgelost is. U hoeft verder niets te doen; laat het ons hier weten als er nog iets is.",
            OtherLanguage: "Het spijt me, ik kan u dit antwoord nu niet in het Nederlands sturen: onze handleiding hierover is alleen in een andere taal beschikbaar. U vindt hem hier: {0}",
            FollowUp: "Ik wilde even navragen: heeft mijn vorige bericht u geholpen, of werkt er nog iets niet? Reageert u gerust hier, dan pak ik het op.",
            FollowUpAsked: "Ik kom even terug op mijn vorige bericht: kunt u, wanneer het u uitkomt, reageren op mijn vraag? Dan kan ik ermee verder.",
            Closed: "Mocht er nog iets zijn, reageert u dan gerust op dit bericht; ik help u graag verder.",
            HoldingLooking: "Ik ga dit nu voor u bekijken en kom zo snel mogelijk bij u terug.",
            AcknowledgeNextStep: "Bedankt voor uw bericht, dat klinkt goed. Als er iets is, reageert u gerust hier, dan pak ik het op.",
            SorryTrouble: "Het spijt me dat dit u zoveel ongemak heeft bezorgd.",
            SorryAgain: "Het spijt me dat u hierover opnieuw contact met ons moest opnemen.",
            DetailCode: "de code die u probeerde te gebruiken, precies zoals u hem invoerde"),
        new Phrasebook(
            Language: "es",
            GreetingWithName: "Hola {0}:",
            GreetingWithoutName: "Hola:",
            Thanks: "Gracias por su mensaje.",
            ArticleIntro: "Esto es lo que indica nuestro artículo de ayuda:",
            CiteLine: "Aquí tiene todos los pasos: {0} — {1}",
            Closing: "Un saludo,",
            HoldingAsk: "Para poder revisarlo bien, ¿podría enviarme lo siguiente?",
            HoldingAfter: "En cuanto tenga estos datos, le responderé.",
            DetailOrder: "su número de pedido",
            DetailCharge: "la fecha y el importe de cada cargo, tal como aparecen en su extracto bancario",
            DetailDevice: "el modelo del dispositivo y la versión de la aplicación que utiliza",
            DetailError: "el mensaje de error exacto (una captura de pantalla ayuda)",
            DetailWhat: "qué intentaba hacer y qué ocurrió en su lugar",
            Acknowledge: "Gracias por avisarnos, me alegra que ya esté resuelto. No tiene que hacer nada más; responda aquí si necesita algo.",
            OtherLanguage: "Lo siento, ahora mismo no puedo enviarle esta respuesta en español: nuestra guía sobre este tema solo está disponible en otro idioma. La encontrará aquí: {0}",
            FollowUp: "Quería saber cómo va: ¿le ayudó mi último mensaje o hay algo que sigue sin funcionar? Responda aquí y me encargo.",
            FollowUpAsked: "Le escribo de nuevo por mi último mensaje: cuando tenga un momento, ¿podría responder a lo que le pedí? Así podré seguir con ello.",
            Closed: "Si surge cualquier otra cosa, responda a este mensaje y le ayudaré con gusto.",
            HoldingLooking: "Lo estoy revisando ahora y le responderé lo antes posible.",
            AcknowledgeNextStep: "Gracias por contármelo, me parece bien. Si surge algo, responda aquí y me encargo.",
            SorryTrouble: "Siento mucho las molestias que esto le ha causado.",
            SorryAgain: "Siento que haya tenido que escribirnos otra vez por esto.",
            DetailCode: "el código que intentó usar, tal como lo escribió"),
    }.ToDictionary(p => p.Language, StringComparer.Ordinal);
}
