namespace Copilot.Api.Dashboard;

internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 4700, Level = LogLevel.Warning, Message = "Signed dashboard load refused: {Reason}")]
    public static partial void SignedLoadRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 4701, Level = LogLevel.Information, Message = "Dashboard opened for tenant {Tenant}, user {UserId} ({Role})")]
    public static partial void Opened(ILogger logger, string tenant, string userId, string role);

    [LoggerMessage(EventId = 4702, Level = LogLevel.Information, Message = "Dashboard refused for tenant {Tenant}, user {UserId}: not a team lead")]
    public static partial void NotLead(ILogger logger, string tenant, string userId);
}
