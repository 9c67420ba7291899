using System.Text.Json;
using Copilot.Api.Store;
using Dapper;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Analytics;

/// <summary>
/// Knowledge gaps in a period: tickets whose best retrieval score stayed below the threshold,
/// and tickets whose draft was rejected for missing context or an outdated article, grouped
/// into topics by their query terms (<see cref="TopicClustering"/>).
/// </summary>
public sealed class KnowledgeGapsQuery(Db db, IOptionsMonitor<AnalyticsOptions> options)
{
    public const int ExamplesPerTopic = 5;
    public const int ArticlesPerTopic = 3;
    public const int MaxTopics = 50;

    public async Task<KnowledgeGapsResponse> RunAsync(string tenant, AnalyticsPeriod period, double? threshold, CancellationToken cancellationToken)
    {
        var limit = threshold ?? options.CurrentValue.GapScoreThreshold;
        await using var connection = await db.OpenAsync(cancellationToken);
        var retrievals = (await connection.QueryAsync<Retrieval>(new CommandDefinition(
            """
            SELECT ticket_id AS TicketId, query_terms AS QueryTerms, top_score AS TopScore, top_source_id AS TopSourceId, top_title AS TopTitle
            FROM retrieval_events WHERE tenant = @tenant AND created_at >= @from AND created_at < @to
            """, new { tenant, from = period.FromText, to = period.ToText }, cancellationToken: cancellationToken))).ToList();
        var rejected = (await connection.QueryAsync<RejectedDraft>(new CommandDefinition(
            """
            SELECT l.ticket_id AS TicketId, l.reason AS Reason, s.sources AS Sources
            FROM analytics_latest l JOIN suggestions s ON s.id = l.suggestion_id
            WHERE l.tenant = @tenant AND l.day >= @from AND l.day < @to AND l.kind = 'draft'
              AND l.reason IN ('missing-context', 'outdated-article')
            """, new { tenant, from = period.FromText, to = period.ToText }, cancellationToken: cancellationToken))).ToList();

        var noMatch = retrievals.GroupBy(r => r.TicketId)
            .Where(g => g.Max(r => r.TopScore ?? double.NegativeInfinity) < limit)
            .Select(g => g.Key).ToHashSet();
        var gapIds = noMatch.Union(rejected.Select(r => r.TicketId)).ToHashSet();

        // Terms and closest articles come from every retrieval of a gap ticket, also those before the period.
        var seen = retrievals.Select(r => r.TicketId).ToHashSet();
        var missing = gapIds.Where(id => !seen.Contains(id)).ToArray();
        if (missing.Length > 0)
        {
            retrievals.AddRange(await connection.QueryAsync<Retrieval>(new CommandDefinition(
                $"""
                SELECT ticket_id AS TicketId, query_terms AS QueryTerms, top_score AS TopScore, top_source_id AS TopSourceId, top_title AS TopTitle
                FROM retrieval_events WHERE tenant = @tenant AND {db.Dialect.In("ticket_id", "@missing")}
                """, new { tenant, missing }, cancellationToken: cancellationToken)));
        }
        var byTicket = retrievals.Where(r => gapIds.Contains(r.TicketId)).ToLookup(r => r.TicketId);
        var gaps = gapIds.Select(id => new GapTicket(id, byTicket[id]
            .SelectMany(r => r.QueryTerms.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(RetrievalLog.IsTopical)) // rows recorded before the filter too
            .GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal))).ToList();

        var topics = TopicClustering.Cluster(gaps)
            .Select(c => ToTopic(c, noMatch, rejected, byTicket))
            .OrderByDescending(t => t.TicketCount).ThenBy(t => t.Label, StringComparer.Ordinal)
            .Take(MaxTopics)
            .ToList();
        return new KnowledgeGapsResponse(tenant, period.FromText, period.ToText, limit, gapIds.Count, topics);
    }

    private static KnowledgeGapTopic ToTopic(TopicCluster c, HashSet<long> noMatch, List<RejectedDraft> rejected, ILookup<long, Retrieval> retrievals)
    {
        var ids = c.TicketIds.Order().ToList();
        var inTopic = ids.ToHashSet();
        var articles = ids.SelectMany(id => retrievals[id].Where(r => r.TopSourceId is not null)
                .Select(r => (Id: r.TopSourceId!, Title: r.TopTitle, Score: r.TopScore, Ticket: id)))
            .Concat(rejected.Where(r => inTopic.Contains(r.TicketId) && r.Reason == "outdated-article")
                .SelectMany(r => CitedSources(r.Sources).Select(s => (s.Id, s.Title, Score: (double?)null, Ticket: r.TicketId))))
            .GroupBy(a => a.Id, StringComparer.Ordinal)
            .Select(g => new ClosestArticle(g.Key, g.Select(a => a.Title).FirstOrDefault(t => t is not null), g.Max(a => a.Score), g.Select(a => a.Ticket).Distinct().Count()))
            .OrderByDescending(a => a.Tickets).ThenByDescending(a => a.BestScore ?? double.NegativeInfinity).ThenBy(a => a.SourceId, StringComparer.Ordinal)
            .Take(ArticlesPerTopic)
            .ToList();
        return new KnowledgeGapTopic(
            c.Terms.Count == 0 ? "(no key terms recorded)" : string.Join(' ', c.Terms),
            c.Terms,
            ids.Count,
            ids.Count(noMatch.Contains),
            rejected.Where(r => inTopic.Contains(r.TicketId) && r.Reason == "missing-context").Select(r => r.TicketId).Distinct().Count(),
            rejected.Where(r => inTopic.Contains(r.TicketId) && r.Reason == "outdated-article").Select(r => r.TicketId).Distinct().Count(),
            ids.Take(ExamplesPerTopic).ToList(),
            articles);
    }

    /// <summary>The sources a draft cited: a JSON array of objects with <c>sourceId</c>/<c>id</c> and <c>title</c>, or of ids.</summary>
    internal static IEnumerable<(string Id, string? Title)> CitedSources(string json)
    {
        var found = new List<(string, string?)>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                return found;
            }
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (e.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    found.Add((e.ToString(), null));
                }
                else if (e.ValueKind == JsonValueKind.Object
                    && (e.TryGetProperty("sourceId", out var id) || e.TryGetProperty("id", out id))
                    && id.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    found.Add((id.ToString(), e.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null));
                }
            }
        }
        catch (JsonException)
        {
            // A suggestion's sources are written by our own code; unreadable ones add no article.
        }
        return found;
    }

    private sealed class Retrieval
    {
        public long TicketId { get; init; }
        public string QueryTerms { get; init; } = "";
        public double? TopScore { get; init; }
        public string? TopSourceId { get; init; }
        public string? TopTitle { get; init; }
    }

    private sealed class RejectedDraft
    {
        public long TicketId { get; init; }
        public string Reason { get; init; } = "";
        public string Sources { get; init; } = "[]";
    }
}
