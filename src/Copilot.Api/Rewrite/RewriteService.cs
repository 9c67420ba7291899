using Copilot.Api.Models;
using Copilot.Api.Suggestions;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;
using Microsoft.Extensions.AI;

namespace Copilot.Api.Rewrite;

/// <summary>Rewrites an agent's text with the tenant's model. There is no offline rewrite: without a model it says so.</summary>
public sealed class RewriteService(TenantModels models, SuggestionStore suggestions, TimeProvider time, ILogger<RewriteService> logger)
{
    /// <returns>null when the tenant has no model.</returns>
    public async Task<RewriteResponse?> RewriteAsync(Tenant tenant, string action, string text, string? language, long ticketId, string? agentId, CancellationToken cancellationToken)
    {
        if (models.Chat(tenant) is not { } chat)
        {
            return null;
        }
        var prompt = RewritePrompt.Build(action, text, language, tenant.Options.RedactPii);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var response = await chat.GetResponseAsync(prompt.Messages, prompt.Options, cancellationToken);
        var total = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var raw = response.Text.Trim();
        if (raw.Length == 0)
        {
            throw new ModelException(TenantModels.ProviderName(tenant), null, "The model answered with an empty text.", failure: ModelFailure.InvalidResponse);
        }
        var restored = prompt.Restore(raw);
        var flags = RewritePrompt.Lost(text, restored, action == "translate")
            .Select(l => $"\"{l}\" from your text is missing in the rewrite.")
            .ToList();
        var audit = ModelAudit.From(tenant.Options.Model, response.Usage, total, total, flags);
        var suggestion = new Suggestion(
            Suggestion.NewId(), tenant.Id, ticketId, SuggestionKinds.Rewrite, agentId, action, restored, [],
            TenantModels.ProviderName(tenant), audit.Model, RewritePrompt.Version, total, time.GetUtcNow()) { Audit = audit };
        await suggestions.AddAsync([suggestion], cancellationToken);
        ModelLog.Completed(logger, "rewrite", tenant.Id, ticketId, audit.TokensIn, audit.TokensOut, audit.FirstTokenMs, audit.TotalMs);
        return new RewriteResponse(restored, suggestion.Id, ProviderInfo.Model(tenant), flags, UsageDto.From(audit));
    }
}
