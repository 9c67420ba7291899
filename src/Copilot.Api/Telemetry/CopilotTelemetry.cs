using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Copilot.Api.Telemetry;

/// <summary>
/// The copilot's own spans and instruments. Names follow OpenTelemetry's conventions; tags hold
/// tenant ids, kinds and outcomes only, never ticket text or agent identities.
/// </summary>
public static class CopilotTelemetry
{
    /// <summary>The ActivitySource and Meter of the copilot's own work (store, suggestions, feedback).</summary>
    public const string Name = "Copilot";

    /// <summary>Model calls: gen_ai spans and the token-usage and duration histograms (Microsoft.Extensions.AI's OpenTelemetry clients).</summary>
    public const string ModelsName = Copilot.Connectors.Models.ModelClientFactory.TelemetrySource;

    internal static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Shown = Meter.CreateCounter<long>(
        "copilot.suggestions.shown", "{suggestion}", "Suggestions recorded as shown to an agent.");

    private static readonly Counter<long> Feedback = Meter.CreateCounter<long>(
        "copilot.feedback.recorded", "{event}", "Feedback events recorded (a repeated event id counts once).");

    private static readonly Histogram<double> StoreWrite = Meter.CreateHistogram<double>(
        "copilot.store.write.duration", "s", "Time of one store write, from asking for the write lock (SQLite) to its end.");

    public static void SuggestionShown(string tenant, string kind) =>
        Shown.Add(1, new KeyValuePair<string, object?>("copilot.tenant", tenant), new KeyValuePair<string, object?>("copilot.suggestion.kind", kind));

    public static void FeedbackRecorded(string tenant, string outcome) =>
        Feedback.Add(1, new KeyValuePair<string, object?>("copilot.tenant", tenant), new KeyValuePair<string, object?>("copilot.feedback.outcome", outcome));

    /// <summary>A span for one store write; null when nobody listens.</summary>
    /// <param name="system">The store: <c>sqlite</c> or <c>postgresql</c> (OpenTelemetry's names).</param>
    internal static Activity? StartStoreWrite(string operation, string system) =>
        Source.HasListeners() ? Source.StartActivity($"store {operation}", ActivityKind.Client)?.SetTag("db.system.name", system).SetTag("db.operation.name", operation) : null;

    internal static void StoreWriteEnded(string operation, TimeSpan elapsed, bool failed)
    {
        if (StoreWrite.Enabled)
        {
            StoreWrite.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("db.operation.name", operation),
                new KeyValuePair<string, object?>("error.type", failed ? "store" : null));
        }
    }
}
