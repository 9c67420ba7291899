using Microsoft.Extensions.Logging;

namespace Copilot.Connectors.Helpdesk;

/// <summary>Helpdesk call logging: method, path, status and time only — never bodies or auth headers.</summary>
internal static partial class HelpdeskLog
{
    [LoggerMessage(EventId = HelpdeskLogEvents.Call, Level = LogLevel.Debug, Message = "Helpdesk {Method} {Path} answered {Status} in {ElapsedMs} ms")]
    public static partial void Call(ILogger logger, string method, string path, int status, long elapsedMs);

    [LoggerMessage(EventId = HelpdeskLogEvents.CallFailed, Level = LogLevel.Debug, Message = "Helpdesk {Method} {Path} failed after {ElapsedMs} ms: {Error}")]
    public static partial void CallFailed(ILogger logger, string method, string path, long elapsedMs, string error);

    [LoggerMessage(EventId = HelpdeskLogEvents.Retrying, Level = LogLevel.Debug, Message = "Retrying {Helpdesk} call (retry {Retry}) in {Delay} after status {Status} / {Error}")]
    public static partial void Retrying(ILogger logger, string helpdesk, int retry, TimeSpan delay, int? status, string? error);

    [LoggerMessage(EventId = HelpdeskLogEvents.BackingOff, Level = LogLevel.Warning, Message = "Helpdesk {Account} answered {Status} asking us to wait {Wait}: no calls to it until {Until:u}")]
    public static partial void BackingOff(ILogger logger, string account, int status, TimeSpan wait, DateTimeOffset until);

    [LoggerMessage(EventId = HelpdeskLogEvents.HeldBack, Level = LogLevel.Debug, Message = "Helpdesk {Method} {Path} not sent: waiting {Left} more as the helpdesk asked")]
    public static partial void HeldBack(ILogger logger, string method, string path, TimeSpan left);

    [LoggerMessage(EventId = HelpdeskLogEvents.BreakerOpened, Level = LogLevel.Warning, Message = "{Helpdesk} {Account} keeps failing: calls to it stop for {BreakDuration}")]
    public static partial void BreakerOpened(ILogger logger, string helpdesk, string account, TimeSpan breakDuration);

    [LoggerMessage(EventId = HelpdeskLogEvents.BreakerClosed, Level = LogLevel.Information, Message = "{Helpdesk} {Account} answers again: calls resume")]
    public static partial void BreakerClosed(ILogger logger, string helpdesk, string account);

    [LoggerMessage(EventId = HelpdeskLogEvents.BudgetSpent, Level = LogLevel.Information, Message = "Helpdesk {Account} has {Remaining} of {Total} calls left this window, our reserve is {Reserve}: no calls to it until {Until:u}")]
    public static partial void BudgetSpent(ILogger logger, string account, int remaining, int total, int reserve, DateTimeOffset until);
}

/// <summary>The helpdesk calls' log event ids, for operators' filters and for tests that look for one.</summary>
public static class HelpdeskLogEvents
{
    public const int Call = 4501;
    public const int CallFailed = 4502;
    public const int Retrying = 4503;
    public const int BackingOff = 4504;
    public const int HeldBack = 4505;
    public const int BreakerOpened = 4506;
    public const int BreakerClosed = 4507;
    public const int BudgetSpent = 4508;
}
