using System.Globalization;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Connectors.Freshdesk;

public sealed partial class FreshdeskClient
{
    /// <summary>
    /// One page of Freshdesk's ticket list, tickets updated since <paramref name="since"/>, oldest change first; only
    /// resolved and closed tickets are kept. The list has no status filter; <paramref name="next"/> is the next
    /// page's number, taken from the <c>Link</c> header. Freshdesk answers no page past the 300th, so there the export goes on
    /// from page 1 of the tickets updated since the last change read (the tickets of that very second are read again);
    /// from then on <paramref name="next"/> is the page and that time (<c>2@2026-10-01T00:01:39Z</c>). A bulk read: holds
    /// of the account's budget are waited out.
    /// </summary>
    public async Task<SolvedTicketsPage> ExportSolvedAsync(DateTimeOffset since, string? next, CancellationToken cancellationToken)
    {
        var resumed = false;
        if (next?.IndexOf('@', StringComparison.Ordinal) is >= 0 and var at
            && DateTimeOffset.TryParse(next[(at + 1)..], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var resume))
        {
            (since, next, resumed) = (resume, at == 0 ? null : next[..at], true);
        }
        var query = FirstPage(("order_by", "updated_at"), ("order_type", "asc"),
            ("updated_since", since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        if (next is not null)
        {
            query["page"] = next;
        }
        var (body, link) = await PacedAsync(bulk: true,
            () => _transport.GetPageAsync((api, ct) => api.ListTicketsAsync(query, ct), notFoundIsNull: false, cancellationToken), cancellationToken);
        var tickets = body ?? [];
        var solved = tickets
            .Where(t => FreshdeskMapping.IsSolved(t.Status))
            .Select(t => new SolvedTicketHeader(t.Id, t.Subject ?? string.Empty, FreshdeskMapping.Status(t.Status), t.Tags ?? [], t.GroupId, t.CreatedAt, t.UpdatedAt))
            .ToList();
        var following = tickets.Count > 0 && HelpdeskPaging.NextPage(link) is { } page && page.TryGetValue("page", out var number) ? number : null;
        if (following is not null && (!int.TryParse(following, CultureInfo.InvariantCulture, out var pageNumber) || pageNumber > _options.MaxTicketListPage))
        {
            // Whole seconds, as updated_since is sent: a ticket changed later in the last second read is not skipped.
            var last = tickets.Max(t => t.UpdatedAt).ToUniversalTime();
            var resumeFrom = new DateTimeOffset(last.Ticks - last.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            // 30,000 changes within one second would bring it back where it began: stop rather than go round.
            following = resumeFrom > since ? "@" + Stamp(resumeFrom) : null;
        }
        else if (following is not null && resumed)
        {
            following += "@" + Stamp(since);
        }
        return new SolvedTicketsPage(solved, following, tickets.Count);
    }

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
