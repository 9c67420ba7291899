using System.Threading.Channels;
using Copilot.Api.Tenants;
using Copilot.Api.Webhooks;

namespace Copilot.Api.Assist;

/// <summary>
/// When the helpdesk reports a new comment, drops the ticket's cached assist at once and
/// recomputes it in the background, so the next sidebar open finds a fresh summary without
/// waiting. The webhook answers immediately; refreshes that cannot keep up are dropped (the
/// next open recomputes anyway).
/// </summary>
public sealed class AssistRefresher(
    AssistCache cache,
    IServiceProvider services,
    TenantRegistry tenants,
    ILogger<AssistRefresher> logger) : BackgroundService, ITicketActivity
{
    private readonly Channel<(string Tenant, long TicketId)> _queue =
        Channel.CreateBounded<(string, long)>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public async Task OnCommentAddedAsync(string tenant, long ticketId, CancellationToken cancellationToken)
    {
        await cache.InvalidateAsync(tenant, ticketId);
        _queue.Writer.TryWrite((tenant, ticketId));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (tenantId, ticketId) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (tenants.Find(tenantId) is not { } tenant)
            {
                continue;
            }
            try
            {
                // Resolved per item: AssistService is a singleton, but resolving late keeps start-up order free.
                await services.GetRequiredService<AssistService>().GetAsync(tenant, ticketId, latestCommentId: null, refresh: true, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Refreshing the assist of ticket {TicketId} for tenant {Tenant} failed: {Error}", ticketId, tenantId, e.GetType().Name);
            }
        }
    }
}
