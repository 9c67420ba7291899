namespace Copilot.Api.Telemetry;

public enum ConsoleLogFormat
{
    Simple,
    Json,
}

/// <summary>
/// The <c>Copilot:Telemetry</c> section. Traces and metrics go out by OTLP when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c> and the other
/// standard variables); otherwise they are recorded for nobody and nothing leaves the machine.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Copilot:Telemetry";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary><c>simple</c> (human-readable lines) or <c>json</c> (one JSON object per line, with trace ids, for log collectors).</summary>
    public ConsoleLogFormat ConsoleLogFormat { get; set; } = ConsoleLogFormat.Simple;
}
