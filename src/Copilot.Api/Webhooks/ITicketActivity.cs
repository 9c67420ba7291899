namespace Copilot.Api.Webhooks;

/// <summary>
/// Told when the helpdesk reports activity on a ticket, so caches of that ticket can refresh.
/// The assist refresher implements it (registered with <c>TryAddSingleton</c> by AddAssist, so a
/// registration made before it wins).
/// </summary>
public interface ITicketActivity
{
    Task OnCommentAddedAsync(string tenant, long ticketId, CancellationToken cancellationToken);
}
