using AngleSharp.Dom;

namespace Copilot.Connectors.Text;

/// <summary>Walks a parsed HTML tree and tells a <see cref="TextWriter"/> what to write.</summary>
internal sealed class HtmlWalker(TextWriter writer)
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
        { "script", "style", "noscript", "template", "head", "iframe", "object", "svg", "canvas", "button", "select", "input" };

    private static readonly HashSet<string> Paragraphs = new(StringComparer.OrdinalIgnoreCase)
        { "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "figure", "hr", "address", "details", "dl" };

    private static readonly HashSet<string> Lines = new(StringComparer.OrdinalIgnoreCase)
        { "div", "section", "article", "header", "footer", "main", "nav", "aside", "summary", "figcaption", "dt", "dd", "form", "fieldset", "legend", "caption", "center" };

    private int _listDepth;
    private int _cellDepth;

    public void Walk(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    writer.Inline(text.Data);
                    break;
                case IElement element:
                    Element(element);
                    break;
            }
        }
    }

    private void Element(IElement element)
    {
        var name = element.LocalName;
        if (Skipped.Contains(name))
        {
            return;
        }
        switch (name)
        {
            case "br":
                if (_cellDepth > 0)
                {
                    writer.Space();
                }
                else
                {
                    writer.LineBreak();
                }
                return;
            case "pre":
                BlockBreak(2);
                writer.Preformatted(element.TextContent);
                BlockBreak(2);
                return;
            case "ul" or "ol":
                List(element, ordered: name == "ol");
                return;
            case "li":
                // A stray <li> outside a list still reads as an item.
                Item(element, "- ");
                return;
            case "tr":
                Row(element);
                return;
            case "a":
                Link(element);
                return;
            case "img":
                if (element.GetAttribute("alt") is { Length: > 0 } alt)
                {
                    writer.Inline(" " + alt + " ");
                }
                return;
        }
        var breaks = Paragraphs.Contains(name) ? 2 : Lines.Contains(name) ? 1 : 0;
        BlockBreak(breaks);
        Walk(element);
        BlockBreak(breaks);
    }

    private void BlockBreak(int lines)
    {
        if (lines == 0)
        {
            return;
        }
        if (_cellDepth > 0)
        {
            writer.Space();
            return;
        }
        writer.Break(_listDepth > 0 ? 1 : lines);
    }

    private void List(IElement list, bool ordered)
    {
        BlockBreak(_listDepth > 0 ? 1 : 2);
        var number = ordered && int.TryParse(list.GetAttribute("start"), out var start) ? start : 1;
        _listDepth++;
        foreach (var child in list.Children)
        {
            if (child.LocalName == "li")
            {
                Item(child, ordered ? $"{number++}. " : "- ");
            }
            else
            {
                Element(child);
            }
        }
        _listDepth--;
        BlockBreak(_listDepth > 0 ? 1 : 2);
    }

    private void Item(IElement item, string marker)
    {
        if (_cellDepth > 0)
        {
            writer.Space();
            Walk(item);
            return;
        }
        writer.CloseMarker();
        writer.Break(1);
        writer.Marker(new string(' ', Math.Max(0, _listDepth - 1) * 2) + marker);
        Walk(item);
        writer.CloseMarker();
        writer.Break(1);
    }

    private void Row(IElement row)
    {
        BlockBreak(1);
        var first = true;
        foreach (var cell in row.Children)
        {
            if (cell.LocalName is not ("td" or "th"))
            {
                continue;
            }
            if (!first)
            {
                writer.Space();
                writer.Raw("| ");
            }
            first = false;
            _cellDepth++;
            Walk(cell);
            _cellDepth--;
        }
        BlockBreak(1);
    }

    private void Link(IElement link)
    {
        var before = link.TextContent;
        Walk(link);
        var href = link.GetAttribute("href")?.Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var shown = href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? href[7..] : href;
        var text = before.Trim();
        if (text.Length == 0 || string.Equals(text.TrimEnd('/'), shown.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            || string.Equals(text.TrimEnd('/'), href.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            if (text.Length == 0)
            {
                writer.Inline(shown);
            }
            return;
        }
        writer.Space();
        writer.Raw("(" + shown + ")");
    }
}
