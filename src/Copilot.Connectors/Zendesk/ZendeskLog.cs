using Microsoft.Extensions.Logging;

namespace Copilot.Connectors.Zendesk;

/// <summary>Zendesk resilience logging: retries and breaker changes, never bodies or auth headers.</summary>
internal static partial class ZendeskLog
{
    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Retrying Zendesk call (retry {Retry}) in {Delay} after status {Status} / {Error}")]
    public static partial void Retrying(ILogger logger, int retry, TimeSpan delay, int? status, string? error);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Zendesk {Account} keeps failing: calls to it stop for {BreakDuration}")]
    public static partial void BreakerOpened(ILogger logger, string account, TimeSpan breakDuration);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "Zendesk {Account} answers again: calls resume")]
    public static partial void BreakerClosed(ILogger logger, string account);
}
