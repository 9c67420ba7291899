using Copilot.Api.Knowledge.CrossLanguage;

namespace Copilot.Tests.Knowledge;

public class EnglishGistTests
{
    private static readonly Glossary Small = Glossary.Parse(
        "en | de\nbulb | birne\nflicker | flacker*\nfirmware update | firmware\nsign in login | anmelden\npassword | passwort\n");

    [Fact]
    public void AnEnglishTextIsCutToItsConceptsEnglishWordsInTheOrderItSaysThem()
    {
        Assert.Equal("flicker bulb firmware update", EnglishGist.Of(Small, "It flickers, my bulb flickered again after the firmware updates."));
    }

    [Fact]
    public void AFunctionWordOfAConceptsEnglishWordsIsNoEvidenceOfIt()
    {
        // "sign in login": "in" is said by nearly every text.
        Assert.Equal("password sign in login", EnglishGist.Of(Small, "I can't log in with my password, the login page refuses it"));
        Assert.Null(EnglishGist.Of(Small, "The password is in the drawer"));
    }

    [Fact]
    public void AWordSaysOneConceptTheOneOfFewestWordsThatHasIt()
    {
        var glossary = Glossary.Parse("en | de\nunknown charge | unbekannt\ncharge | abbuchung\nbulb | birne\n");

        Assert.Equal("charge bulb", EnglishGist.Of(glossary, "A charge for my bulb"));
        Assert.Equal("unknown charge charge", EnglishGist.Of(glossary, "An unknown charge"));
    }

    [Fact]
    public void AnEnglishTitleSaysItsConceptsEvenWhenItSaysOnlyOne()
    {
        Assert.Superset(new HashSet<string> { "bike", "battery" }, EnglishGist.ConceptsOf("E-bike battery and range").ToHashSet());
        Assert.Contains("bike", EnglishGist.ConceptsOf("Unlock a bike"));
        Assert.Empty(EnglishGist.ConceptsOf("Hello, thanks a lot!"));
    }

    [Fact]
    public void ATextSayingFewerThanTwoConceptsHasNoGist()
    {
        Assert.Null(EnglishGist.Of(Small, "The bulb is great"));
        Assert.Null(EnglishGist.Of("Hello, thanks a lot!"));
        Assert.NotNull(EnglishGist.Of("My bulb keeps flickering after the firmware update"));
    }
}
