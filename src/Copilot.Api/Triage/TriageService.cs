using Copilot.Api.Assist;
using Copilot.Api.Boundaries;
using Copilot.Api.Intents;
using Copilot.Api.ModelTasks;
using Copilot.Api.Suggestions;
using Copilot.Api.Tenants;

namespace Copilot.Api.Triage;

/// <summary>
/// Intent, sentiment, language and priority for a ticket. Boundary rules have already run (they are
/// part of the assist) and are returned unchanged beside the model's labels; a ticket they keep with
/// a human is labelled offline and never sent to the model. Without a model, or when it fails,
/// <see cref="OfflineTriage"/> labels the ticket: the tenant's learned intent, sentiment and a suggested priority.
/// </summary>
public sealed class TriageService(
    ModelTaskRunner runner, IntentModels intents, BoundaryRuleService boundaries, SuggestionStore suggestions, TicketFieldCache fields, TimeProvider time)
{
    public const string OfflineVersion = "offline-triage-1";

    public async Task<TriageResponse> TriageAsync(Tenant tenant, AssistContext context, string? agentId, CancellationToken cancellationToken)
    {
        var run = await RunAsync(tenant, context, cancellationToken);
        return await RecordAsync(tenant, context, agentId, run, cancellationToken);
    }

    /// <summary>Triage's labels for the ticket, worked out and not recorded (a replay of solved tickets).</summary>
    public async Task<TriageResult> LabelAsync(Tenant tenant, AssistContext context, CancellationToken cancellationToken) =>
        (await RunAsync(tenant, context, cancellationToken)).Value.Result;

    private async Task<ModelTaskResult<Triaged>> RunAsync(Tenant tenant, AssistContext context, CancellationToken cancellationToken)
    {
        var names = tenant.Options.Intents;
        return await runner.RunAsync(tenant, new ModelTask<Triaged>
        {
            Name = "triage",
            TicketId = context.Thread.Ticket.Id,
            KeptWithHuman = context.Warnings.Where(w => w.Action == BoundaryAction.Handoff).Select(w => w.Name).ToList(),
            Prompt = () => TriagePrompt.Build(context.Thread, names, tenant.Options.IncludeInternalNotes, tenant.Options.RedactPii),
            Parse = StructuredCall.Json((e, _) => new Triaged(TriagePrompt.Parse(e, names), [])),
            Offline = async ct =>
            {
                var anger = await boundaries.LatestAngerAsync(tenant.Id, context.Thread, ct);
                var (result, candidates) = OfflineTriage.Run(context, await intents.ClassifyAsync(tenant, context.Thread,
                    Knowledge.ThreadQuery.Build(context.Thread, tenant.Options.IncludeInternalNotes), context.Language.Code, ct), anger);
                return new Triaged(result, candidates);
            },
            OfflineVersion = OfflineVersion,
        }, cancellationToken);
    }

    private async Task<TriageResponse> RecordAsync(
        Tenant tenant, AssistContext context, string? agentId, ModelTaskResult<Triaged> run, CancellationToken cancellationToken)
    {
        var (labels, candidates) = (run.Value.Result, run.Value.Candidates);
        var suggestion = new Suggestion
        {
            Tenant = tenant.Id,
            TicketId = context.Thread.Ticket.Id,
            Kind = SuggestionKinds.Triage,
            AgentId = agentId,
            Intent = context.Intent,
            TriageIntent = labels.Intent.Value,
            Text = $"intent={labels.Intent.Value} sentiment={labels.Sentiment.Value} language={labels.Language.Value} priority={labels.Priority.Value}",
            Origin = run.Origin,
            CreatedAt = time.GetUtcNow(),
        };
        await suggestions.AddAsync([suggestion], cancellationToken);
        // The intent field's definition (cached, as the field action reads it): the panel writes only a value it takes.
        var field = tenant.Options.TriageFields.IntentField is { } key ? await fields.GetAsync(tenant, key, cancellationToken) : null;
        return new TriageResponse(context.Thread.Ticket.Id, suggestion.Id, labels.Intent, labels.Sentiment, labels.Language, labels.Priority,
            context.Warnings.Select(AssistMapping.ToDto).ToList(), context.Handoff, run.Provider)
        {
            IntentCandidates = candidates,
            // The intents the agent can pick: the tenant's, and whatever triage named.
            ApplyTo = TriageTargetsDto.For(tenant.Options.TriageFields,
                tenant.Options.Intents.Append(labels.Intent.Value).Concat(candidates.Select(c => c.Value)), field),
        };
    }

    /// <summary>Triage's labels, and (offline) the learned model's likeliest intents.</summary>
    private sealed record Triaged(TriageResult Result, IReadOnlyList<Labelled> Candidates);
}
