using System.Globalization;
using Copilot.Api.Intents;
using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Api.Replays.Sources;

/// <summary>
/// Solved tickets from the tenant's helpdesk, read only: listed page by page (Zendesk's incremental ticket export by
/// cursor, Freshdesk's ticket list by <c>updated_since</c>), then each chosen ticket's thread (two calls). Every call is
/// made within the replay's share of the account's rate limit (<see cref="HelpdeskShare"/>); a call held for it, or
/// refused with a 429, is made again once the wait is over.
/// </summary>
public sealed class HelpdeskTickets(IHelpdeskClientFactory helpdesks, ReplayPacing pacing)
{
    /// <summary>The solved tickets changed since <paramref name="since"/>, at most <paramref name="maxListed"/>.</summary>
    public async Task<List<ReplayCandidate>> ListAsync(Tenant tenant, DateTimeOffset since, int maxListed, CancellationToken cancellationToken)
    {
        var client = helpdesks.Create(tenant.Connection);
        var candidates = new List<ReplayCandidate>();
        string? next = null;
        var listed = 0;
        do
        {
            var cursor = next;
            var page = await pacing.CallAsync(ct => client.ExportSolvedAsync(since, cursor, ct), cancellationToken);
            listed += page.Listed;
            candidates.AddRange(page.Tickets.Select(t => new ReplayCandidate(
                t.Id.ToString(CultureInfo.InvariantCulture), t.UpdatedAt, IntentText.FromTags(t.Tags, tenant.Options.Intents),
                t.GroupId?.ToString(CultureInfo.InvariantCulture))));
            next = page.Next;
        }
        while (next is not null && listed < maxListed);
        // A list that goes on from its last change (Freshdesk past its 300th page) reads that second's tickets again.
        return candidates.DistinctBy(c => c.Id).ToList();
    }

    /// <returns>The ticket, or null when the helpdesk no longer has it.</returns>
    public async Task<ReplayTicket?> ReadAsync(Tenant tenant, string id, CancellationToken cancellationToken)
    {
        var client = helpdesks.Create(tenant.Connection);
        var number = long.Parse(id, CultureInfo.InvariantCulture);
        var thread = await pacing.CallAsync(ct => client.GetThreadAsync(number, ct), cancellationToken);
        return thread is null ? null : new ReplayTicket(id, thread) { Intent = IntentText.FromTags(thread.Ticket.Tags, tenant.Options.Intents) };
    }
}
