using Copilot.Api.ModelTasks;
using Copilot.Api.Privacy;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.AI;

namespace Copilot.Api.Summaries;

/// <summary>The summary prompt: same four fields as the offline summary, as JSON by schema.</summary>
public static class SummaryPrompt
{
    public const string Version = "summary.v1";

    public static ModelPrompt Build(HelpdeskThread thread, bool includeInternalNotes, bool redactPii)
    {
        var map = ThreadPrompt.MapFor(thread);
        var user = "Ticket thread:\n" + ThreadPrompt.Thread(thread, includeInternalNotes, redactPii ? map : null) + "\nSummarize it now.";
        var options = new ChatOptions
        {
            Temperature = 0,
            MaxOutputTokens = 400,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(PromptLibrary.Schema(Version), "ticket_summary", "Summary of a support ticket"),
        };
        return new ModelPrompt(Version, [new ChatMessage(ChatRole.System, PromptLibrary.Render(Version)), new ChatMessage(ChatRole.User, user)], options, map);
    }

    /// <summary>Strict: every field present and non-empty; personal data restored.</summary>
    public static ThreadSummary? Parse(System.Text.Json.JsonElement e, Func<string, string> restore) => new(
        restore(StructuredCall.RequiredString(e, "customerWants")),
        restore(StructuredCall.RequiredString(e, "tried")),
        restore(StructuredCall.RequiredString(e, "status")),
        restore(StructuredCall.RequiredString(e, "nextStep")));
}
