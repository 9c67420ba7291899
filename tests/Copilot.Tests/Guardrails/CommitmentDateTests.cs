using Copilot.Api.Drafts.Guards;


namespace Copilot.Tests.Guardrails;

public sealed class CommitmentDateTests
{
    private static CommitmentFlag DateFlag(string draft, params string[] sources) =>
        Assert.Single(CommitmentCheck.Check(draft, sources), f => f.Kind == CommitmentKind.Date);

    private static bool DateFlagged(string draft, params string[] sources) =>
        CommitmentCheck.Check(draft, sources).Any(f => f.Kind == CommitmentKind.Date);

    [Theory]
    [InlineData("The replacement arrives on 28 November.", "28 November")]
    [InlineData("It ships November 28th.", "November 28th")]
    [InlineData("The technician comes on the 5th of December.", "5th of December")]
    [InlineData("Expect it by Nov. 28, 2026.", "Nov. 28, 2026")]
    [InlineData("Das Paket kommt am 28. November.", "28. November")]
    [InlineData("Wir liefern bis zum 28.11. aus.", "28.11.")]
    [InlineData("Le colis arrive le 1er décembre.", "1er décembre")]
    [InlineData("Lo recibirá el 5 de diciembre de 2026.", "5 de diciembre de 2026")]
    [InlineData("Het pakket komt op 28 november.", "28 november")]
    [InlineData("A encomenda chega a 3 de março.", "3 de março")]
    [InlineData("Il pacco arriva il 28 novembre.", "28 novembre")]
    [InlineData("Your plan renews on 2026-12-01.", "2026-12-01")]
    [InlineData("We will call you on 01/12/2026.", "01/12/2026")]
    [InlineData("Die Lieferung erfolgt am 12.01.2026.", "12.01.2026")]
    public void AbsoluteDatesAreFlaggedInEveryForm(string draft, string phrase)
    {
        var flag = DateFlag(draft);

        Assert.Equal(phrase, flag.Phrase, ignoreCase: true);
        Assert.Equal(draft, flag.Sentence);
    }

    [Fact]
    public void ADateTheCitedSourceAlsoGivesIsBacked()
    {
        Assert.False(DateFlagged("It arrives on 28 November.", "Orders placed this week arrive on 28 November."));
        Assert.False(DateFlagged("It arrives on November 28th.", "Orders placed this week arrive on 28 November."));
    }

    [Fact]
    public void TheSameDayWrittenAnotherWayIsTheSameDate()
    {
        Assert.False(DateFlagged("The new plan starts on 1 December 2026.", "Price changes take effect on 2026-12-01."));
        Assert.False(DateFlagged("Die Umstellung erfolgt am 1. Dezember.", "Price changes take effect on 2026-12-01."));
    }

    [Theory]
    [InlineData("It arrives on 28 November.", "Orders placed this week arrive on 29 November.")]
    [InlineData("It arrives on 28 November.", "Orders placed this week arrive on 28 December.")]
    [InlineData("It arrives on 28 November 2027.", "Orders placed this week arrive on 28 November 2026.")]
    [InlineData("It arrives on 28 November.", "We cannot deliver on 28 November.")]
    public void ADateTheSourcesDoNotGiveIsFlagged(string draft, string source)
    {
        Assert.True(DateFlagged(draft, source));
    }

    [Fact]
    public void ASlashedDateMatchesEitherReadingButADottedOneIsDayFirst()
    {
        Assert.False(DateFlagged("We will call you on 01/12/2026.", "Calls resume on 1 December 2026."));
        Assert.False(DateFlagged("We will call you on 01/12/2026.", "Calls resume on January 12, 2026."));
        Assert.False(DateFlagged("Die Lieferung erfolgt am 12.01.2026.", "Deliveries resume on 12 January 2026."));
        Assert.True(DateFlagged("Die Lieferung erfolgt am 12.01.2026.", "Deliveries resume on December 1, 2026."));
    }

    [Fact]
    public void EveryDateOfAPromiseMustBeBackedAndTheWholePromiseIsReported()
    {
        var flag = DateFlag("Your replacement arrives by Friday 28 November.", "Replacements ordered today arrive by Friday.");

        Assert.Equal("by Friday 28 November", flag.Phrase);
        Assert.False(DateFlagged("Your replacement arrives by Friday 28 November.", "Replacements ordered today arrive by Friday 28 November."));
    }

    [Theory]
    [InlineData("Items 1 and 2 may arrive separately.")]
    [InlineData("I checked 3 lamps and 2 cables.")]
    [InlineData("Please update to version 2.1 first.")]
    [InlineData("Call us on 555-12-34.")]
    [InlineData("Your order is 45 November Street.")]
    public void NumbersThatAreNoDateAreNotFlagged(string draft)
    {
        Assert.False(DateFlagged(draft));
    }

    [Fact]
    public void ADayNumbersDotEndsNoSentence()
    {
        var flag = DateFlag("Das Paket kommt am 28. November. Danke für Ihre Geduld!");

        Assert.Equal("Das Paket kommt am 28. November.", flag.Sentence);
    }
}
