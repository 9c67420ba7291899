using Copilot.Api.Knowledge;
using Copilot.Api.Knowledge.CrossLanguage;

namespace Copilot.Tests.Knowledge;

public class EnglishQueryTests
{
    private static string[] Words(string? query) => (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void TheShippedGlossaryTranslatesFromEverySecondLanguageOfThePhrasebook()
    {
        Assert.Equal(["de", "es", "fr", "it", "nl", "pt"], EnglishQuery.Languages.Order());
        Assert.True(Glossary.Shipped.English.Count > 100, $"{Glossary.Shipped.English.Count} concepts");
    }

    [Fact]
    public void AWordUnderTwoConceptsIsRefused()
    {
        // The shipped glossary loads (above), so no word of it is under two; this is the check that holds it to that.
        var error = Assert.Throws<FormatException>(() => Glossary.Parse("en | de\nlamp | lampe, leuchte\nbulb | birne, lampe\n"));
        Assert.Contains("lampe", error.Message);
        Assert.Equal(2, Glossary.Parse("en | de\nbulb | birne, birne*, Birne\nlamp | lampe\n").English.Count);
    }

    [Fact]
    public void AStemShorterThanFourLettersIsRefused()
    {
        var error = Assert.Throws<FormatException>(() => Glossary.Parse("en | de\ncar | aut*\n"));
        Assert.Contains("aut*", error.Message);
        Assert.Throws<FormatException>(() => Glossary.Parse("en | de\ncar | auto | wagen\n"));
    }

    [Theory]
    [InlineData("es", "El código promocional no funciona\nHola, intento usar el código BIENVENIDA5 que me dio una amiga y la app dice que no es válido.", new[] { "code", "promo" })]
    [InlineData("nl", "Strip steeds onbereikbaar\nMijn Lumora Strip wordt steeds onbereikbaar in de app. Als ik de stekker eruit haal doet hij het weer een paar uur.", new[] { "strip", "unreachable" })]
    [InlineData("pt", "Lâmpada da sala a piscar\nA lâmpada da sala começou a piscar ontem à noite.", new[] { "bulb", "flicker" })]
    [InlineData("fr", "Mot de passe oublié\nJe ne peux plus me connecter, j'ai oublié mon mot de passe.", new[] { "password", "sign" })]
    [InlineData("it", "Abbonamento addebitato due volte\nMi avete addebitato due volte lo stesso abbonamento.", new[] { "charge", "twice", "subscription" })]
    public void AHelpdeskTicketIsSearchedInTheEnglishWordsForWhatItSays(string language, string text, string[] expected)
    {
        var query = Words(EnglishQuery.From(text, language));

        Assert.All(expected, e => Assert.Contains(e, query));
    }

    [Fact]
    public void AGermanCompoundIsReadByItsParts()
    {
        // "Doppelabbuchung": a double charge; "Lichtleiste" is in the glossary whole.
        var query = Words(EnglishQuery.From("Doppelabbuchung auf dem Kontoauszug\nIch sehe eine Doppelabbuchung auf meinem Kontoauszug.", "de"));

        Assert.Contains("twice", query);
        Assert.Contains("charge", query);
        Assert.Contains("bank", query); // "Kontoauszug" is a bank statement before "Konto" is an account
        Assert.DoesNotContain("account", query);
    }

    [Fact]
    public void WhatTheSubjectSaysAndWhatIsSaidTwiceAreSearchedNotEveryWord()
    {
        var query = Words(EnglishQuery.From(
            "Strip steeds onbereikbaar\nMijn strip is steeds onbereikbaar. Als ik de stekker eruit haal, doet hij het weer een paar uur. Een probleem met de app?",
            "nl"));

        Assert.Equal(["strip", "unreachable"], query);
    }

    [Fact]
    public void ProductNamesCodesAndAcronymsAreKeptAsWrittenButNotShouting()
    {
        var spanish = EnglishQuery.From("Cobro duplicado de Lumora Plus\nMe habéis cobrado dos veces Lumora Plus, referencia RMA-203991.", "es");
        var portuguese = EnglishQuery.From("Bridge sempre offline de manhã\nO meu Bridge fica offline todas as manhãs e a app diz que não há ligação.", "pt");
        var german = EnglishQuery.From("Trotz Kündigung abgebucht – ZUM DRITTEN MAL\nIhr habt schon wieder abgebucht, obwohl ich gekündigt habe.", "de");

        Assert.Contains("Lumora Plus", spanish);
        Assert.Contains("Bridge", Words(portuguese)); // it opens the subject, and is a name inside the message
        Assert.DoesNotContain("ZUM", Words(german));
        Assert.DoesNotContain("Ihr", Words(german)); // German capitalises every noun: nothing is kept as a name
    }

    [Fact]
    public void AClosingIsNotReadAsAFriend()
    {
        var query = Words(EnglishQuery.From("Rechnung fehlt\nMir fehlt die Rechnung für Oktober.\nMit freundlichen Grüßen\nAnna", "de"));

        Assert.DoesNotContain("friend", query);
        Assert.Contains("invoice", query);
    }

    [Theory]
    [InlineData("de", "")]
    [InlineData("de", "-- - ---")]
    [InlineData("nl", "abc-")]
    [InlineData("de", "Überweisungsrückbuchungsbestätigungsdoppelabbuchungskontoauszugsgerätelampenstreifen")]
    [InlineData("nl", "lampstrip-aan-uit-aan\n\n\nlamp")]
    [InlineData("fr", "l'' d'' qu'' \u202Eمرحبا 🙂 ZZZZ 12345 A1")]
    [InlineData("pt", "Ab\nCd. Ef")]
    public void OddTextIsReadWithoutFailing(string language, string text)
    {
        // Every assist in these languages reads its thread here: nothing a customer writes may fail the request.
        var translation = EnglishQuery.Of(text + " " + string.Concat(Enumerable.Repeat(text, 3)), language);

        Assert.NotNull(translation);
        Assert.True(translation.Query is null || translation.Query.Length > 0);
    }

    [Theory]
    [InlineData("en", "My bulbs flicker and the app says the bridge is offline")]
    [InlineData("sv", "Min lampa blinkar och appen säger att bryggan är offline")]
    [InlineData(null, "Mijn lamp knippert")]
    [InlineData("es", "Hola, muchas gracias por todo. Un saludo")]
    [InlineData("de", "Die App")]
    public void NothingIsTranslatedFromEnglishAnUnknownLanguageOrTooFewKnownWords(string? language, string text)
    {
        Assert.Null(EnglishQuery.From(text, language));
    }
}
