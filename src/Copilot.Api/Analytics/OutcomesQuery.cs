using System.Globalization;
using Copilot.Api.Store;
using Dapper;

namespace Copilot.Api.Analytics;

/// <summary>
/// Outcomes of tickets solved in the period (by their latest solve), AI-assisted versus not.
/// A ticket is assisted when any suggestion on it has accepted or edited as its counted outcome.
/// </summary>
public sealed class OutcomesQuery(Db db)
{
    public async Task<OutcomesResponse> RunAsync(string tenant, AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var tickets = (await connection.QueryAsync<SolvedTicket>(new CommandDefinition(
            """
            SELECT o.ticket_id AS TicketId, o.created_at AS CreatedAt, o.solved_at AS SolvedAt, o.reopened AS Reopened, o.satisfaction AS Satisfaction,
                   EXISTS (SELECT 1 FROM analytics_latest l WHERE l.tenant = o.tenant AND l.ticket_id = o.ticket_id AND (l.accepted = 1 OR l.edited = 1)) AS Assisted
            FROM ticket_outcomes o
            WHERE o.tenant = @tenant AND o.solved_at >= @from AND o.solved_at < @to
            """, new { tenant, from = period.FromText, to = period.ToText }, cancellationToken: cancellationToken))).ToList();
        var (assisted, unassisted) = (Group(tickets.Where(t => t.Assisted)), Group(tickets.Where(t => !t.Assisted)));
        return new OutcomesResponse(tenant, period.FromText, period.ToText, assisted, unassisted)
        {
            Difference = new OutcomeDifference(
                RateDifference.Of(assisted.Reopened, unassisted.Reopened),
                RateDifference.Of(assisted.Satisfied, unassisted.Satisfied)),
        };
    }

    private static OutcomeGroup Group(IEnumerable<SolvedTicket> tickets)
    {
        var list = tickets.ToList();
        var hours = list
            .Where(t => t.CreatedAt is not null)
            .Select(t => (Parse(t.SolvedAt) - Parse(t.CreatedAt!)).TotalHours)
            .Order()
            .ToList();
        var good = list.Count(t => t.Satisfaction == "good");
        var bad = list.Count(t => t.Satisfaction == "bad");
        var reopened = list.Count(t => t.Reopened > 0);
        return new OutcomeGroup(
            list.Count,
            hours.Count == 0 ? null : Math.Round(Median(hours), 4),
            hours.Count == 0 ? null : Math.Round(hours.Average(), 4),
            list.Count == 0 ? null : (double)reopened / list.Count,
            good + bad,
            good + bad == 0 ? null : (double)good / (good + bad))
        {
            Reopened = Rate.Share(reopened, list.Count),
            Satisfied = Rate.Share(good, good + bad),
        };
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    private static DateTimeOffset Parse(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private sealed class SolvedTicket
    {
        public long TicketId { get; init; }
        public string? CreatedAt { get; init; }
        public string SolvedAt { get; init; } = "";
        public long Reopened { get; init; }
        public string? Satisfaction { get; init; }
        public bool Assisted { get; init; }
    }
}

public sealed record OutcomesResponse(string Tenant, string From, string To, OutcomeGroup Assisted, OutcomeGroup Unassisted)
{
    /// <summary>Assisted minus unassisted, with 95% intervals: an interval holding 0 cannot tell them apart.</summary>
    public required OutcomeDifference Difference { get; init; }
}

/// <summary>Assisted minus unassisted: reopen rate and satisfaction, each with its 95% interval (Newcombe); null when a side has no sample.</summary>
public sealed record OutcomeDifference(RateDifference? ReopenRate, RateDifference? Satisfaction);

/// <summary>
/// <c>ReopenRate</c>: share of the tickets reopened at least once. <c>Satisfaction</c>:
/// good / (good + bad) among rated tickets. Resolution time: from creation to the latest solve, in hours.
/// </summary>
public sealed record OutcomeGroup(
    int Tickets,
    double? MedianResolutionHours,
    double? MeanResolutionHours,
    double? ReopenRate,
    int Rated,
    double? Satisfaction)
{
    /// <summary>Tickets reopened at least once, of the tickets solved, with its 95% interval.</summary>
    public Rate? Reopened { get; init; }

    /// <summary>Good ratings of the rated tickets, with its 95% interval.</summary>
    public Rate? Satisfied { get; init; }
}
