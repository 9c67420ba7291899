namespace Copilot.Api.Webhooks;

/// <summary>
/// Where every helpdesk's authenticated, parsed event goes: recorded once per event id (<see cref="TicketOutcomeStore"/>),
/// and a new comment tells <see cref="ITicketActivity"/> so the ticket's cached assist refreshes. A redelivery changes nothing.
/// </summary>
public sealed partial class TicketEventIntake(TicketOutcomeStore store, ITicketActivity activity, ILogger<TicketEventIntake> logger)
{
    public async Task<WebhookReceipt> ApplyAsync(string tenant, string eventId, TicketEvent e, CancellationToken cancellationToken)
    {
        var stored = await store.ApplyAsync(tenant, eventId, e, cancellationToken);
        if (stored && e.Kind == TicketEventKind.CommentAdded)
        {
            await activity.OnCommentAddedAsync(tenant, e.TicketId, cancellationToken);
        }
        LogAccepted(logger, tenant, e.Type, e.TicketId, !stored);
        return new WebhookReceipt(eventId, e.Type, e.Kind.ToString(), e.TicketId, Duplicate: !stored);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook for tenant {Tenant}: {Type} on ticket {TicketId} (duplicate: {Duplicate})")]
    private static partial void LogAccepted(ILogger logger, string tenant, string type, long ticketId, bool duplicate);
}

public sealed record WebhookReceipt(string EventId, string Type, string Kind, long TicketId, bool Duplicate);
