namespace Copilot.Api.Intents;

/// <summary>Log events of intent learning: tenant ids, counts and accuracy only, never example text.</summary>
internal static partial class IntentLog
{
    [LoggerMessage(EventId = 4800, Level = LogLevel.Information, Message = "Intent model of tenant {Tenant} trained: {Intents} intents from {Examples} examples, sentence model {EmbeddingModel}, held-out accuracy {Accuracy}, in {ElapsedMs} ms")]
    public static partial void Trained(ILogger logger, string tenant, int intents, int examples, string embeddingModel, double? accuracy, long elapsedMs);

    [LoggerMessage(EventId = 4801, Level = LogLevel.Error, Message = "Intent model of tenant {Tenant} could not be refreshed")]
    public static partial void RefreshFailed(ILogger logger, Exception exception, string tenant);
}
