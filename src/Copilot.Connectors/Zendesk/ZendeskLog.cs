using Microsoft.Extensions.Logging;

namespace Copilot.Connectors.Zendesk;

/// <summary>Zendesk call logging: method, path, status and time only — never bodies or auth headers.</summary>
internal static partial class ZendeskLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Zendesk {Method} {Path} answered {Status} in {ElapsedMs} ms")]
    public static partial void Call(ILogger logger, string method, string path, int status, long elapsedMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Zendesk {Method} {Path} failed after {ElapsedMs} ms: {Error}")]
    public static partial void CallFailed(ILogger logger, string method, string path, long elapsedMs, string error);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Retrying Zendesk call (retry {Retry}) in {Delay} after status {Status} / {Error}")]
    public static partial void Retrying(ILogger logger, int retry, TimeSpan delay, int? status, string? error);
}
