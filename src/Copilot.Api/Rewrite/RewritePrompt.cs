using System.Text.RegularExpressions;
using Copilot.Api.Guardrails;
using Copilot.Api.Models;
using Microsoft.Extensions.AI;

namespace Copilot.Api.Rewrite;

/// <summary>The rewrite prompt, one task line per action, and the check that nothing that must survive was lost.</summary>
public static partial class RewritePrompt
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

    /// <summary>Links, helpdesk placeholders and numbers of the original that the rewrite lost.</summary>
    public static IReadOnlyList<string> Lost(string original, string rewritten, bool translated)
    {
        var lost = new List<string>();
        foreach (Match m in Keep().Matches(original))
        {
            if (!rewritten.Contains(m.Value, StringComparison.Ordinal) && !lost.Contains(m.Value))
            {
                lost.Add(m.Value);
            }
        }
        // Translations may write numbers differently (1,000 / 1.000); links and placeholders still must survive.
        return translated ? lost.Where(l => !char.IsAsciiDigit(l[0])).ToList() : lost;
    }

    [GeneratedRegex(@"https?://[^\s<>""'\)\]]+[^\s<>""'\)\].,;:!?]|\{\{[^{}]{1,80}\}\}|\[(?:EMAIL|PHONE|CARD|IBAN|ADDRESS)_\d{1,4}\]|\d+(?:[.,:]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Keep();
}
