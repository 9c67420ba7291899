using Copilot.Api.Drafts.Guards;


namespace Copilot.Tests.Guardrails;

public sealed class LinkAndCitationCheckTests
{
    private static readonly string[] Sources =
    [
        "Returns are free within 30 days. Start a return at https://help.lumora.example/returns/.",
        "Shipping to Germany takes 3 days. Tracking: https://track.lumora.example/?id=1",
    ];

    [Fact]
    public void InventedMarkdownLinkIsRemovedButItsTextStays()
    {
        var result = LinkCheck.Check("Read [our refund policy](https://lumora.example/refunds) first.", Sources);

        Assert.Equal("Read our refund policy first.", result.Text);
        Assert.Equal(["https://lumora.example/refunds"], result.RemovedUrls);
    }

    [Fact]
    public void LinksFromTheSourcesStayEvenWithoutTheTrailingSlash()
    {
        var draft = "Start your return at https://help.lumora.example/returns. Or [track it](https://track.lumora.example/?id=1).";

        var result = LinkCheck.Check(draft, Sources);

        Assert.Equal(draft, result.Text);
        Assert.Empty(result.RemovedUrls);
    }

    [Fact]
    public void InventedBareUrlAndHtmlLinkAreRemoved()
    {
        var result = LinkCheck.Check("See https://evil.example/login. Or <a href=\"https://help.lumora.example/other\">this page</a> today.", Sources);

        Assert.Equal("See. Or this page today.", result.Text);
        Assert.Equal(["https://evil.example/login", "https://help.lumora.example/other"], result.RemovedUrls);
    }

    [Fact]
    public void InventedCitationIsDroppedAndReported()
    {
        var result = CitationCheck.Check("Returns are free [1]. Refunds take 14 days [4]. Shipping takes 3 days [2].", Sources);

        Assert.Equal("Returns are free [1]. Refunds take 14 days. Shipping takes 3 days [2].", result.Text);
        Assert.Equal([1, 2], result.Cited);
        Assert.Equal([4], result.Invented);
    }

    [Fact]
    public void GroupedCitationKeepsOnlyItsValidNumbers()
    {
        var result = CitationCheck.Check("Free returns [2, 0, 7].", Sources);

        Assert.Equal("Free returns [2].", result.Text);
        Assert.Equal([0, 7], result.Invented);
    }

    [Fact]
    public void LinkLabelsAndPlaceholdersAreNotCitations()
    {
        var draft = "See [5](https://help.lumora.example/returns/) and write to [EMAIL_1] [1].";

        var result = CitationCheck.Check(draft, Sources);

        Assert.Equal(draft, result.Text);
        Assert.Equal([1], result.Cited);
        Assert.Empty(result.Invented);
    }
}
