using Copilot.Api.Knowledge;

namespace Copilot.Tests.Knowledge;

public class PassageSplitterTests
{
    private static string Sentence(int n, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(i => $"w{n}x{i}")) + ".";

    [Fact]
    public void ShortTextStaysOnePassage()
    {
        var passages = PassageSplitter.Split("Reset your password from the login page. It takes a minute.", 80, 160);
        Assert.Single(passages);
        Assert.Equal("Reset your password from the login page. It takes a minute.", passages[0]);
    }

    [Fact]
    public void LongTextIsCutIntoPassagesWithinTheWordBounds()
    {
        var paragraphs = Enumerable.Range(0, 12).Select(p => string.Join(' ', Enumerable.Range(0, 4).Select(s => Sentence(p * 10 + s, 12))));
        var passages = PassageSplitter.Split(string.Join("\n\n", paragraphs), 80, 160);

        Assert.True(passages.Count >= 4, $"got {passages.Count} passages");
        Assert.All(passages, p => Assert.InRange(PassageSplitter.WordCount(p), 40, 160 + 40));
        Assert.All(passages.Take(passages.Count - 1), p => Assert.InRange(PassageSplitter.WordCount(p), 80, 160));
    }

    [Fact]
    public void PassagesEndOnSentenceBoundaries()
    {
        var text = string.Join(' ', Enumerable.Range(0, 30).Select(i => Sentence(i, 9)));
        var passages = PassageSplitter.Split(text, 80, 160);

        Assert.True(passages.Count > 1);
        Assert.All(passages, p => Assert.EndsWith(".", p));
    }

    [Fact]
    public void EachPassageAfterTheFirstRepeatsTheLastSentenceBefore()
    {
        var sentences = Enumerable.Range(0, 30).Select(i => Sentence(i, 9)).ToList();
        var passages = PassageSplitter.Split(string.Join(' ', sentences), 80, 160);

        for (var i = 1; i < passages.Count; i++)
        {
            var lastOfPrevious = sentences.Last(s => passages[i - 1].Contains(s, StringComparison.Ordinal));
            Assert.StartsWith(lastOfPrevious, passages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnOverlongSentenceIsCutByWords()
    {
        var passages = PassageSplitter.Split(Sentence(1, 500), 80, 160);

        Assert.True(passages.Count >= 3);
        Assert.All(passages, p => Assert.InRange(PassageSplitter.WordCount(p), 1, 160 + 40));
        Assert.Equal(500, passages.Sum(PassageSplitter.WordCount));
    }

    [Fact]
    public void TextWithoutWordsGivesNoPassage()
    {
        Assert.Empty(PassageSplitter.Split("  \n\n -- ... \n", 80, 160));
    }
}
