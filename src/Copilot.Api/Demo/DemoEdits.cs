namespace Copilot.Api.Demo;

/// <summary>
/// DEMO DATA: how a replayed agent changes a draft before sending it. The edit size the
/// dashboard reports is then measured from the two texts by the real feedback code.
/// </summary>
internal static class DemoEdits
{
    /// <param name="style">0: a touch to greeting and close; 1: drops a paragraph and adds their own; 2: keeps only the frame and rewrites the body.</param>
    public static string Apply(string draft, int style)
    {
        var paragraphs = draft.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        switch (style)
        {
            case 0:
                return draft.TrimEnd() + "\n\nThanks for your patience while we sorted this out.";
            case 1:
                if (paragraphs.Count > 2)
                {
                    paragraphs.RemoveAt(paragraphs.Count - 2);
                }
                paragraphs.Insert(Math.Min(1, paragraphs.Count), "I checked your order history as well, and everything else on your account looks fine.");
                return string.Join("\n\n", paragraphs);
            default:
                var frame = paragraphs.Count >= 2 ? new[] { paragraphs[0], paragraphs[^1] } : paragraphs.ToArray();
                return string.Join("\n\n", frame.Take(1)
                    .Append("I've looked into this myself. Could you send me a photo of the device label and tell me which app version you're on? Then I can give you exact steps rather than general ones.")
                    .Append("If it's easier, reply with a good time and I'll call you.")
                    .Concat(frame.Skip(1)));
        }
    }
}
