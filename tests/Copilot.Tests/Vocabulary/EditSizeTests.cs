using Copilot.Api.Vocabulary;

namespace Copilot.Tests.Vocabulary;

public class EditSizeTests
{
    [Fact]
    public void UnchangedTextHasNoEdit()
    {
        var result = EditSize.Measure("Hi Anna, your refund is on its way.", "Hi Anna,  your refund is on its way.");
        Assert.Equal(0, result.Distance);
        Assert.Equal(0, result.Ratio);
    }

    [Fact]
    public void ReplacedAndAddedWordsAreCounted()
    {
        // "3" → "5" is one substitution, "business" one insertion.
        var result = EditSize.Measure("It arrives in 3 days.", "It arrives in 5 business days.");
        Assert.Equal(2, result.Distance);
        Assert.Equal(Math.Round(2 / 6.0, 4), result.Ratio);
    }

    [Fact]
    public void RewritingEverythingIsAWholeEdit()
    {
        var result = EditSize.Measure("one two three", "four five six seven");
        Assert.Equal(4, result.Distance);
        Assert.Equal(1, result.Ratio);
    }

    [Fact]
    public void EmptyTextsAreNoEdit() => Assert.Equal(new EditSize.Result(0, 0), EditSize.Measure("", " "));
}
