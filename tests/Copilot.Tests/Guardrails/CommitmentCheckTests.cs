using Copilot.Api.Drafts.Guards;


namespace Copilot.Tests.Guardrails;

public sealed class CommitmentCheckTests
{
    [Fact]
    public void RefundPromiseWithoutASourceIsFlaggedWithItsSentence()
    {
        var flags = CommitmentCheck.Check("Thanks for waiting. We will refund your order in full. Anything else?", []);

        var flag = Assert.Single(flags);
        Assert.Equal(CommitmentKind.Refund, flag.Kind);
        Assert.Equal("We will refund your order in full.", flag.Sentence);
    }

    [Fact]
    public void RefundBackedByACitedArticleIsNotFlagged()
    {
        var flags = CommitmentCheck.Check("We will refund your order in full.", ["Damaged items: we refund the full price once the photo is checked."]);

        Assert.Empty(flags);
    }

    [Fact]
    public void SourceThatRulesOutRefundsDoesNotBackARefundPromise()
    {
        var flags = CommitmentCheck.Check("We will refund your order.", ["We do not refund opened items."]);

        Assert.Equal(CommitmentKind.Refund, Assert.Single(flags).Kind);
    }

    [Theory]
    [InlineData("The replacement ships by Friday.", "by Friday")]
    [InlineData("You will hear from us within 3 days.", "within 3 days")]
    [InlineData("A courier comes tomorrow.", "tomorrow")]
    [InlineData("Refunds arrive within 5-7 business days.", "within 5-7 business days")]
    [InlineData("Das Paket kommt bis Freitag.", "bis Freitag")]
    [InlineData("Nous vous répondrons d'ici vendredi.", "d'ici vendredi")]
    [InlineData("Le colis arrive demain.", "demain")]
    [InlineData("Lo enviamos antes del viernes.", "antes del viernes")]
    [InlineData("Recibirá una respuesta en 2 días.", "en 2 días")]
    public void DatesAndDeadlinesAreFlaggedInFourLanguages(string draft, string phrase)
    {
        var flag = Assert.Single(CommitmentCheck.Check(draft, []), f => f.Kind == CommitmentKind.Date);

        Assert.Equal(CommitmentKind.Date, flag.Kind);
        Assert.Equal(phrase, flag.Phrase, ignoreCase: true);
    }

    [Fact]
    public void DeadlineWithDifferentNumbersThanTheSourceIsFlagged()
    {
        var sources = new[] { "Rückerstattungen werden innerhalb von 14 Tagen bearbeitet." };

        var flags = CommitmentCheck.Check("Wir erstatten den Betrag innerhalb von 3 Tagen.", sources);

        var flag = Assert.Single(flags);
        Assert.Equal(CommitmentKind.Date, flag.Kind);
        Assert.Empty(CommitmentCheck.Check("Wir erstatten den Betrag innerhalb von 14 Tagen.", sources));
    }

    [Theory]
    [InlineData("As an exception, we waive the return fee.", CommitmentKind.Exception)]
    [InlineData("Ausnahmsweise übernehmen wir die Kosten.", CommitmentKind.Exception)]
    [InlineData("Exceptionnellement, nous prenons en charge les frais.", CommitmentKind.Exception)]
    [InlineData("Como excepción, cubrimos el envío.", CommitmentKind.Exception)]
    [InlineData("We have added store credit to your account.", CommitmentKind.Credit)]
    [InlineData("Sie erhalten eine Gutschrift.", CommitmentKind.Credit)]
    [InlineData("Here is a 15% discount for your next order.", CommitmentKind.Discount)]
    [InlineData("Wir gewähren Ihnen einen Rabatt.", CommitmentKind.Discount)]
    [InlineData("Nous vous accordons une remise.", CommitmentKind.Discount)]
    [InlineData("Le ofrecemos un descuento.", CommitmentKind.Discount)]
    [InlineData("Nous vous rembourserons la commande.", CommitmentKind.Refund)]
    [InlineData("Le reembolsaremos el pedido.", CommitmentKind.Refund)]
    public void PromisesOfEveryKindAreFlagged(string draft, CommitmentKind kind)
    {
        Assert.Contains(CommitmentCheck.Check(draft, []), f => f.Kind == kind);
    }

    [Fact]
    public void DiscountBackedOnlyWithAnotherPercentageIsFlagged()
    {
        var flags = CommitmentCheck.Check("Here is a 15% discount.", ["Loyalty members get a 10% discount."]);

        Assert.Equal(CommitmentKind.Discount, Assert.Single(flags).Kind);
    }

    [Fact]
    public void PlainSentencesAreNotFlagged()
    {
        var draft = "Guten Morgen! Thanks for the photos. I checked your order and it left our warehouse. "
                  + "Buenos días, esta mañana revisé su pedido.";

        Assert.Empty(CommitmentCheck.Check(draft, []));
    }

    [Fact]
    public void EachPromiseInASentenceIsReported()
    {
        var flags = CommitmentCheck.Check("We will refund you within 3 days.", []);

        Assert.Equal([CommitmentKind.Refund, CommitmentKind.Date], flags.Select(f => f.Kind));
    }
}
