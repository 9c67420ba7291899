using System.Diagnostics;
using Copilot.Api.Assist;
using Copilot.Api.Boundaries;
using Copilot.Api.Intents;
using Copilot.Api.Models;
using Copilot.Api.Suggestions;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;

namespace Copilot.Api.Triage;

/// <summary>
/// Intent, sentiment, language and priority for a ticket. Boundary rules have already run (they are
/// part of the assist) and are returned unchanged beside the model's labels; a ticket they keep with
/// a human is labelled offline and never sent to the model. Without a model, or when it fails,
/// <see cref="OfflineTriage"/> labels the ticket: the tenant's learned intent, sentiment and a suggested priority.
/// </summary>
public sealed class TriageService(
    TenantModels models, IntentModels intents, BoundaryRuleService boundaries, SuggestionStore suggestions, TimeProvider time, ILogger<TriageService> logger)
{
    public const string OfflineVersion = "offline-triage-1";

    public async Task<TriageResponse> TriageAsync(Tenant tenant, AssistContext context, string? agentId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        TriageResult? result = null;
        ModelAudit? audit = null;
        var provider = AssistMapping.Offline;
        IReadOnlyList<Labelled> candidates = [];
        if (context.Handoff && models.Chat(tenant) is not null)
        {
            provider = ProviderInfo.KeptFromModel(tenant, context.Warnings.Where(w => w.Action == BoundaryAction.Handoff).Select(w => w.Name));
        }
        else if (models.Chat(tenant) is { } chat)
        {
            var names = tenant.Options.Intents;
            var prompt = TriagePrompt.Build(context.Thread, names, tenant.Options.IncludeInternalNotes, tenant.Options.RedactPii);
            try
            {
                (result, audit) = await StructuredCall.RunAsync(chat, prompt, tenant.Options.Model, TenantModels.ProviderName(tenant),
                    e => TriagePrompt.Parse(e, names), cancellationToken);
                provider = ProviderInfo.Model(tenant);
                ModelLog.Completed(logger, "triage", tenant.Id, context.Thread.Ticket.Id, audit.TokensIn, audit.TokensOut, audit.FirstTokenMs, audit.TotalMs);
            }
            catch (ModelException e)
            {
                ModelLog.FellBack(logger, e.Provider, tenant.Id, "triage", e.Failure, e.StatusCode);
                provider = ProviderInfo.Unavailable(tenant, e);
            }
        }
        if (result is null)
        {
            var anger = await boundaries.LatestAngerAsync(tenant.Id, context.Thread, cancellationToken);
            (result, candidates) = OfflineTriage.Run(context, intents.Classify(tenant, context.Thread), anger);
        }
        var suggestion = new Suggestion(
            Suggestion.NewId(), tenant.Id, context.Thread.Ticket.Id, SuggestionKinds.Triage, agentId, result.Intent.Value,
            $"intent={result.Intent.Value} sentiment={result.Sentiment.Value} language={result.Language.Value} priority={result.Priority.Value}",
            [], audit is null ? "offline" : TenantModels.ProviderName(tenant), audit?.Model, audit is null ? OfflineVersion : TriagePrompt.Version,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, time.GetUtcNow()) { Audit = audit };
        await suggestions.AddAsync([suggestion], cancellationToken);
        return new TriageResponse(context.Thread.Ticket.Id, suggestion.Id, result.Intent, result.Sentiment, result.Language, result.Priority,
            context.Warnings.Select(AssistMapping.ToDto).ToList(), context.Handoff, provider) { IntentCandidates = candidates };
    }
}
