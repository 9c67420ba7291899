using Copilot.Api.Guardrails;
using Copilot.Api.Knowledge;
using Copilot.Api.Models;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.AI;

namespace Copilot.Api.Drafts;

/// <summary>What a draft prompt is built from.</summary>
public sealed record DraftPromptInput(
    HelpdeskThread Thread,
    IReadOnlyList<KnowledgeHit> Sources,
    string Language,
    string? ToneGuidelines,
    bool IncludeInternalNotes,
    bool RedactPii,
    string? AgentInstructions);

/// <summary>Builds the draft prompt: the task and rules as system message, the sources and thread as fenced data.</summary>
public static class DraftPrompt
{
    public const string Version = "draft.v1";
    public const string NoSourcesVersion = "draft-nosources.v1";
    public const int MaxOutputTokens = 700;

    public static ModelPrompt Build(DraftPromptInput input)
    {
        var map = new RedactionMap();
        var redact = input.RedactPii ? map : null;
        var requester = FirstName(input.Thread.Ticket.Requester.Name);
        var grounded = input.Sources.Count > 0;
        var version = grounded ? Version : NoSourcesVersion;
        var system = PromptLibrary.Render(version, new Dictionary<string, string>
        {
            ["requester"] = requester,
            ["language"] = input.Language,
            ["tone_guidelines"] = string.IsNullOrWhiteSpace(input.ToneGuidelines) ? "none given." : input.ToneGuidelines.Trim(),
        });
        var user = new System.Text.StringBuilder();
        if (grounded)
        {
            user.Append("Sources:\n").Append(ThreadPrompt.Sources(input.Sources)).Append('\n');
        }
        user.Append("Ticket thread (requester: ").Append(requester).Append("):\n")
            .Append(ThreadPrompt.Thread(input.Thread, input.IncludeInternalNotes, redact));
        if (!string.IsNullOrWhiteSpace(input.AgentInstructions))
        {
            // The agent is trusted, but what they paste may not be: it is data with a label.
            user.Append("\nThe agent's note on what the reply should cover:\n")
                .Append(PromptFence.Wrap(ThreadPrompt.Redact(input.AgentInstructions, redact), PromptFence.TicketTag, "agent note"));
        }
        user.Append(grounded ? "\nWrite the reply draft now." : "\nWrite the NEEDS line now.");
        var options = new ChatOptions { Temperature = 0.2f, MaxOutputTokens = MaxOutputTokens };
        return new ModelPrompt(version, [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user.ToString())], options, map);
    }

    public static string FirstName(string name)
    {
        // The name is customer-controlled and goes outside the fence: letters only, and short.
        var first = name.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return first.Length is > 0 and <= 30 && first.All(c => char.IsLetter(c) || c is '-' or '\'')
            ? first
            : "there";
    }
}
