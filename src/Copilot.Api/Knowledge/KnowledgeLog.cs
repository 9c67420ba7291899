namespace Copilot.Api.Knowledge;

/// <summary>Log events of the knowledge feature. Tenant ids and counts only: never article or ticket text.</summary>
internal static partial class KnowledgeLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Knowledge sync for tenant {Tenant} (full: {Full}): {Articles} articles, {Macros} macros, {PastReplies} past replies, {Removed} removed in {ElapsedMs} ms")]
    public static partial void Synced(ILogger logger, string tenant, bool full, int articles, int macros, int pastReplies, int removed, long elapsedMs);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Knowledge sync for tenant {Tenant} failed with {Error} (helpdesk status {Status})")]
    public static partial void SyncFailed(ILogger logger, string tenant, string error, int? status);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Knowledge sync scheduler failed for tenant {Tenant}")]
    public static partial void SchedulerFailed(ILogger logger, Exception exception, string tenant);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Imported {Count} documents for tenant {Tenant}")]
    public static partial void Imported(ILogger logger, string tenant, int count);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Embedding the passages just written for tenant {Tenant} failed ({Failure}); the background pass will retry")]
    public static partial void EmbeddingNowFailed(ILogger logger, string tenant, Copilot.Connectors.Models.ModelFailure failure);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Knowledge check for tenant {Tenant}: {Questions} questions, {First} answered first (by meaning: {ByMeaning})")]
    public static partial void Checked(ILogger logger, string tenant, int questions, int first, bool byMeaning);
}
