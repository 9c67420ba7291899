using Copilot.Api.Knowledge;

namespace Copilot.Tests.Knowledge;

public class KnowledgeImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ValidJsonLinesBecomeDocuments()
    {
        var parsed = KnowledgeImport.ParseJsonLines(
            """
            {"id":"faq-1","title":"Returns","body":"# Returns\n\nSend it back within **30 days**.","url":"https://example.com/returns","locale":"en-US"}

            {"id":2,"title":"Warranty","body":"<p>Two years.</p><script>alert(1)</script><p>Keep the receipt &amp; box.</p>"}
            """, Now);

        Assert.True(parsed.IsValid);
        Assert.Equal(2, parsed.Documents.Count);
        Assert.Equal("Returns\nSend it back within 30 days.", parsed.Documents[0].Text);
        Assert.Equal(SourceKind.Document, parsed.Documents[0].Kind);
        Assert.Equal("2", parsed.Documents[1].SourceId);
        Assert.Equal("Two years.\n\nKeep the receipt & box.", parsed.Documents[1].Text);
    }

    [Fact]
    public void EveryBadLineIsReportedWithItsLineNumber()
    {
        var parsed = KnowledgeImport.ParseJsonLines(
            """
            {"id":"ok","title":"Fine","body":"Fine text."}
            {"id":"","title":"No id","body":"x"}
            not json
            {"id":"u","title":"Bad url","body":"text","url":"ftp://x","locale":"english language"}
            {"id":"ok","title":"Duplicate","body":"text"}
            ["an array"]
            """, Now);

        Assert.False(parsed.IsValid);
        Assert.Equal(["line 2", "line 3", "line 4", "line 5", "line 6"], parsed.Errors.Keys.Order());
        Assert.Contains(parsed.Errors["line 4"], e => e.Contains("'url'"));
        Assert.Contains(parsed.Errors["line 4"], e => e.Contains("'locale'"));
        Assert.Contains(parsed.Errors["line 5"], e => e.Contains("line 1"));
    }

    [Fact]
    public void MarkdownTakesItsTitleFromTheFirstHeadingAndItsIdFromTheTitle()
    {
        var parsed = KnowledgeImport.ParseMarkdown("# Moving your Lumora lamp\n\nUnplug it *first*.", null, null, null, null, Now);

        var document = Assert.Single(parsed.Documents);
        Assert.Equal("Moving your Lumora lamp", document.Title);
        Assert.Equal("moving-your-lumora-lamp", document.SourceId);
        Assert.Equal("Unplug it first.", document.Text);
    }

    [Fact]
    public void MarkdownWithoutAnyTitleIsRefused()
    {
        var parsed = KnowledgeImport.ParseMarkdown("Just text.", null, null, null, null, Now);

        Assert.False(parsed.IsValid);
        Assert.Contains("title", parsed.Errors.Keys);
    }
}
