using Copilot.Connectors.Models;

namespace Copilot.Api.ModelTasks;

/// <summary>Model events. Never ticket text, prompts or keys: ids, names, numbers.</summary>
public static partial class ModelLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Model {Provider} failed for tenant {Tenant} ({Task}, {Failure}, status {Status}); the offline provider answered")]
    public static partial void FellBack(ILogger logger, string provider, string tenant, string task, ModelFailure failure, int? status);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Model {Task} for tenant {Tenant} ticket {Ticket}: {TokensIn} in, {TokensOut} out, first token {FirstTokenMs} ms, total {TotalMs} ms")]
    public static partial void Completed(ILogger logger, string task, string tenant, long ticket, long? tokensIn, long? tokensOut, double? firstTokenMs, double totalMs);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Model {Task} answer for tenant {Tenant} did not match its schema; the offline provider answered")]
    public static partial void Unparsable(ILogger logger, string task, string tenant);
}
