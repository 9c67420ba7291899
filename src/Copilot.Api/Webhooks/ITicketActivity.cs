namespace Copilot.Api.Webhooks;

/// <summary>
/// Told when the helpdesk reports activity on a ticket, so caches of that ticket can refresh.
/// The assist cache implements it; register yours with <c>AddSingleton</c> (the default below
/// is added with <c>TryAddSingleton</c> and yields to any other registration made before it,
/// and a later <c>AddSingleton</c> wins at resolution).
/// </summary>
public interface ITicketActivity
{
    Task OnCommentAddedAsync(string tenant, long ticketId, CancellationToken cancellationToken);
}

/// <summary>Nothing to refresh: the default when no feature caches tickets.</summary>
internal sealed class NoTicketActivity : ITicketActivity
{
    public Task OnCommentAddedAsync(string tenant, long ticketId, CancellationToken cancellationToken) => Task.CompletedTask;
}
