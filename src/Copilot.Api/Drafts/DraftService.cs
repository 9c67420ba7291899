using System.Diagnostics;
using System.Runtime.CompilerServices;
using Copilot.Api.Assist;
using Copilot.Api.Knowledge;
using Copilot.Api.Models;
using Copilot.Api.Offline;
using Copilot.Api.Suggestions;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;

namespace Copilot.Api.Drafts;

/// <summary>
/// Writes a reply draft from what retrieval found for the ticket: with the tenant's model when it has
/// one (streamed, grounded, guarded), otherwise, or when the model fails, offline. Tickets a handoff
/// rule keeps with humans get no draft, and the reason.
/// </summary>
public sealed class DraftService(
    IOfflineDrafter drafter,
    ILanguageDetector detector,
    KnowledgeIndex index,
    ModelDraftWriter modelWriter,
    TenantModels models,
    SuggestionStore suggestions,
    TimeProvider time,
    ILogger<DraftService> logger)
{
    public const string PromptVersion = "offline-grounded-1";
    public const int MaxSources = 5;
    public const string OfflineLabel = "Draft written offline from your knowledge base (no AI model connected). Review before sending.";
    public const string ModelLabel = "AI draft grounded in your knowledge base. Review before sending.";
    public const string FallbackLabel = "The AI model is unavailable: draft written offline from your knowledge base. Review before sending.";
    public const string WithheldLabel = "No draft: this ticket stays with a person.";

    /// <summary>The whole draft at once, for clients that do not stream.</summary>
    public async Task<DraftResponse> DraftAsync(
        Tenant tenant, AssistContext context, string? agentId, string? agentName, string? instructions, CancellationToken cancellationToken)
    {
        await foreach (var e in StreamAsync(tenant, context, agentId, agentName, instructions, cancellationToken))
        {
            if (e is DraftDoneEvent done)
            {
                return done.Response;
            }
        }
        throw new InvalidOperationException("A draft stream ended without its final event.");
    }

    /// <param name="agentName">The signed-in agent's name (checked by <see cref="AgentName"/>): it signs the draft and fills agent placeholders.</param>
    public async IAsyncEnumerable<DraftEvent> StreamAsync(
        Tenant tenant, AssistContext context, string? agentId, string? agentName, string? instructions,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var warnings = context.Warnings.Select(AssistMapping.ToDto).ToList();
        if (context.Handoff)
        {
            var rules = string.Join(", ", context.Warnings.Where(w => w.Action == Boundaries.BoundaryAction.Handoff).Select(w => w.Name));
            yield return new DraftDoneEvent(new DraftResponse("withheld", null, null, [], context.Language.Code, AssistMapping.Offline, warnings, WithheldLabel,
                $"Boundary rules keep this ticket with a human ({rules}). Handle it yourself or hand it to the right team."));
            yield break;
        }

        var started = Stopwatch.GetTimestamp();
        // Only what is about the ticket grounds a draft: a keyword hit must cover enough of the
        // customer's question (the offline drafter's own test); a vector hit has passed the tenant's similarity floor.
        var question = Question.From(context.Thread);
        var sources = context.Macros.Concat(context.Articles).Concat(context.SimilarTickets)
            .Where(h => h.Similarity is not null || question.Relevance(h) >= OfflineDrafter.MinRelevance)
            .OrderByDescending(h => h.Score)
            .Take(MaxSources)
            .ToList();
        yield return new DraftSourcesEvent(sources.Select(ToCitation).ToList());

        ModelException? failure = null;
        var deltasSent = false;
        if (models.Chat(tenant) is { } chat)
        {
            var run = modelWriter.Start(tenant, context, sources, agentName, instructions, chat);
            await using var e = run.Deltas(cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                try
                {
                    if (!await e.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (ModelException m)
                {
                    failure = m;
                    break;
                }
                deltasSent = true;
                yield return new DraftDeltaEvent(e.Current);
            }
            if (failure is null)
            {
                yield return new DraftDoneEvent(await RecordModelDraftAsync(tenant, context, agentId, sources, run, warnings, cancellationToken));
                yield break;
            }
            ModelLog.FellBack(logger, failure.Provider, tenant.Id, "draft", failure.Failure, failure.StatusCode);
        }

        // A source answers from its whole text, so its steps are never cut where a passage ended.
        var texts = await index.GetTextsAsync(tenant.Id, sources.Select(s => (s.Kind, s.SourceId)).ToList(), cancellationToken);
        var whole = sources.Select(s => texts.TryGetValue((s.Kind, s.SourceId), out var text) ? s with { Passage = text } : s).ToList();
        var draft = drafter.Draft(new DraftInput(context.Thread, whole, context.Language, agentName, tenant.Options.IncludeInternalNotes));
        var cited = sources.Where(s => draft.CitedSourceIds.Contains(s.SourceId)).ToList();
        var suggestion = new Suggestion(
            Suggestion.NewId(), tenant.Id, context.Thread.Ticket.Id, SuggestionKinds.Draft, agentId, context.Intent, draft.Text,
            sources.Select(AssistService.ToSourceRef).ToList(), "offline", null, PromptVersion,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, time.GetUtcNow());
        await suggestions.AddAsync([suggestion], cancellationToken);

        var provider = failure is null ? AssistMapping.Offline : ProviderInfo.Unavailable(tenant, failure);
        var flags = new List<string>();
        if (deltasSent)
        {
            flags.Add("The AI model stopped mid-answer; this is the offline draft instead.");
        }
        if (draft.Kind != DraftKind.OtherLanguage && Sendability.Check(draft.Text, draft.Language, detector) is { Sendable: false } verdict)
        {
            flags.Add("Check before sending: " + string.Join("; ", verdict.Problems) + ".");
        }
        yield return new DraftDeltaEvent(draft.Text);
        yield return new DraftDoneEvent(new DraftResponse("drafted", suggestion.Id, draft.Text, cited.Select(ToCitation).ToList(),
            context.Language.Code, provider, warnings, DraftNotes.Label(draft.Kind, context.Language.Code, failure is not null),
            Flags: flags.Count > 0 ? flags : null, DraftKind: DraftNotes.KindName(draft.Kind),
            Guidance: DraftNotes.Guidance(draft.Guidance, sources), ColleagueCases: DraftNotes.Colleagues(draft.ColleagueCaseIds, sources)));
    }

    private async Task<DraftResponse> RecordModelDraftAsync(
        Tenant tenant, AssistContext context, string? agentId, IReadOnlyList<KnowledgeHit> sources, ModelDraftRun run,
        IReadOnlyList<WarningDto> warnings, CancellationToken cancellationToken)
    {
        var guarded = run.Result!;
        var audit = run.Audit!;
        var suggestion = new Suggestion(
            Suggestion.NewId(), tenant.Id, context.Thread.Ticket.Id, SuggestionKinds.Draft, agentId, context.Intent, guarded.Text,
            sources.Select(AssistService.ToSourceRef).ToList(), TenantModels.ProviderName(tenant), audit.Model, run.PromptVersion,
            audit.TotalMs, time.GetUtcNow()) { Audit = audit };
        await suggestions.AddAsync([suggestion], cancellationToken);
        return new DraftResponse("drafted", suggestion.Id, guarded.Text, guarded.Cited.Select(ToCitation).ToList(),
            context.Language.Code, ProviderInfo.Model(tenant), warnings, ModelLabel, Flags: guarded.Flags, Usage: UsageDto.From(audit),
            DraftKind: guarded.NeedsInput ? "holding" : "answer", Guidance: DraftNotes.Guidance(sources), ColleagueCases: DraftNotes.Colleagues(sources));
    }

    internal static CitationDto ToCitation(KnowledgeHit h) => new(h.SourceId, AssistService.KindName(h.Kind), h.Title, h.Url);
}
