using System.Diagnostics;
using Copilot.Api.Assist;
using Copilot.Api.Knowledge;
using Copilot.Api.Offline;
using Copilot.Api.Suggestions;
using Copilot.Api.Tenants;

namespace Copilot.Api.Drafts;

/// <summary>
/// Writes a reply draft from what retrieval found for the ticket. Tickets a handoff rule keeps
/// with humans get no draft, and the reason.
/// </summary>
public sealed class DraftService(IOfflineDrafter drafter, SuggestionStore suggestions, TimeProvider time)
{
    public const string PromptVersion = "offline-grounded-1";
    public const int MaxSources = 5;
    public const string OfflineLabel = "Draft written offline from your knowledge base (no AI model connected). Review before sending.";
    public const string WithheldLabel = "No draft: this ticket stays with a person.";

    public async Task<DraftResponse> DraftAsync(Tenant tenant, AssistContext context, string? agentId, CancellationToken cancellationToken)
    {
        var warnings = context.Warnings.Select(AssistMapping.ToDto).ToList();
        if (context.Handoff)
        {
            var rules = string.Join(", ", context.Warnings.Where(w => w.Action == Boundaries.BoundaryAction.Handoff).Select(w => w.Name));
            return new DraftResponse("withheld", null, null, [], context.Language.Code, AssistMapping.Offline, warnings, WithheldLabel,
                $"Boundary rules keep this ticket with a human ({rules}). Handle it yourself or hand it to the right team.");
        }

        var started = Stopwatch.GetTimestamp();
        var sources = context.Macros.Concat(context.Articles).Concat(context.SimilarTickets)
            .OrderByDescending(h => h.Score)
            .Take(MaxSources)
            .ToList();
        var draft = drafter.Draft(new DraftInput(context.Thread, sources, context.Language, AgentName: null, tenant.Options.IncludeInternalNotes));
        var cited = sources.Where(s => draft.CitedSourceIds.Contains(s.SourceId)).ToList();

        var suggestion = new Suggestion(
            Suggestion.NewId(), tenant.Id, context.Thread.Ticket.Id, SuggestionKinds.Draft, agentId, null, draft.Text,
            sources.Select(AssistService.ToSourceRef).ToList(), "offline", null, PromptVersion,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, time.GetUtcNow());
        await suggestions.AddAsync([suggestion], cancellationToken);

        return new DraftResponse("drafted", suggestion.Id, draft.Text, cited.Select(ToCitation).ToList(),
            context.Language.Code, AssistMapping.Offline, warnings, OfflineLabel);
    }

    private static CitationDto ToCitation(KnowledgeHit h) => new(h.SourceId, AssistService.KindName(h.Kind), h.Title, h.Url);
}
