using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Copilot.Api.Assist;
using Copilot.Api.Knowledge;
using Copilot.Api.Models;
using Copilot.Api.Tenants;
using Copilot.Connectors.Models;
using Microsoft.Extensions.AI;

namespace Copilot.Api.Drafts;

/// <summary>Starts model drafts: build the prompt, stream the call, guard the answer.</summary>
public sealed class ModelDraftWriter(ILogger<ModelDraftWriter> logger)
{
    public ModelDraftRun Start(Tenant tenant, AssistContext context, IReadOnlyList<KnowledgeHit> sources, string? agentName, string? instructions, IChatClient chat)
    {
        var prompt = DraftPrompt.Build(new DraftPromptInput(
            context.Thread, sources, context.Language.Code, tenant.Options.ToneGuidelines,
            tenant.Options.IncludeInternalNotes, tenant.Options.RedactPii, instructions, agentName));
        var customerText = string.Join("\n", context.Thread.Comments.Where(c => c.Author.Role == Connectors.Helpdesk.AuthorRole.Customer).Select(c => c.Text));
        return new ModelDraftRun(tenant, context.Thread.Ticket.Id, prompt, sources, customerText, chat, logger);
    }
}

/// <summary>
/// One model draft. <see cref="Deltas"/> yields the text as it streams, with personal data restored;
/// when it completes, <see cref="Result"/> holds the guarded draft and <see cref="Audit"/> its cost.
/// Failures leave as <see cref="ModelException"/>.
/// </summary>
public sealed class ModelDraftRun(Tenant tenant, long ticketId, ModelPrompt prompt, IReadOnlyList<KnowledgeHit> sources, string customerText, IChatClient chat, ILogger logger)
{
    public string PromptVersion => prompt.Version;
    public GuardedDraft? Result { get; private set; }
    public ModelAudit? Audit { get; private set; }

    public async IAsyncEnumerable<string> Deltas([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        double? firstToken = null;
        UsageDetails? usage = null;
        var raw = new StringBuilder();
        var known = sources.SelectMany(s => new[] { s.Url ?? "", s.Passage }).ToList();
        var restorer = new DeltaRestorer(prompt.Restore,
            piece => Guardrails.LinkCheck.Check(Guardrails.CitationCheck.Check(piece, sources.Count).Text, known).Text);
        await foreach (var update in chat.GetStreamingResponseAsync(prompt.Messages, prompt.Options, cancellationToken))
        {
            foreach (var content in update.Contents)
            {
                if (content is UsageContent u)
                {
                    usage = u.Details;
                }
            }
            var text = update.Text;
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            firstToken ??= Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            raw.Append(text);
            if (restorer.Push(text) is { Length: > 0 } shown)
            {
                yield return shown;
            }
        }
        if (restorer.Flush() is { Length: > 0 } rest)
        {
            yield return rest;
        }
        if (raw.ToString().Trim().Length == 0)
        {
            throw new ModelException(TenantModels.ProviderName(tenant), null, "The model answered with an empty draft.", failure: ModelFailure.InvalidResponse);
        }
        var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Result = DraftGuard.Apply(raw.ToString(), sources, prompt.Restore, prompt.Messages[0].Text, customerText);
        Audit = ModelAudit.From(tenant.Options.Model, usage, firstToken, total, Result.Flags);
        ModelLog.Completed(logger, "draft", tenant.Id, ticketId, usage?.InputTokenCount, usage?.OutputTokenCount, firstToken, total);
    }
}
