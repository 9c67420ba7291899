namespace Copilot.Api.Assist;

internal static partial class AssistLog
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Warning,
        Message = "Assist of ticket {TicketId} for tenant {Tenant} served stale: {Error} (helpdesk status {Status})")]
    public static partial void ServedStale(ILogger logger, string tenant, long ticketId, string error, int? status);
}
