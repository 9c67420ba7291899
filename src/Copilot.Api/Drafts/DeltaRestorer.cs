namespace Copilot.Api.Drafts;

/// <summary>
/// Puts redacted personal data back into streamed text. A placeholder can arrive split over two
/// deltas ("[EMA", "IL_1]"), so text from an unclosed '[' on is held until it closes.
/// </summary>
public sealed class DeltaRestorer(Func<string, string> restore)
{
    private const int MaxHeld = 16;
    private string _held = "";

    /// <summary>The text that can be shown now, restored; may be empty.</summary>
    public string Push(string delta)
    {
        var text = _held + delta;
        var open = text.LastIndexOf('[');
        if (open >= 0 && text.IndexOf(']', open) < 0 && text.Length - open <= MaxHeld)
        {
            _held = text[open..];
            text = text[..open];
        }
        else
        {
            _held = "";
        }
        return text.Length == 0 ? "" : restore(text);
    }

    /// <summary>Whatever is still held at the end of the stream.</summary>
    public string Flush()
    {
        var rest = _held;
        _held = "";
        return rest.Length == 0 ? "" : restore(rest);
    }
}
