using Copilot.Api.Knowledge;

namespace Copilot.Tests.Knowledge;

public class InflectionTests
{
    [Theory]
    [InlineData("cancelling", "cancel")]
    [InlineData("cancel", "cancelled")]
    [InlineData("refunds", "refund")]
    [InlineData("delivery", "deliveries")]
    [InlineData("charged", "charge")]
    public void EnglishInflectionsOfAWordAreOffered(string word, string form)
    {
        Assert.Contains(form, Inflections.Of(word));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("rückerstattung")]
    [InlineData("a1b2")]
    public void ShortOrNonEnglishLookingWordsGetNoInflections(string word)
    {
        Assert.Empty(Inflections.Of(word));
    }

    [Fact]
    public async Task WithExpansionOnAQueryFindsOtherFormsOfItsWords()
    {
        await using var db = await KnowledgeTestDb.CreateAsync();
        var index = db.Index(new KnowledgeOptions { ExpandInflections = true });
        await index.UpsertAsync("acme", [KnowledgeTestDb.Article("1", "Orders", "Orders can be cancelled before shipping.")], CancellationToken.None);

        var (hits, terms) = await index.SearchExplainedAsync("acme", new KnowledgeQuery("cancel"), CancellationToken.None);

        Assert.Single(hits);
        Assert.Contains("cancelled", terms);
    }
}
