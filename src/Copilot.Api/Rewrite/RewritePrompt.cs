using Copilot.Api.ModelTasks;
using Copilot.Api.Privacy;
using Microsoft.Extensions.AI;

namespace Copilot.Api.Rewrite;

/// <summary>The rewrite prompt, one task line per action, and the check that nothing that must survive was lost.</summary>
public static class RewritePrompt
{
    public const string Version = "rewrite.v1";

    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["expand"] = "Expand the text: make it more complete and explanatory, at most twice as long.",
        ["shorten"] = "Shorten the text to about half its length without dropping any fact.",
        ["friendlier"] = "Make the text warmer and friendlier, keeping it professional.",
        ["more-formal"] = "Make the text more formal and polite.",
        ["fix-grammar"] = "Fix spelling, grammar and punctuation only; change nothing else.",
        ["translate"] = "Translate the text into the language \"{0}\".",
    };

    public static ModelPrompt Build(string action, string text, string? language, bool redactPii)
    {
        var map = new RedactionMap();
        var task = string.Format(System.Globalization.CultureInfo.InvariantCulture, Actions[action], language ?? "");
        var system = PromptLibrary.Render(Version, new Dictionary<string, string> { ["action"] = task });
        var user = "The agent's text:\n" + PromptFence.Wrap(redactPii ? PiiRedactor.Redact(text, map) : text, PromptFence.TicketTag, "agent draft") + "\nRewrite it now.";
        var options = new ChatOptions { Temperature = 0.2f, MaxOutputTokens = Math.Clamp(text.Length / 2, 200, 2000) };
        return new ModelPrompt(Version, [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user)], options, map);
    }

    /// <summary>
    /// What the rewrite lost of the original: code, links, email addresses, placeholders, numbers
    /// and ids — the spans the offline rules never edit (<see cref="Offline.ProtectedText"/>). A
    /// repeated sentence may go as long as the span still appears somewhere.
    /// </summary>
    public static IReadOnlyList<string> Lost(string original, string rewritten, bool translated) =>
        Offline.ProtectedText.Find(original)
            // Translations may write numbers differently (1,000 / 1.000); ids, links and placeholders still must survive.
            .Where(s => !(translated && s.Kind == Offline.ProtectedText.SpanKind.Number && char.IsAsciiDigit(s.Value[0])))
            .Select(s => s.Value)
            .Where(v => !rewritten.Contains(v, StringComparison.Ordinal))
            .ToList();
}
