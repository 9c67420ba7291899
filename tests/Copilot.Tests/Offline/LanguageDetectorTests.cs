using Copilot.Api.Languages;


namespace Copilot.Tests.Offline;

public sealed class LanguageDetectorTests
{
    private readonly LanguageDetector _detector = new();

    [Theory]
    [InlineData("en", "Hi, my Bridge keeps dropping off the Wi-Fi every evening and I have already restarted the router twice. What should I do?")]
    [InlineData("en", "I was charged twice for my order and would like to know when the refund will arrive.")]
    [InlineData("de", "Hallo, meine Lampe flackert seit dem letzten Update und ich habe schon alles versucht. Können Sie mir bitte helfen?")]
    [InlineData("de", "Ich möchte meine Bestellung stornieren, weil die Lieferung immer noch nicht angekommen ist.")]
    [InlineData("fr", "Bonjour, mon ampoule ne s'allume plus depuis hier et j'ai déjà essayé de la réinitialiser. Pouvez-vous m'aider ?")]
    [InlineData("fr", "Je voudrais savoir pourquoi ma commande n'est toujours pas arrivée, c'est la deuxième fois que je vous écris.")]
    [InlineData("es", "Hola, la bombilla no se conecta a la aplicación y ya he reiniciado el router. ¿Qué más puedo hacer?")]
    [InlineData("es", "Quiero cambiar la dirección de envío de mi pedido, por favor. Todavía no ha salido del almacén.")]
    [InlineData("nl", "Hallo, mijn lamp gaat steeds uit en ik heb de app al opnieuw geïnstalleerd. Kunnen jullie mij helpen?")]
    [InlineData("nl", "Ik wil graag weten wanneer mijn bestelling wordt geleverd, want ik heb nog niets ontvangen.")]
    [InlineData("pt", "Olá, a minha lâmpada não liga desde ontem e já tentei reiniciar a aplicação. Podem ajudar-me?")]
    [InlineData("pt", "Gostaria de saber quando chega a minha encomenda, porque ainda não recebi nenhuma informação.")]
    [InlineData("it", "Ciao, la lampadina non si collega all'app e ho già provato a riavviare il router. Potete aiutarmi?")]
    [InlineData("it", "Vorrei sapere quando arriva il mio ordine, perché non ho ancora ricevuto nessuna notizia della spedizione.")]
    [InlineData("it", "Grazie per la risposta, ma ho pagato per un anno e il rimborso non è arrivato.")]
    public void DetectsTheLanguageOfATypicalMessage(string expected, string text)
    {
        var detected = _detector.Detect(text);

        Assert.Equal(expected, detected.Code);
        Assert.InRange(detected.Confidence, 0.5, 1.0);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("LB-4471-A9")]
    [InlineData("Lumora Bridge")]
    public void ShortOrSignalFreeTextGetsLowConfidence(string text)
    {
        var detected = _detector.Detect(text);

        Assert.InRange(detected.Confidence, 0.0, 0.4);
    }

    [Fact]
    public void EmptyTextFallsBackToEnglishWithZeroConfidence()
    {
        Assert.Equal(new DetectedLanguage("en", 0), _detector.Detect("   "));
    }

    [Fact]
    public void ALongerMessageIsMoreCertainThanAFewWords()
    {
        var few = _detector.Detect("Danke schön");
        var many = _detector.Detect("Danke schön für die schnelle Antwort, das Update hat das Problem mit der Lampe gelöst.");

        Assert.Equal("de", many.Code);
        Assert.True(many.Confidence > few.Confidence, $"{many.Confidence} should exceed {few.Confidence}");
    }
}

public sealed class ShortTextLanguageTests
{
    private readonly LanguageDetector _detector = new();

    [Theory]
    [InlineData("I want to cancel my order")]
    [InlineData("book a table at the restaurant")]
    [InlineData("change the date of my reservation")]
    [InlineData("upgrade to the premium plan")]
    [InlineData("order cancellation")]
    [InlineData("check invoice #00108")]
    [InlineData("open a pro account")]
    [InlineData("help me make a complaint against ur company")]
    [InlineData("delete Freemium account")]
    [InlineData("- Monthly: €4.99 per month\n- Yearly: €49 per year (saves about 18%)")]
    public void OneLineEnglishRequestsStayEnglish(string text)
    {
        Assert.Equal("en", _detector.Detect(text).Code);
    }

    [Theory]
    [InlineData("de", "Meine Bestellung ist noch nicht angekommen")]
    [InlineData("fr", "Je voudrais annuler ma commande")]
    [InlineData("es", "Quiero cancelar mi pedido, por favor")]
    [InlineData("nl", "Mijn bestelling is nog niet geleverd")]
    [InlineData("pt", "A minha encomenda ainda não chegou")]
    [InlineData("it", "Il mio ordine non è ancora arrivato")]
    public void AShortRequestInAnotherLanguageIsRecognised(string expected, string text)
    {
        Assert.Equal(expected, _detector.Detect(text).Code);
    }

    [Fact]
    public void TheRequestersLocaleDecidesANearTie()
    {
        // "retour" and "de" are French and Dutch alike.
        const string text = "retour de 3 ampoules";

        Assert.Equal("fr", _detector.Detect(text, "fr-FR").Code);
        Assert.Equal("nl", _detector.Detect(text, "nl").Code);
    }

    [Fact]
    public void TheLocaleDoesNotOverruleClearText()
    {
        var detected = _detector.Detect("I was charged twice for my order and would like a refund, please.", "de");

        Assert.Equal("en", detected.Code);
        Assert.InRange(detected.Confidence, 0.5, 1.0);
    }

    [Theory]
    [InlineData("LB-4471-A9", "de", "de")]
    [InlineData("Lumora Bridge", null, "en")]
    [InlineData("rebate 350 dollars", "pt-BR", "pt")]
    public void TooLittleEvidenceFallsBackToThePriorWithLowConfidence(string text, string? locale, string expected)
    {
        var detected = _detector.Detect(text, locale);

        Assert.Equal(expected, detected.Code);
        Assert.InRange(detected.Confidence, 0.0, 0.3);
    }
}
