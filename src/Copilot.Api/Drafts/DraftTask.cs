using Copilot.Api.Assist;
using Copilot.Api.Boundaries;
using Copilot.Api.Drafts.Guards;
using Copilot.Api.Drafts.Offline;
using Copilot.Api.Knowledge;
using Copilot.Api.ModelTasks;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Drafts;

/// <summary>A draft: the model's, guarded, or the offline drafter's.</summary>
public sealed record WrittenDraft(GuardedDraft? Model, DraftText? Offline);

/// <summary>
/// The draft as a model task: <see cref="DraftPrompt"/>, streamed with personal data restored and invented
/// citations and unknown links dropped and citations written in the tenant's style as it arrives, then
/// <see cref="DraftGuard"/> on the whole answer.
/// </summary>
public static class DraftTask
{
    public static ModelTask<WrittenDraft> For(
        Tenant tenant, AssistContext context, IReadOnlyList<KnowledgeHit> sources, string? agentName, string? instructions,
        Func<CancellationToken, ValueTask<DraftText>> offline)
    {
        var known = sources.SelectMany(s => new[] { s.Url ?? "", s.Passage }).ToList();
        var style = tenant.Options.CitationStyle;
        var customerText = CustomerText(context);
        return new ModelTask<WrittenDraft>
        {
            Name = "draft",
            TicketId = context.Thread.Ticket.Id,
            KeptWithHuman = context.Warnings.Where(w => w.Action == BoundaryAction.Handoff).Select(w => w.Name).ToList(),
            // No answer is due: every tenant gets the same short draft, and its kind, unless the agent asked for something.
            NotNeeded = string.IsNullOrWhiteSpace(instructions) && OfflineDrafter.NoAnswerDue(context.Thread) is { } kind ? DraftNotes.NoAnswerReason(kind) : null,
            Prompt = () => DraftPrompt.Build(new DraftPromptInput(
                context.Thread, sources, context.Language.Code, tenant.Options.ToneGuidelines,
                tenant.Options.IncludeInternalNotes, tenant.Options.RedactPii, instructions, agentName) { Procedures = context.Procedures }),
            Stream = prompt =>
            {
                var named = new HashSet<int>();
                return new DeltaRestorer(prompt.Restore,
                    piece => CitationText.Render(LinkCheck.Check(CitationCheck.Check(piece, sources.Count).Text, known).Text, sources, style, named));
            },
            Parse = answer => new WrittenDraft(
                DraftGuard.Apply(answer.Text, sources, answer.Prompt.Restore, answer.Prompt.Messages[0].Text, customerText, style), null),
            Flags = d => d.Model!.Flags.Select(f => f.Reason).ToList(),
            Offline = async ct => new WrittenDraft(null, await offline(ct)),
            OfflineVersion = DraftService.PromptVersion,
        };
    }

    /// <summary>What the customer wrote in the thread: the promises they demanded are the agent's to confirm.</summary>
    public static string CustomerText(AssistContext context) =>
        string.Join("\n", context.Thread.Comments.Where(c => c.Author.Role == AuthorRole.Customer).Select(c => c.Text));
}
