using System.Globalization;
using System.Text;
using Copilot.Api.Drafts;
using Copilot.Api.Knowledge;
using Copilot.Api.ModelTasks;
using Copilot.Api.Privacy;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.AI;

namespace Copilot.Api.Ask;

/// <summary>What an ask prompt is built from. <see cref="Map"/> is shared with the question's tools, so what they redact is restored too.</summary>
public sealed record AskPromptInput(
    HelpdeskTicket Ticket,
    string Question,
    IReadOnlyList<AskTurn> Earlier,
    IReadOnlyList<KnowledgeHit> Sources,
    string Language,
    RedactionMap? Map,
    ChatOptions Options);

/// <summary>
/// Builds the ask prompt (<c>Prompts/ask.v1.md</c> with the shared rules and citation snippets): the question, the
/// conversation's earlier turns and the ticket's subject as fenced data (the agent is trusted, what they paste may
/// not be), the sources retrieved for the question numbered from [1]. The tools are in <see cref="AskPromptInput.Options"/>.
/// </summary>
public static class AskPrompt
{
    public const string Version = "ask.v1";
    public const int MaxOutputTokens = 400;

    public static ModelPrompt Build(AskPromptInput input)
    {
        var map = input.Map ?? new RedactionMap();
        var system = PromptLibrary.Render(Version, new Dictionary<string, string> { ["language"] = input.Language });
        var user = new StringBuilder();
        user.Append(CultureInfo.InvariantCulture, $"The ticket: #{input.Ticket.Id}, requester {DraftPrompt.Requester(input.Ticket.Requester, input.Map)}.\n")
            .Append(PromptFence.Wrap(ThreadPrompt.Redact(ThreadPrompt.ForModel(input.Ticket.Subject, AuthorRole.Customer), input.Map), PromptFence.TicketTag, "subject")).Append('\n');
        if (input.Earlier.Count > 0)
        {
            user.Append("\nEarlier in this conversation (oldest first):\n");
            for (var i = 0; i < input.Earlier.Count; i++)
            {
                user.Append(PromptFence.Wrap(ThreadPrompt.Redact(input.Earlier[i].Question, input.Map), PromptFence.TicketTag, $"agent question {i + 1}")).Append('\n')
                    .Append(PromptFence.Wrap(ThreadPrompt.Redact(input.Earlier[i].Answer, input.Map), PromptFence.TicketTag, $"your answer {i + 1}")).Append('\n');
            }
        }
        user.Append("\nSources found for the question:\n").Append(ThreadPrompt.Sources(input.Sources))
            .Append("\nThe agent's question:\n")
            .Append(PromptFence.Wrap(ThreadPrompt.Redact(input.Question, input.Map), PromptFence.TicketTag, "agent question")).Append('\n')
            .Append("\nAnswer the agent's question now.");
        var options = input.Options;
        options.Temperature = 0.2f;
        options.MaxOutputTokens = MaxOutputTokens;
        return new ModelPrompt(Version, [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user.ToString())], options, map);
    }
}
