using System.Runtime.CompilerServices;
using Copilot.Api.Assist;
using Copilot.Api.Ask.Offline;
using Copilot.Api.Drafts;
using Copilot.Api.Knowledge;
using Copilot.Api.ModelTasks;
using Copilot.Api.Suggestions;
using Copilot.Api.Tenants;
using Copilot.Api.Vocabulary;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Ask;

/// <summary>
/// Answers an agent's question about a ticket from the tenant's knowledge: retrieval for the question (read with the
/// conversation's earlier questions when it is a follow-up), then the model with its tools, or offline the sentences
/// that answer it, quoted; "I don't know" when nothing covers it. The route that asked shows the answer, so an answer
/// is recorded here, once, as a suggestion of kind <c>answer</c>; "I don't know" offers nothing to use and is not one.
/// </summary>
public sealed class AskService(
    AskRetrieval retrieval,
    AskConversations conversations,
    ExtractiveAnswerer extractive,
    KnowledgeIndex index,
    ModelTaskRunner runner,
    SuggestionStore suggestions,
    IHelpdeskClientFactory helpdesks,
    Languages.ILanguageDetector languages,
    IOptions<AskOptions> options,
    IEnumerable<IAskKernelExtension> extensions,
    ILoggerFactory loggers,
    TimeProvider time)
{
    public const string OfflineVersion = "offline-extractive-ask-1";
    public const string OfflineLabel = "Offline answer: passages quoted from your knowledge base (no AI model connected). Check them before you use them.";
    public const string FallbackLabel = "The AI model is unavailable: passages quoted from your knowledge base instead. Check them before you use them.";
    public const string ModelLabel = "AI answer from your knowledge base. Check it before you use it.";
    public const string KeptLabel = "This ticket stays with a person, so the AI model was not asked: passages quoted from your knowledge base. Check them before you use them.";

    public async IAsyncEnumerable<AskEvent> StreamAsync(
        Tenant tenant, AssistContext context, string? agentId, string question, string? conversationId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ticketId = context.Thread.Ticket.Id;
        var conversation = conversations.Find(tenant.Id, agentId, ticketId, conversationId);
        var asked = AskQuestion.Read(question, conversation.Earlier);
        // The agent's language, not the customer's: an English question about a Spanish ticket is answered from English sources first.
        var language = languages.Detect(asked.SearchText).Code;
        var retrieved = await retrieval.FindAsync(tenant.Id, asked.SearchText, language, ticketId, cancellationToken);
        yield return new AskSourcesEvent(retrieved.Select(DraftService.ToCitation).ToList());

        var sources = new AskSources(retrieved);
        var task = AskTask.For(tenant, context, asked, language, conversation.Earlier, sources,
            map => new AskTools(tenant, context, language, sources, map, retrieval, helpdesks), options.Value, loggers,
            ct => OfflineAsync(tenant, asked, language, retrieved, ct), (kernel, map) => Extend(kernel, new AskScope(tenant, context, agentId, sources, map)));
        await foreach (var e in runner.StreamAsync(tenant, task, cancellationToken))
        {
            if (e.Delta is { } delta)
            {
                yield return new AskDeltaEvent(delta);
            }
            else if (e.Result is { } run)
            {
                var (text, cited, quotes, shaped) = Shape(tenant, run.Value);
                IReadOnlyList<DraftFlag> flags = run.Interrupted
                    ? [new DraftFlag(DraftFlagCode.ModelInterrupted, "The AI model stopped mid-answer; these are the offline quotes instead."), .. shaped]
                    : shaped;
                var unknown = run.Value.Model?.Unknown ?? run.Value.Offline?.Quotes is null;
                string? suggestionId = null;
                if (!unknown)
                {
                    var suggestion = Record(tenant, context, agentId, sources.All, text, run.Origin);
                    await suggestions.AddAsync([suggestion], cancellationToken);
                    suggestionId = suggestion.Id;
                }
                if (run.Value.Offline is not null)
                {
                    yield return new AskDeltaEvent(text);
                }
                var turn = conversations.Add(tenant.Id, agentId, ticketId, conversation.Id, new AskTurn(asked.Text, text));
                yield return new AskDoneEvent(new AskResponse(
                    Wire.Name(unknown ? AnswerStatus.Unknown : AnswerStatus.Answered), conversation.Id, turn, asked.FollowUp, suggestionId, text,
                    cited.Select(DraftService.ToCitation).ToList(), run.Provider, Label(run), quotes,
                    flags.Count > 0 ? flags.Select(f => f.Reason).ToList() : null, flags.Count > 0 ? flags : null,
                    run.Audit is { } audit ? UsageDto.From(audit) : null)
                {
                    NotCovered = unknown || run.Value.Offline?.NotCovered is not { Count: > 0 } missing ? null : missing,
                });
            }
        }
    }

    private static (string Text, IReadOnlyList<KnowledgeHit> Cited, IReadOnlyList<AnswerQuoteDto>? Quotes, IReadOnlyList<DraftFlag> Flags) Shape(Tenant tenant, WrittenAnswer answer)
    {
        if (answer.Model is { } model)
        {
            return (model.Text, model.Cited, null, model.Flags);
        }
        if (answer.Offline?.Quotes is not { } quoted)
        {
            return (AskGuard.UnknownText, [], null, []);
        }
        var quotes = quoted.SelectMany(q => q.Sentences.Select(s => new AnswerQuoteDto(s, q.Source.SourceId, AssistService.KindName(q.Source.Kind), q.Source.Title, q.Source.Url))).ToList();
        return (OfflineAnswerText.Render(quoted, tenant.Options.CitationStyle), quoted.Select(q => q.Source).ToList(), quotes, []);
    }

    private async ValueTask<OfflineAnswer> OfflineAsync(Tenant tenant, AskQuestion asked, string language, IReadOnlyList<KnowledgeHit> retrieved, CancellationToken cancellationToken)
    {
        if (retrieved.Count == 0)
        {
            return new OfflineAnswer(null, []);
        }
        // A sentence answers from its whole source, so the passage retrieval matched does not bound what can be quoted.
        var texts = await index.GetTextsAsync(tenant.Id, retrieved.Select(s => (s.Kind, s.SourceId)).ToList(), cancellationToken);
        var whole = retrieved.Select(s => (s, texts.TryGetValue((s.Kind, s.SourceId), out var text) ? text : s.Passage)).ToList();
        var found = await extractive.AnswerAsync(tenant, asked, language, whole, cancellationToken);
        return new OfflineAnswer(found.Quotes, found.NotCovered);
    }

    private static string Label<T>(ModelTaskResult<T> run) where T : class =>
        run.Audit is not null ? ModelLabel
        : run.Failure is not null ? FallbackLabel
        : run.Provider.ModelAvailable ? KeptLabel
        : OfflineLabel;

    private Suggestion Record(Tenant tenant, AssistContext context, string? agentId, IReadOnlyList<KnowledgeHit> sources, string text, SuggestionOrigin origin) => new()
    {
        Tenant = tenant.Id,
        TicketId = context.Thread.Ticket.Id,
        Kind = SuggestionKinds.Answer,
        AgentId = agentId,
        Intent = context.Intent,
        Text = text,
        Sources = sources.Select(AssistService.ToSourceRef).ToList(),
        Origin = origin,
        CreatedAt = time.GetUtcNow(),
    };

    private void Extend(Microsoft.SemanticKernel.Kernel kernel, AskScope scope)
    {
        foreach (var extension in extensions)
        {
            extension.Extend(kernel, scope);
        }
    }
}
