using Copilot.Api.Assist;
using Copilot.Api.ModelTasks;
using Copilot.Api.Rewrite.Offline;
using Copilot.Api.Suggestions;
using Copilot.Api.Tenants;
using Copilot.Api.Threads;

namespace Copilot.Api.Rewrite;

/// <summary>
/// Rewrites an agent's text with the tenant's model when it has one; otherwise, or when the model
/// fails or its breaker is open, the offline rules answer and <c>provider</c> says so.
/// </summary>
public sealed class RewriteService(
    ModelTaskRunner runner,
    OfflineRewriter offline,
    AssistCache assists,
    SuggestionStore suggestions,
    TimeProvider time)
{
    /// <summary>The provider of a rewrite when the tenant has no model: the drafts' shape, with a detail true of rewrites.</summary>
    public static readonly ProviderDto OfflineProvider = AssistMapping.Offline with
    {
        Detail = "No AI model is connected: the text was rewritten offline by fixed rules.",
    };

    public async Task<RewriteResponse> RewriteAsync(Tenant tenant, string action, string text, string? language, long ticketId, string? agentId, CancellationToken cancellationToken)
    {
        // The sidebar has just loaded the ticket's assist: its cached context gives the ticket's intent and, offline, the
        // requester's name and language. No helpdesk call is made for them.
        var context = ticketId > 0 ? await assists.GetAsync(tenant.Id, ticketId) : null;
        var run = await runner.RunAsync(tenant, new ModelTask<Rewritten>
        {
            Name = "rewrite",
            TicketId = ticketId,
            Prompt = () => RewritePrompt.Build(action, text, language, tenant.Options.RedactPii),
            Parse = answer => FromModel(answer, action, text),
            Flags = r => r.Flags,
            Offline = _ => ValueTask.FromResult(Offline(context, action, text)),
            OfflineVersion = OfflineRewriter.PromptVersion,
            OfflineProvider = OfflineProvider,
        }, cancellationToken);

        var rewritten = run.Value;
        string? suggestionId = null;
        // An unchanged offline text is not a suggestion; a model's answer is recorded for its audit.
        if (run.Audit is not null || rewritten.Changed)
        {
            var suggestion = new Suggestion
            {
                Tenant = tenant.Id,
                TicketId = ticketId,
                Kind = SuggestionKinds.Rewrite,
                AgentId = agentId,
                Intent = context?.Intent,
                RewriteAction = action,
                Text = rewritten.Text,
                Origin = run.Origin,
                CreatedAt = time.GetUtcNow(),
            };
            await suggestions.AddAsync([suggestion], cancellationToken);
            suggestionId = suggestion.Id;
        }
        return new RewriteResponse(rewritten.Text, suggestionId, run.Provider, rewritten.Flags, run.Audit is { } a ? UsageDto.From(a) : null,
            rewritten.Changed, rewritten.Edits, rewritten.Note);
    }

    private static Rewritten FromModel(ModelAnswer answer, string action, string text)
    {
        var raw = answer.Text.Trim();
        var restored = answer.Prompt.Restore(raw);
        // Personal data went to the model as placeholders: one it dropped is a fact the rewrite lost.
        var flags = RewritePrompt.Lost(text, restored, action == "translate")
            .Concat(answer.Prompt.Map.Originals.Where(p => !raw.Contains(p.Key, StringComparison.Ordinal)).Select(p => p.Value))
            .Distinct(StringComparer.Ordinal)
            .Select(Missing)
            .ToList();
        return new Rewritten(restored, flags, !string.Equals(restored, text, StringComparison.Ordinal), [], null);
    }

    /// <summary>The offline rules, with the requester's name and the ticket's language when the ticket's assist is cached.</summary>
    private Rewritten Offline(AssistContext? context, string action, string text)
    {
        var ticketLanguage = context?.Language.Confidence >= 0.3 ? context.Language.Code : context?.Thread.Ticket.Requester.Locale;
        var firstName = context is null ? null : MacroText.FirstWord(context.Thread.Ticket.Requester.Name.Trim());
        var result = offline.Rewrite(action, text, ticketLanguage, firstName);
        var flags = RewritePrompt.Lost(text, result.Text, translated: false).Select(Missing).ToList();
        return new Rewritten(result.Text, flags, result.Changed, result.Edits, result.Note);
    }

    private static string Missing(string lost) => $"\"{lost}\" from your text is missing in the rewrite.";

    private sealed record Rewritten(string Text, IReadOnlyList<string> Flags, bool Changed, IReadOnlyList<string> Edits, string? Note);
}
