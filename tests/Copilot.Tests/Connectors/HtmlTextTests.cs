using Copilot.Connectors.Text;

namespace Copilot.Tests.Connectors;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("   ", "")]
    [InlineData("plain text stays", "plain text stays")]
    [InlineData("<p>One</p><p>Two</p>", "One\n\nTwo")]
    [InlineData("<div>One</div><div>Two</div>", "One\nTwo")]
    [InlineData("Line one<br>Line two<br/>Line three", "Line one\nLine two\nLine three")]
    [InlineData("<h2>Title</h2><p>Text</p>", "Title\n\nText")]
    [InlineData("<p>  lots \n\t of   space  </p>", "lots of space")]
    [InlineData("<p>a&nbsp;b &amp; c &lt;d&gt; &eacute;&#233;</p>", "a b & c <d> éé")]
    [InlineData("<p>x</p><script>alert('no')</script><style>p{color:red}</style><p>y</p>", "x\n\ny")]
    [InlineData("<p>Hello <b>bold</b> and <i>italic</i>.</p>", "Hello bold and italic.")]
    public void BasicMarkupBecomesReadableText(string? html, string expected)
    {
        Assert.Equal(expected, HtmlText.ToText(html));
    }

    [Fact]
    public void UnorderedListsBecomeDashItems()
    {
        Assert.Equal("Steps:\n\n- Unplug\n- Wait\n\nDone.", HtmlText.ToText("<p>Steps:</p><ul><li>Unplug</li><li>Wait</li></ul><p>Done.</p>"));
    }

    [Fact]
    public void OrderedListsAreNumberedFromTheirStart()
    {
        Assert.Equal("1. First\n2. Second", HtmlText.ToText("<ol><li>First</li><li>Second</li></ol>"));
        Assert.Equal("3. Third\n4. Fourth", HtmlText.ToText("<ol start=\"3\"><li>Third</li><li>Fourth</li></ol>"));
    }

    [Fact]
    public void NestedListsAreIndented()
    {
        Assert.Equal("- Bridge\n  - LED\n  - Reset\n- App", HtmlText.ToText("<ul><li>Bridge<ul><li>LED</li><li>Reset</li></ul></li><li>App</li></ul>"));
    }

    [Fact]
    public void ListItemsWithParagraphsStayOnTheirMarkerLine()
    {
        Assert.Equal("- First\n- Second", HtmlText.ToText("<ul><li><p>First</p></li><li><p>Second</p></li></ul>"));
    }

    [Fact]
    public void LinksKeepTheirTextAndShowTheAddressWhenItDiffers()
    {
        Assert.Equal("See the guide (https://x.test/a) now.", HtmlText.ToText("<p>See <a href=\"https://x.test/a\">the guide</a> now.</p>"));
        Assert.Equal("Go to https://x.test/a", HtmlText.ToText("<p>Go to <a href=\"https://x.test/a\">https://x.test/a</a></p>"));
        Assert.Equal("Mail help@x.test", HtmlText.ToText("<p>Mail <a href=\"mailto:help@x.test\">help@x.test</a></p>"));
        Assert.Equal("Jump below", HtmlText.ToText("<p>Jump <a href=\"#below\">below</a></p>"));
    }

    [Fact]
    public void TablesBecomePipeSeparatedRows()
    {
        var html = "<table><thead><tr><th>Model</th><th>Band</th></tr></thead><tbody><tr><td><p>Bridge</p></td><td>2.4 GHz</td></tr></tbody></table><p>After</p>";

        Assert.Equal("Model | Band\nBridge | 2.4 GHz\n\nAfter", HtmlText.ToText(html));
    }

    [Fact]
    public void PreformattedTextKeepsItsLines()
    {
        Assert.Equal("Logs:\n\nline 1\n  line 2", HtmlText.ToText("<p>Logs:</p><pre>line 1\n  line 2</pre>"));
    }

    [Fact]
    public void ImagesGiveTheirAltText()
    {
        Assert.Equal("Press the button Reset button here", HtmlText.ToText("<p>Press the button <img src=\"x.png\" alt=\"Reset button\"> here</p>"));
    }

    [Fact]
    public void EmailQuoteBlocksAndDivSoupCollapse()
    {
        var html = "<div><div>Hi,</div><div><br></div><div>It broke.</div></div><blockquote><p>earlier</p></blockquote>";

        Assert.Equal("Hi,\n\nIt broke.\n\nearlier", HtmlText.ToText(html));
    }

    [Fact]
    public void PlainTextLinesAreTrimmedAndBlankRunsShrink()
    {
        Assert.Equal("a\n\nb", HtmlText.ToText("a  \n\n\n\nb"));
    }
}
