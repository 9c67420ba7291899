using Copilot.Api.Knowledge;

namespace Copilot.Tests.Knowledge;

public class TermSelectionTests
{
    private static readonly Dictionary<string, long> Frequency = new()
    {
        ["order"] = 30_000, ["refund"] = 3_000, ["cancelled"] = 2_000, ["received"] = 4_000, ["lumora"] = 10,
    };

    private const long Rows = 100_000;

    private static IReadOnlyList<string> Select(IReadOnlyList<string> terms, int maxTerms, long maxPostings) =>
        FtsQuery.SelectByWeight(terms.Select(t => (t, 1)).ToList(), Frequency, Rows, maxTerms, maxPostings);

    [Fact]
    public void TheRarestTermsAreKeptFirst()
    {
        var kept = Select(["order", "refund", "lumora", "cancelled"], maxTerms: 2, maxPostings: 1_000_000);

        Assert.Equal(["lumora", "cancelled"], kept);
    }

    [Fact]
    public void TermsStopWhenThePostingsBudgetIsSpent()
    {
        var kept = Select(["order", "refund", "received", "cancelled"], maxTerms: 32, maxPostings: 6_000);

        Assert.Equal(["cancelled", "refund"], kept);
    }

    [Fact]
    public void TheWeightiestTermIsKeptEvenOverBudget()
    {
        Assert.Equal(["order"], Select(["order"], maxTerms: 32, maxPostings: 1_000));
    }

    [Fact]
    public void AnAsciiTermNoPassageHoldsIsDroppedButAnUnknownAccentedOneIsKept()
    {
        var kept = Select(["zzyzx", "ῥῆμα", "refund"], maxTerms: 32, maxPostings: 1_000_000);

        Assert.Equal(["ῥῆμα", "refund"], kept);
    }

    [Fact]
    public void ATermTheThreadKeepsRepeatingOutweighsAOneOffRareWord()
    {
        var frequency = new Dictionary<string, long> { ["bridge"] = 3_000, ["patience"] = 2 };

        var kept = FtsQuery.SelectByWeight([("patience", 1), ("bridge", 6)], frequency, Rows, maxTerms: 1, maxPostings: 1_000_000);

        Assert.Equal(["bridge"], kept);
    }
}
