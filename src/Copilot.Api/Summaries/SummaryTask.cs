using Copilot.Api.Assist;
using Copilot.Api.Boundaries;
using Copilot.Api.ModelTasks;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Summaries;

/// <summary>
/// The thread summary as a model task: the model's summary (<see cref="SummaryPrompt"/>) when the tenant
/// has a model, the offline summarizer otherwise, for a ticket kept with a human, or when the model fails.
/// </summary>
public static class SummaryTask
{
    public static ModelTask<ThreadSummary> For(
        Tenant tenant, HelpdeskThread thread, bool includeNotes, IReadOnlyList<BoundaryWarning> warnings, ISummarizer summarizer) => new()
    {
        Name = "summary",
        TicketId = thread.Ticket.Id,
        KeptWithHuman = warnings.Where(w => w.Action == BoundaryAction.Handoff).Select(w => w.Name).ToList(),
        Prompt = () => SummaryPrompt.Build(thread, includeNotes, tenant.Options.RedactPii),
        Parse = StructuredCall.Json((e, prompt) => SummaryPrompt.Parse(e, prompt.Restore)),
        Offline = _ => ValueTask.FromResult(summarizer.Summarize(thread, includeNotes)),
        OfflineVersion = AssistService.PromptVersion,
    };
}
