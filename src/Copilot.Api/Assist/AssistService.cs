using System.Diagnostics;
using Copilot.Api.Boundaries;
using Copilot.Api.Hosting;
using Copilot.Api.Knowledge;
using Copilot.Api.Languages;
using Copilot.Api.ModelTasks;
using Copilot.Api.Suggestions;
using Copilot.Api.Summaries;
using Copilot.Api.Tenants;
using Copilot.Api.Vocabulary;
using Copilot.Connectors.Helpdesk;
using Copilot.Connectors.Models;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Assist;

/// <summary>
/// Reads a ticket from the helpdesk (two calls: the ticket with its users, then its comments)
/// and works out what the sidebar shows: boundary warnings, summary, language, and the
/// articles, macros and solved tickets that fit. Served from cache while the thread is unchanged;
/// concurrent opens of one ticket share one read; an assist that takes longer than its deadline
/// is answered from the last one (stale) or with a 503, and finishes in the background.
/// </summary>
public sealed class AssistService(
    IHelpdeskClientFactory helpdesks,
    RelevantKnowledge knowledge,
    KnowledgeIndex index,
    ISummarizer summarizer,
    ILanguageDetector languages,
    IBoundaryRules boundaries,
    AssistCache cache,
    ModelTaskRunner runner,
    Intents.IntentModels intents,
    Procedures.Matching.ProcedureMatcher procedures,
    TenantModels models,
    Knowledge.Vectors.EmbeddingProgress embedding,
    KnowledgeChanges knowledgeChanges,
    TimeProvider time,
    IOptions<AssistOptions> options,
    ILogger<AssistService> logger)
{
    public const string PromptVersion = "offline-extractive-1";

    /// <param name="latestCommentId">
    /// The newest comment id the caller sees; a cached assist for an older thread is recomputed, as is one from before a change
    /// of the tenant's articles, macros or procedures.
    /// </param>
    /// <returns>The assist and whether it came from cache; null when the helpdesk has no such ticket.</returns>
    /// <exception cref="HelpdeskException">The helpdesk could not be read.</exception>
    /// <exception cref="RetryLaterException">The assist took longer than its deadline; it goes on and lands in the cache.</exception>
    public async Task<(AssistContext Context, bool Cached)?> GetAsync(
        Tenant tenant, long ticketId, long? latestCommentId, bool refresh, CancellationToken cancellationToken)
    {
        bool Current(AssistContext c) => (latestCommentId is null || latestCommentId <= c.Thread.LatestCommentId)
            && !knowledgeChanges.ChangedSince(tenant.Id, c.KnowledgeReadAt, c.KnowledgeReadBy);
        if (!refresh && await cache.GetAsync(tenant.Id, ticketId) is { } cached && Current(cached))
        {
            return (cached, true);
        }
        var flight = cache.ComputeAsync(tenant.Id, ticketId, token => ReadAndBuildAsync(tenant, ticketId, token), refresh ? null : Current);
        var deadline = TimeSpan.FromSeconds(options.Value.DeadlineSeconds);
        AssistCache.Flight result;
        try
        {
            result = await flight.WaitAsync(deadline, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new RetryLaterException("The assist is taking longer than usual",
                $"The ticket could not be read and worked out within {deadline.TotalSeconds:0.#} s; it is still being prepared.", deadline);
        }
        return result.Context is { } context ? (context, result.Cached) : null;
    }

    /// <summary>
    /// As <see cref="GetAsync"/>, but when the helpdesk cannot be read or the deadline passes, the last
    /// assist computed for the ticket is the answer, with the reason it is stale. Only the route that
    /// shows the assist uses this: drafts and triage need the current thread.
    /// </summary>
    public async Task<AssistAnswer?> GetOrStaleAsync(
        Tenant tenant, long ticketId, long? latestCommentId, bool refresh, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(tenant, ticketId, latestCommentId, refresh, cancellationToken) is { } r ? new AssistAnswer(r.Context, r.Cached) : null;
        }
        catch (Exception e) when (e is HelpdeskException or RetryLaterException)
        {
            if (await cache.GetLastAsync(tenant.Id, ticketId) is not { } last)
            {
                throw;
            }
            AssistLog.ServedStale(logger, tenant.Id, ticketId, e.GetType().Name, (e as HelpdeskException)?.StatusCode);
            return new AssistAnswer(last, Cached: true, StaleReason: $"{e.Message.TrimEnd('.')}. Shown: the assist from {last.GeneratedAt:yyyy-MM-dd HH:mm} UTC.");
        }
    }

    /// <summary>
    /// One read of the ticket from the helpdesk (two calls), then the assist built from it; null when the ticket is gone.
    /// An assist that shows exactly what the last one showed keeps the last one's id, so displaying it again records nothing.
    /// </summary>
    private async Task<AssistContext?> ReadAndBuildAsync(Tenant tenant, long ticketId, CancellationToken cancellationToken)
    {
        var thread = await helpdesks.Create(tenant.Connection).GetThreadAsync(ticketId, cancellationToken);
        if (thread is null)
        {
            return null;
        }
        var built = await BuildAsync(tenant, thread, cancellationToken);
        return await cache.GetLastAsync(tenant.Id, ticketId) is { } last && last.ShowsTheSameAs(built) ? built with { AssistId = last.AssistId } : built;
    }

    /// <summary>
    /// The assist for a thread the caller already holds (a replay's thread as it stood before the first reply): worked
    /// out with the tenant's current knowledge and provider, neither cached nor recorded, and no helpdesk call.
    /// </summary>
    public Task<AssistContext> ComputeAsync(Tenant tenant, HelpdeskThread thread, CancellationToken cancellationToken) =>
        BuildAsync(tenant, thread, cancellationToken);

    private async Task<AssistContext> BuildAsync(Tenant tenant, HelpdeskThread thread, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var knowledgeReadAt = time.GetUtcNow();
        var includeNotes = tenant.Options.IncludeInternalNotes;
        var customerText = CustomerText(thread);
        var language = languages.Detect(customerText.Length > 0 ? customerText : thread.Ticket.Subject, thread.Ticket.Requester.Locale);
        var query = ThreadQuery.Build(thread, includeNotes);
        // The three searches and the rules-then-summary chain do not depend on each other: side by side.
        var limit = options.Value.ResultsPerKind;
        var ticketId = thread.Ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Task<KnowledgeMatches> Search(SourceKind[] kinds, Func<KnowledgeHit, bool>? exclude) =>
            Task.Run(() => knowledge.FindAsync(tenant.Id, query, language.Code, kinds, limit, exclude, cancellationToken), cancellationToken);
        var articleSearch = Search([SourceKind.Article, SourceKind.Document], null);
        var macroSearch = Search([SourceKind.Macro], null);
        var similarSearch = Search([SourceKind.PastReply], h => h.SourceId == ticketId);
        var warnings = await boundaries.EvaluateAsync(tenant.Id, thread, cancellationToken);
        // Cached with the rest of the assist, so the model is asked again only when the thread changes.
        var summary = await runner.RunAsync(tenant, SummaryTask.For(tenant, thread, includeNotes, warnings, summarizer), cancellationToken);
        var (articleMatches, macroMatches, similarMatches) = (await articleSearch, await macroSearch, await similarSearch);
        var (articles, macros, similar) = (articleMatches.Hits, macroMatches.Hits, similarMatches.Hits);
        // What the sidebar shows of an article or a solved ticket reads on its own: its passage placed in its whole text. A
        // macro's passage stays as it is: the sidebar may insert it into the reply.
        var texts = await index.GetTextsAsync(tenant.Id, articles.Concat(similar).Select(h => (h.Kind, h.SourceId)).ToList(), cancellationToken);
        (articles, similar) = (PassageExcerpt.Of(articles, texts), PassageExcerpt.Of(similar, texts));

        var now = time.GetUtcNow();
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        // The tenant's learned intent when it is confident; otherwise the category of the best macro.
        var intent = await intents.ClassifyAsync(tenant, thread, query, language.Code, cancellationToken) is { Confident: true } learned ? learned.Intent : RetrievedIntent.From(macros, tenant.Options.Intents);
        var offline = SuggestionOrigin.Offline(PromptVersion, latency);
        var procedure = await procedures.MatchAsync(tenant, intent, query, language.Code, cancellationToken);
        var provisional = models.Embedder(tenant) is { } embedder
            && await embedding.GetAsync(tenant, embedder.Model, lastSync: null, cancellationToken) is var (passages, embedded) && embedded < passages;
        return new AssistContext(
            tenant.Id, thread, language, warnings, summary.Value, articles, macros, similar, now, summary.Provider, intent)
        {
            // An offline summary took the assist's time; a model's, its call's.
            SummaryOrigin = summary.Audit is null ? offline : summary.Origin,
            RetrievalOrigin = offline,
            QueryTerms = Analytics.RetrievalLog.TermsOf(thread, query),
            Matches = new MatchesDto(articleMatches.Status, macroMatches.Status, similarMatches.Status),
            Procedure = procedure,
            Provisional = provisional,
            KnowledgeReadAt = knowledgeReadAt,
            KnowledgeReadBy = knowledgeChanges.Instance,
        };
    }

    public static SourceRef ToSourceRef(KnowledgeHit hit) => new(KindName(hit.Kind), hit.SourceId, hit.Title, hit.Url, Math.Round(hit.Score, 3));

    /// <summary>The source kind's wire name, as the OpenAPI document lists it.</summary>
    public static string KindName(SourceKind kind) => Wire.Name(kind);

    private static string CustomerText(HelpdeskThread thread) =>
        string.Join("\n", thread.Comments.Where(c => c.Public && c.Author.Role == AuthorRole.Customer).Select(c => c.Text));
}
