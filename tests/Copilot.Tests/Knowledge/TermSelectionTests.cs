using Copilot.Api.Knowledge;

namespace Copilot.Tests.Knowledge;

public class TermSelectionTests
{
    private static readonly Dictionary<string, long> Frequency = new()
    {
        ["order"] = 30_000, ["refund"] = 3_000, ["cancelled"] = 2_000, ["received"] = 4_000, ["lumora"] = 10,
    };

    [Fact]
    public void TheRarestTermsAreKeptFirst()
    {
        var kept = FtsQuery.SelectByRarity(["order", "refund", "lumora", "cancelled"], Frequency, maxTerms: 2, maxPostings: 1_000_000);

        Assert.Equal(["lumora", "cancelled"], kept);
    }

    [Fact]
    public void TermsStopWhenThePostingsBudgetIsSpent()
    {
        var kept = FtsQuery.SelectByRarity(["order", "refund", "received", "cancelled"], Frequency, maxTerms: 32, maxPostings: 6_000);

        Assert.Equal(["cancelled", "refund"], kept);
    }

    [Fact]
    public void TheRarestTermIsKeptEvenOverBudget()
    {
        Assert.Equal(["order"], FtsQuery.SelectByRarity(["order"], Frequency, maxTerms: 32, maxPostings: 1_000));
    }

    [Fact]
    public void AnAsciiTermNoPassageHoldsIsDroppedButAnUnknownAccentedOneIsKept()
    {
        var kept = FtsQuery.SelectByRarity(["zzyzx", "ῥῆμα", "refund"], Frequency, maxTerms: 32, maxPostings: 1_000_000);

        Assert.Equal(["ῥῆμα", "refund"], kept);
    }
}
