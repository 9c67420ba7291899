using Copilot.Api.Knowledge;
using Copilot.Api.ModelTasks;
using Copilot.Api.Privacy;
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
    string? AgentInstructions,
    string? AgentName = null)
{
    /// <summary>The team's procedures for the ticket's intent: steps the reply follows, never quoted to the customer.</summary>
    public IReadOnlyList<Procedures.Procedure> Procedures { get; init; } = [];
}

/// <summary>Builds the draft prompt: the task and rules as system message, the sources and thread as fenced data.</summary>
public static class DraftPrompt
{
    public const string Version = "draft.v2";
    public const string NoSourcesVersion = "draft-nosources.v1";
    public const int MaxOutputTokens = 700;
    private const int MaxSignOffWords = 4;
    private const int MaxNameWord = 30;

    public static ModelPrompt Build(DraftPromptInput input)
    {
        var map = ThreadPrompt.MapFor(input.Thread);
        var redact = input.RedactPii ? map : null;
        // Redacting, the model greets a placeholder ("Hi [NAME_1],") that the draft gets the name back for.
        var requester = Requester(input.Thread.Ticket.Requester, redact);
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
        if (grounded && input.Procedures.Count > 0)
        {
            // Written by the team's admin, but data all the same: it guides the reply and is never an instruction to the model.
            user.Append("The team's procedure for tickets like this one (the steps the agent follows; the reply follows them and does not quote them):\n");
            foreach (var p in input.Procedures)
            {
                user.Append(PromptFence.Wrap(string.Join("\n", p.StepList.Select((s, i) => $"{i + 1}. {s}")), PromptFence.SourceTag,
                    $"procedure: {p.Title} (version {p.Version})")).Append('\n');
            }
            user.Append('\n');
        }
        user.Append("Ticket thread (requester: ").Append(requester).Append("):\n")
            .Append(ThreadPrompt.Thread(input.Thread, input.IncludeInternalNotes, redact));
        if (!string.IsNullOrWhiteSpace(input.AgentInstructions))
        {
            // The agent is trusted, but what they paste may not be: it is data with a label.
            user.Append("\nThe agent's note on what the reply should cover:\n")
                .Append(PromptFence.Wrap(ThreadPrompt.Redact(input.AgentInstructions, redact), PromptFence.TicketTag, "agent note"));
        }
        if (grounded && SignOffName(input.AgentName) is { } agent)
        {
            user.Append("\nThe agent's name, for the sign-off: ").Append(agent).Append('\n');
        }
        user.Append(grounded ? "\nWrite the reply draft now." : "\nWrite the NEEDS line now.");
        var options = new ChatOptions { Temperature = 0.2f, MaxOutputTokens = MaxOutputTokens };
        return new ModelPrompt(version, [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user.ToString())], options, map);
    }

    /// <summary>The requester's first name as a prompt gives it: its placeholder when <paramref name="map"/> redacts the ticket's names.</summary>
    public static string Requester(HelpdeskUser requester, RedactionMap? map) =>
        FirstName(requester.Name) is var first && map is not null ? map.Name(first) : first;

    public static string FirstName(string name)
    {
        // The name is customer-controlled and goes outside the fence: letters only, and short.
        var first = name.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return first.Length is > 0 and <= 30 && first.All(c => char.IsLetter(c) || c is '-' or '\'')
            ? first
            : "there";
    }

    /// <summary>
    /// The agent's name goes outside the fence too: only a name's characters (<see cref="Drafts.AgentName"/>), and
    /// short — the full name up to four words, else the first name; null when neither is a name.
    /// </summary>
    public static string? SignOffName(string? agentName)
    {
        var words = Drafts.AgentName.Parse(agentName).Name?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (words.Length == 0 || words[0].Length > MaxNameWord)
        {
            return null;
        }
        return words.Length <= MaxSignOffWords && words.All(w => w.Length <= MaxNameWord) ? string.Join(' ', words) : words[0];
    }
}
