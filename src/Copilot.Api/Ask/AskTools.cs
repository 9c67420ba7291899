using System.ComponentModel;
using System.Globalization;
using System.Text;
using Copilot.Api.Assist;
using Copilot.Api.ModelTasks;
using Copilot.Api.Privacy;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Microsoft.SemanticKernel;

namespace Copilot.Api.Ask;

/// <summary>
/// The functions the model may call while it answers one question, as a Semantic Kernel plugin: the tenant's knowledge,
/// this ticket's thread and the requester's other tickets. Everything they return is fenced data with personal data
/// redacted (by the question's own map, so the answer's placeholders are restored); they read only, change nothing,
/// and see only this tenant and this ticket.
/// </summary>
public sealed class AskTools(
    Tenant tenant, AssistContext context, string language, AskSources sources, RedactionMap? map, AskRetrieval retrieval, IHelpdeskClientFactory helpdesks)
{
    public const string PluginName = "copilot";
    public const int MaxQueryChars = 500;
    public const int MaxRequesterTickets = 10;

    private readonly Lock _calls = new();

    /// <summary>Names of the functions called so far, in order (for the audit and the tests).</summary>
    public List<string> Called { get; } = [];

    [KernelFunction("search_knowledge")]
    [Description("Searches the team's help articles, documents, macros and past replies. Returns numbered sources to cite.")]
    public async Task<string> SearchKnowledgeAsync([Description("What to look for, in a few words.")] string query, CancellationToken cancellationToken)
    {
        Record("search_knowledge");
        var text = query.Length > MaxQueryChars ? query[..MaxQueryChars] : query;
        var hits = await retrieval.FindAsync(tenant.Id, map is null ? text : map.Restore(text), language, context.Thread.Ticket.Id, cancellationToken);
        if (hits.Count == 0)
        {
            return "No source in the knowledge covers this.";
        }
        var result = new StringBuilder();
        foreach (var (number, hit) in sources.Add(hits))
        {
            result.Append(ThreadPrompt.Source(hit, number)).Append('\n');
        }
        return result.ToString();
    }

    [KernelFunction("ticket_thread")]
    [Description("The thread of the ticket the agent is working on: subject and comments, oldest first.")]
    public string TicketThread()
    {
        Record("ticket_thread");
        return ThreadPrompt.Thread(context.Thread, tenant.Options.IncludeInternalNotes, map);
    }

    [KernelFunction("requester_tickets")]
    [Description("The requester's other tickets, most recently updated first: id, subject, status, last update and link.")]
    public async Task<string> RequesterTicketsAsync(CancellationToken cancellationToken)
    {
        Record("requester_tickets");
        var ticket = context.Thread.Ticket;
        var listed = await helpdesks.Create(tenant.Connection).GetRequesterTicketsAsync(ticket.Requester.Id, MaxRequesterTickets + 1, cancellationToken);
        var others = listed.Where(t => t.Id != ticket.Id).Take(MaxRequesterTickets).ToList();
        sources.AddTickets(others);
        if (others.Count == 0)
        {
            return "The requester has no other tickets.";
        }
        var lines = others.Select(t => string.Create(CultureInfo.InvariantCulture,
            $"#{t.Id} ({t.Status}, updated {t.UpdatedAt:yyyy-MM-dd}){(t.Url is { } url ? " — " + url : "")}: {ThreadPrompt.Redact(ThreadPrompt.ForModel(t.Subject, AuthorRole.Customer).Replace('\n', ' '), map)}"));
        return PromptFence.Wrap(string.Join("\n", lines), PromptFence.TicketTag, "the requester's other tickets");
    }

    private void Record(string name)
    {
        lock (_calls)
        {
            Called.Add(name);
        }
    }
}
