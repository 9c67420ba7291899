using System.Text;

namespace Copilot.Connectors.Text;

/// <summary>
/// Accumulates text with collapsed whitespace and requested line breaks, so the walker
/// can say "a paragraph ends here" without caring what was written before.
/// </summary>
internal sealed class TextWriter
{
    private readonly StringBuilder _text = new();
    private int _pendingBreaks;
    private bool _pendingSpace;
    private bool _markerOpen;

    /// <summary>A &lt;br&gt;: ends the line, and on an empty line leaves a blank one, as a browser shows it.</summary>
    public void LineBreak()
    {
        if (_text.Length > 0 && !_markerOpen)
        {
            _pendingBreaks = _pendingBreaks > 0 ? Math.Max(_pendingBreaks, 2) : 1;
        }
        _pendingSpace = false;
    }

    /// <summary>Ends a list item even if it had no text.</summary>
    public void CloseMarker() => _markerOpen = false;

    /// <summary>Writes a list marker; the item's first block then starts on the marker's line.</summary>
    public void Marker(string marker)
    {
        Raw(marker);
        _markerOpen = true;
    }

    public void Break(int lines)
    {
        if (_text.Length > 0 && !_markerOpen)
        {
            _pendingBreaks = Math.Max(_pendingBreaks, lines);
        }
        _pendingSpace = false;
    }

    public void Space() => _pendingSpace = true;

    /// <summary>Writes a marker (list bullet, cell separator) exactly as given.</summary>
    public void Raw(string text)
    {
        Flush();
        _text.Append(text);
    }

    /// <summary>Writes running text, collapsing every whitespace run to one space.</summary>
    public void Inline(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                _pendingSpace = true;
                continue;
            }
            Flush();
            _text.Append(c);
            _markerOpen = false;
        }
    }

    /// <summary>Writes preformatted text, keeping its line breaks.</summary>
    public void Preformatted(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\u00A0', ' ').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                _pendingBreaks = Math.Max(_pendingBreaks, 1);
            }
            if (lines[i].Length > 0)
            {
                Flush();
                _text.Append(lines[i].TrimEnd());
                _markerOpen = false;
            }
        }
    }

    private void Flush()
    {
        if (_pendingBreaks > 0 && _text.Length > 0)
        {
            _text.Append('\n', _pendingBreaks);
        }
        else if (_pendingSpace && _text.Length > 0 && _text[^1] != '\n' && _text[^1] != ' ')
        {
            _text.Append(' ');
        }
        _pendingBreaks = 0;
        _pendingSpace = false;
    }

    public override string ToString() => Normalize(_text.ToString());

    /// <summary>Trims line ends and keeps at most one blank line between paragraphs.</summary>
    public static string Normalize(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\u00A0', ' ').Split('\n');
        var result = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                blank++;
                continue;
            }
            if (result.Length > 0)
            {
                result.Append('\n', blank > 0 ? 2 : 1);
            }
            blank = 0;
            result.Append(line);
        }
        return result.ToString();
    }
}
