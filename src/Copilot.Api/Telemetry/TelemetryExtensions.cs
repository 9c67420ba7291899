using Copilot.Api.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Copilot.Api.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry traces and metrics (ASP.NET Core, HttpClient, the store, model calls with their
    /// tokens, suggestions shown and feedback recorded), exported by OTLP only when configured; the
    /// console log format.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<TelemetryOptions>(TelemetryOptions.Section);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, OtlpEndpointValidator>());
        AddConsoleFormat(builder);

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "copilot"))
            .WithTracing(tracing => tracing
                .AddSource(CopilotTelemetry.Name, CopilotTelemetry.ModelsName)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(CopilotTelemetry.Name, CopilotTelemetry.ModelsName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration[TelemetryOptions.OtlpEndpointKey]))
        {
            // Reads the standard OTEL_EXPORTER_OTLP_* settings (endpoint, protocol, headers) from configuration.
            otel.UseOtlpExporter();
        }
        return builder;
    }

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/healthz");

    private static void AddConsoleFormat(WebApplicationBuilder builder)
    {
        // Read leniently: the console logger is set up while the host is built, before the start-up check
        // reports a malformed value by key.
        builder.Services.AddOptions<ConsoleLoggerOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            if (Enum.TryParse<ConsoleLogFormat>(configuration[$"{TelemetryOptions.Section}:{nameof(TelemetryOptions.ConsoleLogFormat)}"], ignoreCase: true, out var format)
                && format == ConsoleLogFormat.Json)
            {
                o.FormatterName = ConsoleFormatterNames.Json;
            }
        });
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true; // the request's TraceId and SpanId, to join logs to traces
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
    }

    private sealed class OtlpEndpointValidator(IConfiguration configuration) : IValidateOptions<TelemetryOptions>
    {
        public ValidateOptionsResult Validate(string? name, TelemetryOptions options) =>
            configuration[TelemetryOptions.OtlpEndpointKey] is { Length: > 0 } endpoint
            && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                ? ValidateOptionsResult.Fail($"{TelemetryOptions.OtlpEndpointKey} must be an absolute http(s) URL such as http://collector:4317 (was '{endpoint}').")
                : ValidateOptionsResult.Success;
    }
}
