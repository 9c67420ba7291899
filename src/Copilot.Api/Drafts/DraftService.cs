using System.Runtime.CompilerServices;
using Copilot.Api.Assist;
using Copilot.Api.Drafts.Offline;
using Copilot.Api.Knowledge;
using Copilot.Api.Languages;
using Copilot.Api.ModelTasks;
using Copilot.Api.Suggestions;
using Copilot.Api.Tenants;
using Copilot.Api.Threads;
using Copilot.Api.Vocabulary;

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
    ModelTaskRunner runner,
    SuggestionStore suggestions,
    TimeProvider time)
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
            var handoff = context.Warnings.Where(w => w.Action == Boundaries.BoundaryAction.Handoff).Select(w => w.Name).ToList();
            var rules = string.Join(", ", handoff);
            // A tenant with a model is told why it was not used, not that it has none.
            var provider = tenant.Options.Model.IsOffline ? AssistMapping.Offline : ProviderInfo.KeptFromModel(tenant, handoff);
            yield return new DraftDoneEvent(new DraftResponse(Wire.Name(DraftStatus.Withheld), null, null, [], context.Language.Code, provider, warnings, WithheldLabel,
                $"Boundary rules keep this ticket with a human ({rules}). Handle it yourself or hand it to the right team."));
            yield break;
        }

        var (sources, question) = Grounding(context);
        yield return new DraftSourcesEvent(sources.Select(ToCitation).ToList());

        var task = Drafting(tenant, context, sources, question, agentName, instructions);
        await foreach (var e in runner.StreamAsync(tenant, task, cancellationToken))
        {
            if (e.Delta is { } delta)
            {
                yield return new DraftDeltaEvent(delta);
            }
            else if (e.Result is { Value.Model: { } guarded } byModel)
            {
                yield return new DraftDoneEvent(await RecordModelDraftAsync(tenant, context, agentId, sources, guarded, byModel, warnings, cancellationToken));
            }
            else if (e.Result is { Value.Offline: { } draft } offline)
            {
                var response = await RecordOfflineDraftAsync(tenant, context, agentId, sources, draft, offline, warnings, cancellationToken);
                yield return new DraftDeltaEvent(draft.Text);
                yield return new DraftDoneEvent(response);
            }
        }
    }

    /// <summary>
    /// The draft the route would show, worked out and not recorded (a replay of solved tickets): its text, the sources
    /// it was grounded in and cited, its flags and provider; no text when a handoff rule keeps the ticket with a human.
    /// </summary>
    public async Task<ComposedDraft> ComposeAsync(Tenant tenant, AssistContext context, string? agentName, CancellationToken cancellationToken)
    {
        if (context.Handoff)
        {
            return new ComposedDraft(null, [], [], [], tenant.Options.Model.IsOffline ? AssistMapping.Offline : ProviderInfo.KeptFromModel(tenant,
                context.Warnings.Where(w => w.Action == Boundaries.BoundaryAction.Handoff).Select(w => w.Name).ToList()), null);
        }
        var (sources, question) = Grounding(context);
        var run = await runner.RunAsync(tenant, Drafting(tenant, context, sources, question, agentName, instructions: null), cancellationToken);
        if (run.Value.Model is { } guarded)
        {
            return new ComposedDraft(guarded.Text, sources, guarded.Cited, guarded.Flags, run.Provider, guarded.NeedsInput ? "holding" : "answer");
        }
        var draft = run.Value.Offline!;
        return new ComposedDraft(draft.Text, sources, sources.Where(s => draft.CitedSourceIds.Contains(s.SourceId)).ToList(),
            DraftGuard.Requested(draft.Text, DraftTask.CustomerText(context), []).ToList(), run.Provider, DraftNotes.KindName(draft.Kind));
    }

    /// <summary>
    /// Only what is about the ticket grounds a draft: a keyword hit must cover enough of the customer's question (the
    /// offline drafter's own test); a vector hit has passed the tenant's similarity floor.
    /// </summary>
    private static (List<KnowledgeHit> Sources, Question Question) Grounding(AssistContext context)
    {
        var question = Question.From(context.Thread, context.Language.Code);
        return (context.Macros.Concat(context.Articles).Concat(context.SimilarTickets)
            .Where(h => h.Similarity is not null || question.Relevance(h) >= OfflineDrafter.MinRelevance)
            .OrderByDescending(h => h.Score)
            .Take(MaxSources)
            .ToList(), question);
    }

    private ModelTask<WrittenDraft> Drafting(Tenant tenant, AssistContext context, List<KnowledgeHit> sources, Question question, string? agentName, string? instructions) =>
        DraftTask.For(tenant, context, sources, agentName, instructions, async ct =>
        {
            // A source answers from its whole text, so its steps are never cut where a passage ended.
            var texts = await index.GetTextsAsync(tenant.Id, sources.Select(s => (s.Kind, s.SourceId)).ToList(), ct);
            var whole = sources.Select(s => texts.TryGetValue((s.Kind, s.SourceId), out var text) ? s with { Passage = text } : s).ToList();
            return drafter.Draft(new DraftInput(context.Thread, whole, context.Language, agentName, tenant.Options.IncludeInternalNotes, tenant.Options.CitationStyle)
            {
                Procedure = context.Procedure?.Procedure,
                FromMeaning = tenant.Options.OfflineDraftsFromMeaning,
                Question = question,
                Apology = Apologies.Of(context.Thread, context.Warnings),
            });
        });

    private async Task<DraftResponse> RecordOfflineDraftAsync(
        Tenant tenant, AssistContext context, string? agentId, IReadOnlyList<KnowledgeHit> sources, DraftText draft, ModelTaskResult<WrittenDraft> run,
        IReadOnlyList<WarningDto> warnings, CancellationToken cancellationToken)
    {
        var followed = draft.FollowedProcedure ? context.Procedures : [];
        var suggestion = Record(tenant, context, agentId, sources, draft.Text, run, followed);
        await suggestions.AddAsync([suggestion], cancellationToken);
        var cited = sources.Where(s => draft.CitedSourceIds.Contains(s.SourceId)).ToList();
        var flags = new List<DraftFlag>();
        if (run.Interrupted)
        {
            flags.Add(new(DraftFlagCode.ModelInterrupted, "The AI model stopped mid-answer; this is the offline draft instead."));
        }
        if (draft.Kind != DraftKind.OtherLanguage && Sendability.Check(draft.Text, draft.Language, detector) is { Sendable: false } verdict)
        {
            flags.Add(new(DraftFlagCode.CheckBeforeSending, "Check before sending: " + string.Join("; ", verdict.Problems) + "."));
        }
        flags.AddRange(DraftGuard.Requested(draft.Text, DraftTask.CustomerText(context), []));
        return new DraftResponse(Wire.Name(DraftStatus.Drafted), suggestion.Id, draft.Text, cited.Select(ToCitation).ToList(),
            context.Language.Code, run.Provider, warnings, DraftNotes.Label(draft.Kind, context.Language.Code, run.Failure is not null),
            Flags: flags.Count > 0 ? flags.Select(f => f.Reason).ToList() : null, FlagDetails: flags.Count > 0 ? flags : null, DraftKind: DraftNotes.KindName(draft.Kind),
            Guidance: DraftNotes.Guidance(draft.Guidance, sources), ColleagueCases: DraftNotes.Colleagues(draft.ColleagueCaseIds, sources))
        {
            Procedures = followed.Count > 0 ? followed.Select(AssistMapping.ToDto).ToList() : null,
            FoundByMeaning = draft.FoundByMeaning,
        };
    }

    private async Task<DraftResponse> RecordModelDraftAsync(
        Tenant tenant, AssistContext context, string? agentId, IReadOnlyList<KnowledgeHit> sources, GuardedDraft guarded, ModelTaskResult<WrittenDraft> run,
        IReadOnlyList<WarningDto> warnings, CancellationToken cancellationToken)
    {
        var followed = sources.Count > 0 ? context.Procedures : [];
        var suggestion = Record(tenant, context, agentId, sources, guarded.Text, run, followed);
        await suggestions.AddAsync([suggestion], cancellationToken);
        return new DraftResponse(Wire.Name(DraftStatus.Drafted), suggestion.Id, guarded.Text, guarded.Cited.Select(ToCitation).ToList(),
            context.Language.Code, run.Provider, warnings, ModelLabel, Flags: guarded.Flags.Select(f => f.Reason).ToList(), FlagDetails: guarded.Flags,
            Usage: UsageDto.From(run.Audit!),
            DraftKind: guarded.NeedsInput ? "holding" : "answer", Guidance: DraftNotes.Guidance(sources), ColleagueCases: DraftNotes.Colleagues(sources))
        {
            Procedures = followed.Count > 0 ? followed.Select(AssistMapping.ToDto).ToList() : null,
        };
    }

    /// <param name="procedures">The procedures the draft followed: recorded among its sources as <c>procedure</c>, <c>{id}@v{version}</c>.</param>
    private Suggestion Record(
        Tenant tenant, AssistContext context, string? agentId, IReadOnlyList<KnowledgeHit> sources, string text, ModelTaskResult<WrittenDraft> run,
        IReadOnlyList<Procedures.Procedure>? procedures = null) => new()
    {
        Tenant = tenant.Id,
        TicketId = context.Thread.Ticket.Id,
        Kind = SuggestionKinds.Draft,
        AgentId = agentId,
        Intent = context.Intent,
        Text = text,
        Sources = [.. sources.Select(AssistService.ToSourceRef), .. (procedures ?? []).Select(p => AssistShown.ProcedureSource(p))],
        ProcedureId = procedures is [var followed, ..] ? followed.Id : null,
        ProcedureVersion = procedures is [var version, ..] ? version.Version : null,
        Origin = run.Origin,
        CreatedAt = time.GetUtcNow(),
    };

    internal static CitationDto ToCitation(KnowledgeHit h) => h.Kind == SourceKind.Lookup
        ? new(h.SourceId, AssistService.KindName(h.Kind), h.Title, null) { RanAt = h.RanAt, Text = h.Passage }
        : new(h.SourceId, AssistService.KindName(h.Kind), h.Title, h.Url);
}
