namespace Copilot.Api.Replays;

/// <summary>Replay events: run ids, tenants, counts and statuses; never ticket text.</summary>
public static partial class ReplayLog
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Replay {Run} created for tenant {Tenant} from {Source}")]
    public static partial void Created(ILogger logger, string run, string tenant, string source);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Replay {Run} for tenant {Tenant}: {Pending} tickets to replay")]
    public static partial void Started(ILogger logger, string run, string tenant, int pending);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Information, Message = "Replay {Run} ended: {Status}")]
    public static partial void Ended(ILogger logger, string run, string status);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Warning, Message = "Replay {Run} failed ({Failure})")]
    public static partial void Failed(ILogger logger, string run, string failure);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Error, Message = "Replay {Run} stopped on an unexpected error")]
    public static partial void Crashed(ILogger logger, Exception exception, string run);
}
