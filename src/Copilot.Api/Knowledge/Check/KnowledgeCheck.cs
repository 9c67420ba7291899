using System.Diagnostics;
using Copilot.Api.Assist;
using Copilot.Api.Languages;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Knowledge.Check;

/// <summary>
/// Asks a tenant's knowledge the questions its customers ask and says where the answer came: in the search the assist
/// runs (keywords fused with the tenant's model where it has one), in the keyword index alone, and among what the sidebar
/// would show after the relevance floors. Each question is read as a ticket whose only message it is, so it goes through
/// the assist's query builder and language detection. Nothing is recorded: no suggestion is shown to anyone.
/// </summary>
public sealed class KnowledgeCheck(
    IKnowledgeSearch search, KnowledgeIndex index, RelevantKnowledge relevant, ILanguageDetector languages, IOptions<AssistOptions> options)
{
    /// <summary>Sources ranked per question: an answer further down counts as not found.</summary>
    public const int Depth = 10;

    /// <summary>
    /// The sources a question's panel searches: the article panel reads help-center articles and imported documents
    /// together, as the assist's does.
    /// </summary>
    public static SourceKind[] PanelOf(SourceKind kind) => kind switch
    {
        SourceKind.Article or SourceKind.Document => [SourceKind.Article, SourceKind.Document],
        _ => [kind],
    };

    /// <summary>The ids of <paramref name="questions"/> that name no source of the panel in the tenant's index, by line.</summary>
    public async Task<IReadOnlyDictionary<int, string[]>> UnknownAsync(
        string tenant, IReadOnlyList<CheckQuestion> questions, SourceKind[] panel, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        // In batches: a check may name up to 20,000 ids, each a query parameter.
        foreach (var ids in questions.SelectMany(q => q.Expected).Distinct(StringComparer.Ordinal).Chunk(500))
        {
            known.UnionWith((await index.GetTextsAsync(tenant, [.. ids.SelectMany(id => panel.Select(k => (k, id)))], cancellationToken)).Keys.Select(k => k.SourceId));
        }
        return questions.Where(q => q.Expected.Any(id => !known.Contains(id)))
            .ToDictionary(q => q.Line, q => q.Expected.Where(id => !known.Contains(id)).ToArray());
    }

    public async Task<CheckOutcome> RunAsync(string tenant, IReadOnlyList<CheckQuestion> questions, SourceKind[] panel, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var results = new List<CheckResult>(questions.Count);
        foreach (var question in questions)
        {
            results.Add(await AskAsync(tenant, question, panel, cancellationToken));
        }
        return new CheckOutcome(results, Stopwatch.GetElapsedTime(started));
    }

    private async Task<CheckResult> AskAsync(string tenant, CheckQuestion question, SourceKind[] panel, CancellationToken cancellationToken)
    {
        var language = languages.Detect(question.Question, question.Locale).Code;
        var query = ThreadQuery.Build(AsTicket(question), includeInternalNotes: false);
        var asked = new KnowledgeQuery(query, Depth, panel, language);
        var ranked = await search.SearchAsync(tenant, asked, cancellationToken);
        var keywords = await index.SearchAsync(tenant, asked, cancellationToken);
        var shown = await relevant.FindAsync(tenant, query, language, panel, options.Value.ResultsPerKind, exclude: null, cancellationToken);
        int? RankIn(IReadOnlyList<KnowledgeHit> hits) =>
            hits.Select((h, i) => (h, i)).FirstOrDefault(x => question.Expected.Contains(x.h.SourceId)) is { h: not null } found ? found.i + 1 : null;
        return new CheckResult(question, language, RankIn(ranked), RankIn(keywords), RankIn(shown.Hits), shown);
    }

    /// <summary>The question as the one public message of a customer whose locale the line gave.</summary>
    private static HelpdeskThread AsTicket(CheckQuestion question)
    {
        var customer = new HelpdeskUser(1, "Customer", null, AuthorRole.Customer, question.Locale);
        var now = DateTimeOffset.UnixEpoch;
        return new HelpdeskThread(
            new HelpdeskTicket(1, "", "open", null, customer, null, [], now, now),
            [new HelpdeskComment(1, customer, true, question.Question, now)]);
    }
}

/// <param name="Rank">Where the answer came in the assist's search (1 = first), null when not in its first <see cref="KnowledgeCheck.Depth"/>.</param>
/// <param name="KeywordRank">The same in the keyword index alone.</param>
/// <param name="ShownAt">Where the answer came among what the sidebar shows, null when it is not shown.</param>
public sealed record CheckResult(CheckQuestion Question, string Language, int? Rank, int? KeywordRank, int? ShownAt, KnowledgeMatches Shown);

public sealed record CheckOutcome(IReadOnlyList<CheckResult> Results, TimeSpan Duration);
