namespace Copilot.Api.Sidebar;

internal static partial class SidebarLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Signed sidebar load refused: {Reason}")]
    public static partial void SignedLoadRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Sidebar session started for tenant {Tenant}, agent {AgentId} ({Role})")]
    public static partial void SessionStarted(ILogger logger, string tenant, string agentId, string role);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Tenant {Tenant} has no public key for app {AppId}")]
    public static partial void NoAppKey(ILogger logger, string tenant, long appId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "The public key of app {AppId} (tenant {Tenant}) is not a PEM RSA key")]
    public static partial void BadAppKey(ILogger logger, string tenant, long appId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Helpdesk user {UserId} of tenant {Tenant} may not use the sidebar (missing, inactive or not staff)")]
    public static partial void NotStaff(ILogger logger, string tenant, long userId);
}
