using Copilot.Api.Drafts;
using Copilot.Api.Drafts.Guards;
using Copilot.Api.Knowledge;
using Copilot.Api.Tenants;

namespace Copilot.Tests.Guardrails;

public sealed class CitationTextTests
{
    private static readonly KnowledgeHit Returns = new(SourceKind.Article, "21", "Return an order within 30 days", "https://help.example/hc/de/articles/21-ruecksendung", "Returns within 30 days.", 3, "de");
    private static readonly KnowledgeHit Macro = new(SourceKind.Macro, "900", "Returns::Label", null, "Print the label.", 2, null);
    private static readonly KnowledgeHit Past = new(SourceKind.PastReply, "117", "Return label", "https://acme.zendesk.com/agent/tickets/117", "I sent the label.", 1, "en");
    private static readonly KnowledgeHit[] Sources = [Returns, Macro, Past];

    [Theory]
    [InlineData(CitationStyle.Link, "You can return it within 30 days (https://help.example/hc/de/articles/21-ruecksendung). Print the label. Keep the box.")]
    [InlineData(CitationStyle.Title, "You can return it within 30 days (Return an order within 30 days). Print the label. Keep the box.")]
    [InlineData(CitationStyle.None, "You can return it within 30 days. Print the label. Keep the box.")]
    public void MarkersBecomeTheArticlesLinkOrTitleOnceOrNothing(CitationStyle style, string expected)
    {
        var text = CitationText.Render("You can return it within 30 days [1]. Print the label [2, 3]. Keep the box [1].", Sources, style);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void MacrosAndPastRepliesAreNeverNamedToTheCustomer()
    {
        var text = CitationText.Render("Print the label [2]. As before [3].", Sources, CitationStyle.Link);

        Assert.Equal("Print the label. As before.", text);
        Assert.DoesNotContain("agent/tickets", text);
    }

    [Fact]
    public void AStreamNamesEachSourceOnceAcrossItsPieces()
    {
        var named = new HashSet<int>();

        var pieces = new[] { "Within 30 days [1].", " Keep the box [1]." }.Select(p => CitationText.Render(p, Sources, CitationStyle.Title, named));

        Assert.Equal("Within 30 days (Return an order within 30 days). Keep the box.", string.Concat(pieces));
    }

    [Fact]
    public void LinkLabelsAndPlaceholdersAreLeftAlone()
    {
        const string Text = "See [the guide](https://help.example/x) and write to [EMAIL_1].";

        Assert.Equal(Text, CitationText.Render(Text, Sources, CitationStyle.None));
    }

    [Fact]
    public void TheGuardWritesCitationsInTheTenantsStyle()
    {
        var guarded = DraftGuard.Apply("Returns take 30 days [1].", [Returns], s => s, citationStyle: CitationStyle.Title);

        Assert.Equal("Returns take 30 days (Return an order within 30 days).", guarded.Text);
        Assert.Equal([Returns], guarded.Cited);
    }
}
