using System.Diagnostics;
using Copilot.Api.Assist;
using Copilot.Api.Models;
using Copilot.Api.Rewrite.Offline;
using Copilot.Api.Suggestions;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;

namespace Copilot.Api.Rewrite;

/// <summary>
/// Rewrites an agent's text with the tenant's model when it has one; otherwise, or when the model
/// fails or its breaker is open, the offline rules answer and <c>provider</c> says so.
/// </summary>
public sealed class RewriteService(
    TenantModels models,
    OfflineRewriter offline,
    AssistCache assists,
    SuggestionStore suggestions,
    TimeProvider time,
    ILogger<RewriteService> logger)
{
    /// <summary>The provider of a rewrite when the tenant has no model: the drafts' shape, with a detail true of rewrites.</summary>
    public static readonly ProviderDto OfflineProvider = AssistMapping.Offline with
    {
        Detail = "No AI model is connected: the text was rewritten offline by fixed rules.",
    };

    public async Task<RewriteResponse> RewriteAsync(Tenant tenant, string action, string text, string? language, long ticketId, string? agentId, CancellationToken cancellationToken)
    {
        var provider = OfflineProvider;
        if (models.Chat(tenant) is { } chat)
        {
            try
            {
                return await WithModelAsync(tenant, chat, action, text, language, ticketId, agentId, cancellationToken);
            }
            catch (ModelException e)
            {
                ModelLog.FellBack(logger, e.Provider, tenant.Id, "rewrite", e.Failure, e.StatusCode);
                provider = ProviderInfo.Unavailable(tenant, e);
            }
        }
        return await OfflineAsync(tenant, provider, action, text, ticketId, agentId, cancellationToken);
    }

    private async Task<RewriteResponse> WithModelAsync(
        Tenant tenant, Microsoft.Extensions.AI.IChatClient chat, string action, string text, string? language, long ticketId, string? agentId, CancellationToken cancellationToken)
    {
        var prompt = RewritePrompt.Build(action, text, language, tenant.Options.RedactPii);
        var started = Stopwatch.GetTimestamp();
        var response = await chat.GetResponseAsync(prompt.Messages, prompt.Options, cancellationToken);
        var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var raw = response.Text.Trim();
        if (raw.Length == 0)
        {
            throw new ModelException(TenantModels.ProviderName(tenant), null, "The model answered with an empty text.", failure: ModelFailure.InvalidResponse);
        }
        var restored = prompt.Restore(raw);
        // Personal data went to the model as placeholders: one it dropped is a fact the rewrite lost.
        var flags = RewritePrompt.Lost(text, restored, action == "translate")
            .Concat(prompt.Map.Originals.Where(p => !raw.Contains(p.Key, StringComparison.Ordinal)).Select(p => p.Value))
            .Distinct(StringComparer.Ordinal)
            .Select(l => $"\"{l}\" from your text is missing in the rewrite.")
            .ToList();
        var audit = ModelAudit.From(tenant.Options.Model, response.Usage, total, total, flags);
        var suggestion = new Suggestion(
            Suggestion.NewId(), tenant.Id, ticketId, SuggestionKinds.Rewrite, agentId, action, restored, [],
            TenantModels.ProviderName(tenant), audit.Model, RewritePrompt.Version, total, time.GetUtcNow()) { Audit = audit };
        await suggestions.AddAsync([suggestion], cancellationToken);
        ModelLog.Completed(logger, "rewrite", tenant.Id, ticketId, audit.TokensIn, audit.TokensOut, audit.FirstTokenMs, audit.TotalMs);
        return new RewriteResponse(restored, suggestion.Id, ProviderInfo.Model(tenant), flags, UsageDto.From(audit),
            !string.Equals(restored, text, StringComparison.Ordinal), [], null);
    }

    /// <summary>
    /// The offline rules. The requester's name and the ticket's language come from the ticket's
    /// cached assist when there is one (the sidebar has just loaded it); no helpdesk call is made for them.
    /// </summary>
    private async Task<RewriteResponse> OfflineAsync(
        Tenant tenant, ProviderDto provider, string action, string text, long ticketId, string? agentId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var context = ticketId > 0 ? assists.Get(tenant.Id, ticketId) : null;
        var ticketLanguage = context?.Language.Confidence >= 0.3 ? context.Language.Code : context?.Thread.Ticket.Requester.Locale;
        var firstName = context is null ? null : Copilot.Api.Offline.MacroText.FirstWord(context.Thread.Ticket.Requester.Name.Trim());
        var result = offline.Rewrite(action, text, ticketLanguage, firstName);
        string? suggestionId = null;
        if (result.Changed)
        {
            var suggestion = new Suggestion(
                Suggestion.NewId(), tenant.Id, ticketId, SuggestionKinds.Rewrite, agentId, action, result.Text, [],
                "offline", null, OfflineRewriter.PromptVersion, Stopwatch.GetElapsedTime(started).TotalMilliseconds, time.GetUtcNow());
            await suggestions.AddAsync([suggestion], cancellationToken);
            suggestionId = suggestion.Id;
        }
        var flags = RewritePrompt.Lost(text, result.Text, translated: false)
            .Select(l => $"\"{l}\" from your text is missing in the rewrite.")
            .ToList();
        return new RewriteResponse(result.Text, suggestionId, provider, flags, null, result.Changed, result.Edits, result.Note);
    }
}
