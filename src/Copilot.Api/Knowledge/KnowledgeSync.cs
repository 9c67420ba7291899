using System.Diagnostics;
using Copilot.Api.Privacy;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Knowledge;

/// <summary>
/// What a sync did. <see cref="Articles"/>, <see cref="Macros"/> and <see cref="PastReplies"/>
/// count the sources the helpdesk gave us that are now in the index; <see cref="Indexed"/> how
/// many of them had changed and were rewritten; <see cref="Removed"/> the sources taken out.
/// </summary>
public sealed record SyncResult(bool Full, int Articles, int Macros, int PastReplies, int Indexed, int Removed, TimeSpan Duration);

/// <summary>
/// Pulls a tenant's help-center articles, active macros and (optionally) solved tickets'
/// agent replies into the knowledge index. A full sync reads everything and drops what the
/// helpdesk no longer has; an incremental sync reads the articles changed since the last
/// export (drafts leave the index) and refreshes the macros.
/// </summary>
public sealed class KnowledgeSync(
    IHelpdeskClientFactory clients,
    KnowledgeIndex index,
    SyncStateStore state,
    TimeProvider time,
    IOptions<KnowledgeOptions> options,
    ILogger<KnowledgeSync> logger,
    IEnumerable<ISolvedTicketsObserver>? observers = null)
{
    private const int MaxChangePages = 100;

    /// <summary>
    /// Syncs now. An incremental sync becomes a full one when the tenant has no full sync on record: it was never synced,
    /// or its past replies are to be scrubbed again by newer rules (<see cref="PastRepliesScrubbedAgain"/>).
    /// </summary>
    public async Task<SyncResult> RunAsync(Tenant tenant, bool full, CancellationToken cancellationToken)
    {
        var previous = await state.GetAsync(tenant.Id, cancellationToken);
        full = full || previous?.LastIncrementalStart is null || previous.LastFullSync is null;
        var started = time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var client = clients.Create(tenant.Connection);
            var (result, next) = full
                ? (await FullAsync(tenant, client, cancellationToken), started)
                : await IncrementalAsync(tenant, client, previous!.LastIncrementalStart!.Value, cancellationToken);
            result = result with { Duration = stopwatch.Elapsed };
            await state.RecordSuccessAsync(tenant.Id, result, next, cancellationToken);
            KnowledgeLog.Synced(logger, tenant.Id, result.Full, result.Articles, result.Macros, result.PastReplies, result.Removed, stopwatch.ElapsedMilliseconds);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var message = e is HelpdeskException h
                ? $"{h.Helpdesk} {(h.StatusCode is { } s ? $"answered {s}" : "could not be reached")}: {h.Message}"
                : $"{e.GetType().Name}: {e.Message}";
            await state.RecordFailureAsync(tenant.Id, message, CancellationToken.None);
            KnowledgeLog.SyncFailed(logger, tenant.Id, e.GetType().Name, (e as HelpdeskException)?.StatusCode);
            throw;
        }
    }

    private async Task<SyncResult> FullAsync(Tenant tenant, IHelpdeskClient client, CancellationToken cancellationToken)
    {
        var articles = (await client.GetArticlesAsync(cancellationToken)).Where(a => !a.Draft).ToList();
        var macros = await MacroDocumentsAsync(client, cancellationToken);
        var pastReplies = new List<KnowledgeDocument>();
        if (tenant.Options.IndexSolvedTickets && options.Value.MaxPastReplies > 0)
        {
            var solved = await client.GetSolvedTicketsAsync(options.Value.MaxPastReplies, cancellationToken);
            pastReplies = solved.Where(t => t.AgentReplies.Count > 0).Select(ToDocument).ToList();
            foreach (var observer in observers ?? [])
            {
                await observer.SolvedTicketsReadAsync(tenant, solved, cancellationToken);
            }
        }

        var documents = articles.Select(ToDocument).Concat(macros).Concat(pastReplies).ToList();
        var upsert = await index.UpsertAsync(tenant.Id, documents, cancellationToken);
        var removed = await index.RemoveAllExceptAsync(tenant.Id, SourceKind.Article, articles.Select(a => a.Id).ToHashSet(), cancellationToken)
            + await index.RemoveAllExceptAsync(tenant.Id, SourceKind.Macro, macros.Select(m => m.SourceId).ToHashSet(), cancellationToken)
            + await index.RemoveAllExceptAsync(tenant.Id, SourceKind.PastReply, pastReplies.Select(p => p.SourceId).ToHashSet(), cancellationToken);
        return new SyncResult(true, articles.Count, macros.Count, pastReplies.Count, upsert.Indexed, removed, TimeSpan.Zero);
    }

    private async Task<(SyncResult, DateTimeOffset)> IncrementalAsync(Tenant tenant, IHelpdeskClient client, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var published = new Dictionary<string, HelpdeskArticle>(StringComparer.Ordinal);
        var withdrawn = new HashSet<string>(StringComparer.Ordinal);
        var start = since;
        for (var page = 0; page < MaxChangePages; page++)
        {
            var changes = await client.GetArticleChangesAsync(start, cancellationToken);
            foreach (var article in changes.Articles)
            {
                // Later pages are newer: the last state of an article wins.
                if (article.Draft)
                {
                    published.Remove(article.Id);
                    withdrawn.Add(article.Id);
                }
                else
                {
                    withdrawn.Remove(article.Id);
                    published[article.Id] = article;
                }
            }
            var advanced = changes.NextStart > start;
            start = changes.NextStart > start ? changes.NextStart : start;
            if (changes.Articles.Count == 0 || !advanced)
            {
                break;
            }
        }

        var macros = await MacroDocumentsAsync(client, cancellationToken);
        var upsert = await index.UpsertAsync(tenant.Id, published.Values.Select(ToDocument).Concat(macros).ToList(), cancellationToken);
        var removed = await index.RemoveAsync(tenant.Id, SourceKind.Article, withdrawn, cancellationToken)
            + await index.RemoveAllExceptAsync(tenant.Id, SourceKind.Macro, macros.Select(m => m.SourceId).ToHashSet(), cancellationToken);
        return (new SyncResult(false, published.Count, macros.Count, 0, upsert.Indexed, removed, TimeSpan.Zero), start);
    }

    private static async Task<List<KnowledgeDocument>> MacroDocumentsAsync(IHelpdeskClient client, CancellationToken cancellationToken) =>
        (await client.GetMacrosAsync(cancellationToken)).Where(m => m.Active).Select(ToDocument).ToList();

    private static KnowledgeDocument ToDocument(HelpdeskArticle a) =>
        new(SourceKind.Article, a.Id, a.Title, a.Text, a.Url, a.Locale, a.UpdatedAt);

    private static KnowledgeDocument ToDocument(HelpdeskMacro m) =>
        new(SourceKind.Macro, m.Id, m.Title, string.IsNullOrWhiteSpace(m.Description) ? m.Text : m.Description + "\n\n" + m.Text, null, null, DateTimeOffset.UnixEpoch);

    /// <summary>
    /// A solved ticket as a past reply, with its case specifics (names, credentials, numbers, amounts,
    /// dates, token links) already replaced by placeholders: the index never holds them, so no search,
    /// draft or prompt can hand one customer's details to another.
    /// </summary>
    public static KnowledgeDocument ToDocument(SolvedTicket t)
    {
        var people = t.People ?? [];
        return new(SourceKind.PastReply, t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CaseDetails.Scrub(t.Subject, people).Text,
            CaseDetails.Scrub(string.Join("\n\n", t.AgentReplies), people).Text, t.Url, null, t.UpdatedAt);
    }
}
