using System.Diagnostics;
using Copilot.Api.Assist;
using Copilot.Api.Models;
using Copilot.Api.Suggestions;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;

namespace Copilot.Api.Triage;

/// <summary>
/// Intent, sentiment, language and priority for a ticket. Boundary rules have already run (they are
/// part of the assist) and are returned unchanged beside the model's labels; a ticket they keep with
/// a human is labelled offline and never sent to the model. Without a model, or
/// when it fails, the offline triage labels what it can know and says so with low confidence.
/// </summary>
public sealed class TriageService(TenantModels models, SuggestionStore suggestions, TimeProvider time, ILogger<TriageService> logger)
{
    public const string OfflineVersion = "offline-triage-1";

    public async Task<TriageResponse> TriageAsync(Tenant tenant, AssistContext context, string? agentId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        TriageResult? result = null;
        ModelAudit? audit = null;
        var provider = AssistMapping.Offline;
        if (context.Handoff && models.Chat(tenant) is not null)
        {
            provider = ProviderInfo.KeptFromModel(tenant, context.Warnings.Where(w => w.Action == Boundaries.BoundaryAction.Handoff).Select(w => w.Name));
        }
        else if (models.Chat(tenant) is { } chat)
        {
            var intents = tenant.Options.Intents;
            var prompt = TriagePrompt.Build(context.Thread, intents, tenant.Options.IncludeInternalNotes, tenant.Options.RedactPii);
            try
            {
                (result, audit) = await StructuredCall.RunAsync(chat, prompt, tenant.Options.Model, TenantModels.ProviderName(tenant),
                    e => TriagePrompt.Parse(e, intents), cancellationToken);
                provider = ProviderInfo.Model(tenant);
                ModelLog.Completed(logger, "triage", tenant.Id, context.Thread.Ticket.Id, audit.TokensIn, audit.TokensOut, audit.FirstTokenMs, audit.TotalMs);
            }
            catch (ModelException e)
            {
                ModelLog.FellBack(logger, e.Provider, tenant.Id, "triage", e.Failure, e.StatusCode);
                provider = ProviderInfo.Unavailable(tenant, e);
            }
        }
        result ??= Offline(context);
        var suggestion = new Suggestion(
            Suggestion.NewId(), tenant.Id, context.Thread.Ticket.Id, SuggestionKinds.Triage, agentId, result.Intent.Value,
            $"intent={result.Intent.Value} sentiment={result.Sentiment.Value} language={result.Language.Value} priority={result.Priority.Value}",
            [], audit is null ? "offline" : TenantModels.ProviderName(tenant), audit?.Model, audit is null ? OfflineVersion : TriagePrompt.Version,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, time.GetUtcNow()) { Audit = audit };
        await suggestions.AddAsync([suggestion], cancellationToken);
        return new TriageResponse(context.Thread.Ticket.Id, suggestion.Id, result.Intent, result.Sentiment, result.Language, result.Priority,
            context.Warnings.Select(AssistMapping.ToDto).ToList(), context.Handoff, provider);
    }

    /// <summary>What is known without a model: the retrieved intent, the detected language, the helpdesk's priority, anger from the boundary rules.</summary>
    internal static TriageResult Offline(AssistContext context)
    {
        var angry = context.Warnings.Any(w => w.RuleId.Contains("anger", StringComparison.OrdinalIgnoreCase));
        var priority = context.Thread.Ticket.Priority is { } p && TriagePrompt.Priorities.Contains(p) ? new Labelled(p, 1) : new Labelled("normal", 0.3);
        return new TriageResult(
            // The best-fitting macro's category, as retrieval sees it; a guess, so a low confidence.
            context.Intent == RetrievedIntent.Other ? new Labelled(TriagePrompt.OtherIntent, 0) : new Labelled(context.Intent, 0.4),
            angry ? new Labelled("angry", 0.6) : new Labelled("neutral", 0.3),
            new Labelled(context.Language.Code, Math.Round(context.Language.Confidence, 3)),
            priority);
    }
}
