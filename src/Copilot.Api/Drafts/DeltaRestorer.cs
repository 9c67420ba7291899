using Copilot.Api.ModelTasks;

namespace Copilot.Api.Drafts;

/// <summary>
/// Prepares streamed text for the agent: a placeholder or citation can arrive split over two deltas
/// ("[EMA", "IL_1]"), and so can a link, so text from an unclosed '[' or an unfinished "http" on is
/// held until it is complete. Each released piece goes through <c>clean</c> (dropping invented
/// citations and unknown links) and then <c>restore</c> (personal data back).
/// </summary>
public sealed class DeltaRestorer(Func<string, string> restore, Func<string, string>? clean = null) : IDeltaShaper
{
    private const int MaxHeldBracket = 16;
    private const int MaxHeldLink = 2_048;
    private string _held = "";

    /// <summary>The text that can be shown now; may be empty.</summary>
    public string Push(string delta)
    {
        var text = _held + delta;
        var hold = HoldFrom(text);
        _held = text[hold..];
        return Release(text[..hold]);
    }

    /// <summary>Whatever is still held at the end of the stream.</summary>
    public string Flush()
    {
        var rest = _held;
        _held = "";
        return Release(rest);
    }

    private string Release(string text) => text.Length == 0 ? "" : restore(clean is null ? text : clean(text));

    private static int HoldFrom(string text)
    {
        var hold = text.Length;
        var open = text.LastIndexOf('[');
        if (open >= 0 && text.IndexOf(']', open) < 0 && text.Length - open <= MaxHeldBracket)
        {
            hold = open;
        }
        var link = text.LastIndexOf("http", StringComparison.OrdinalIgnoreCase);
        if (link >= 0 && !HasBreakAfter(text, link) && text.Length - link <= MaxHeldLink)
        {
            hold = Math.Min(hold, link);
        }
        // "htt" at the very end may become a link with the next delta.
        for (var n = 3; n >= 1 && hold == text.Length; n--)
        {
            if (text.Length >= n && "http".StartsWith(text[^n..], StringComparison.OrdinalIgnoreCase))
            {
                hold = text.Length - n;
            }
        }
        return hold;
    }

    private static bool HasBreakAfter(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return true;
            }
        }
        return false;
    }
}
