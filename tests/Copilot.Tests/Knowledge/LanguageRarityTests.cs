using Copilot.Api.Knowledge.FullText;

namespace Copilot.Tests.Knowledge;

/// <summary>How much of its BM25 weight a term keeps when its language holds few of the index's passages.</summary>
public sealed class LanguageRarityTests
{
    [Fact]
    public void AWordEveryPassageOfALanguageHoldsCountsForLittleInIt()
    {
        // "compte" in all 40 French passages of a 1,000-passage index: rare in the index, everywhere in French.
        Assert.InRange(LanguageRarity.Weight(df: 40, rows: 1000, languageDf: 40, languageRows: 40), 0, 0.1);
    }

    [Fact]
    public void AWordAsRareInItsLanguageAsTheLanguageIsInTheIndexKeepsItsWeight()
    {
        Assert.Equal(1, LanguageRarity.Weight(df: 10, rows: 1000, languageDf: 1, languageRows: 100));
    }

    [Fact]
    public void AFewPassagesOfALanguageSayLittleSoTheirCountsAreShrunkTowardsTheIndexs()
    {
        // Four German passages that all say "Rückerstattung": by their own counts a stop word, shrunk it keeps most of its weight.
        var few = LanguageRarity.Weight(df: 4, rows: 1000, languageDf: 4, languageRows: 4);
        var many = LanguageRarity.Weight(df: 400, rows: 1000, languageDf: 400, languageRows: 400);

        Assert.InRange(few, 0.5, 1);
        Assert.True(many < few);
    }

    [Theory]
    [InlineData(1, 1000, 1, 10)]
    [InlineData(500, 1000, 0, 10)]
    [InlineData(0, 0, 0, 0)]
    [InlineData(3, 3, 3, 3)]
    public void AWeightIsNeverMoreThanTheTermHadNorLessThanNothing(long df, long rows, long languageDf, long languageRows)
    {
        Assert.InRange(LanguageRarity.Weight(df, rows, languageDf, languageRows), 0, 1);
    }

    [Theory]
    [InlineData(499, 1000, true)]
    [InlineData(500, 1000, false)]
    [InlineData(0, 0, false)]
    public void OnlyALanguageWithLessThanHalfTheIndexCountsOnItsOwn(long languageRows, long rows, bool counts)
    {
        Assert.Equal(counts, LanguageRarity.Counts(languageRows, rows));
    }
}
