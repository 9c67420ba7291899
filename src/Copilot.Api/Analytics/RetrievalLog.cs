using Copilot.Api.Store;
using Dapper;

namespace Copilot.Api.Analytics;

/// <summary>
/// Records, for each assist, the best knowledge match retrieval found. Tickets whose best match
/// scores low are where the knowledge base has gaps (<see cref="KnowledgeGapsQuery"/>).
/// </summary>
public sealed class RetrievalLog(Db db, TimeProvider time)
{
    public const int MaxTerms = 32;

    /// <summary>
    /// A term that can name a topic: a word with at most two digits ("2fa", "5ghz", "x20"), not a number, year, order,
    /// account or tracking id ("2026", "46630", "lum-2026-48213"), which name one customer's case.
    /// </summary>
    public static bool IsTopical(string term) => term.Any(char.IsLetter) && term.Count(char.IsDigit) <= 2;

    /// <summary>
    /// The key terms of a ticket's retrieval query as the knowledge-gap record keeps them: from the query without the case's
    /// personal details (<see cref="Privacy.CaseDetails"/>: the names of the people on the ticket, emails, phones, street
    /// addresses, usernames, order numbers…), and without any word of those names even where the scrubber keeps it as a
    /// common word (a "Grace" signing off), so that a gap topic a team lead reads never names a customer.
    /// </summary>
    public static IReadOnlyList<string> TermsOf(Copilot.Connectors.Helpdesk.HelpdeskThread thread, string query)
    {
        var people = thread.Comments.Select(c => c.Author.Name).Append(thread.Ticket.Requester.Name).Distinct().ToList();
        var names = people.SelectMany(p => Knowledge.FtsQuery.Terms(p ?? "", dropStopWords: false)).ToHashSet(StringComparer.Ordinal);
        var scrubbed = Privacy.CaseDetails.Placeholder.Replace(Privacy.CaseDetails.Scrub(query, people).Text, " ");
        return Knowledge.FtsQuery.Terms(scrubbed, MaxTerms + names.Count).Where(t => !names.Contains(t)).Take(MaxTerms).ToList();
    }

    /// <param name="queryTerms">
    /// The query's key terms (not the ticket text); lower-cased, at most <see cref="MaxTerms"/> kept, and only those that
    /// can name a topic (<see cref="IsTopical"/>): an order number or a year names a case, not what the knowledge lacks.
    /// </param>
    /// <param name="topScore">The best hit's score; null when retrieval found nothing.</param>
    public async Task RecordAsync(string tenant, long ticketId, IEnumerable<string> queryTerms, double? topScore, string? topSourceId, string? topTitle, CancellationToken cancellationToken)
    {
        var terms = string.Join(' ', queryTerms
            .Select(t => t.Trim().ToLowerInvariant())
            .Where(t => t.Length > 0 && !t.Contains(' ', StringComparison.Ordinal) && IsTopical(t))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTerms));
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO retrieval_events (tenant, ticket_id, query_terms, top_score, top_source_id, top_title, created_at)
            VALUES (@tenant, @ticketId, @terms, @topScore, @topSourceId, @topTitle, @now)
            """,
            new { tenant, ticketId, terms, topScore, topSourceId, topTitle, now = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture) },
            cancellationToken: cancellationToken));
    }
}
