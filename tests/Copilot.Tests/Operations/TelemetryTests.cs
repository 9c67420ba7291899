using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Api.Telemetry;
using Copilot.Tests.Infrastructure;
using Copilot.Tests.ModelFeatures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Copilot.Tests.Operations;

/// <summary>
/// Traces and metrics of real requests, caught by in-memory exporters: no collector, no network beyond
/// the fakes on 127.0.0.1. Activity sources are process-wide, so assertions look for this host's work.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly LockedList<Activity> _spans = new();
    private readonly LockedList<Metric> _metrics = new();
    private OperationsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await OperationsHost.StartAsync(new() { ["Copilot:Telemetry:ConsoleLogFormat"] = "json" }, withModel: true, b => b.WithServices(s =>
        {
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans));
            s.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(_metrics));
        }));
        _host.Model!.Responder = ModelReplies.Cooperative;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RequestsHelpdeskCallsModelCallsAndStoreWritesAreTracedAndCounted()
    {
        using var assist = await _host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist"));
        assist.EnsureSuccessStatusCode();
        var summaryId = await AssistDisplay.SummaryIdAsync(_host.Client, await assist.Content.ReadFromJsonAsync<JsonElement>());
        using var rewrite = await _host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, "/api/rewrite",
            JsonContent.Create(new { action = "more-formal", text = "Thanks!! We'll fix it ASAP." })));
        rewrite.EnsureSuccessStatusCode();
        using var feedback = await _host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Post, $"/api/suggestions/{summaryId}/feedback",
            JsonContent.Create(new { eventId = Guid.NewGuid().ToString("N"), outcome = "accepted" })));
        Assert.Equal(HttpStatusCode.Created, feedback.StatusCode);

        _host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        _host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var spans = _spans.Snapshot();

        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && s.GetTagItem("http.route") as string == "/api/tickets/{id:long}/assist");
        Assert.Contains(spans, s => s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http"
            && (s.GetTagItem("url.full") as string ?? "").StartsWith(_host.Zendesk.BaseUrl.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));
        Assert.Contains(spans, s => s.Source.Name == CopilotTelemetry.Name && s.DisplayName == "store SuggestionStore.AddAsync");
        var modelCalls = spans.Where(s => s.Source.Name == CopilotTelemetry.ModelsName && s.GetTagItem("gen_ai.request.model") as string == OperationsHost.ChatModel).ToList();
        Assert.NotEmpty(modelCalls);
        Assert.All(modelCalls, call =>
        {
            Assert.True(Convert.ToInt64(call.GetTagItem("gen_ai.usage.input_tokens"), System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.True(Convert.ToInt64(call.GetTagItem("gen_ai.usage.output_tokens"), System.Globalization.CultureInfo.InvariantCulture) > 0);
        });
        Assert.DoesNotContain(spans, s => s.GetTagItem("gen_ai.input.messages") is not null);
        Assert.DoesNotContain(spans, s => s.Kind == ActivityKind.Server && (s.GetTagItem("url.path") as string ?? "").StartsWith("/health", StringComparison.Ordinal));

        var metrics = _metrics.Snapshot();
        Assert.True(Sum(metrics, "copilot.suggestions.shown", ("copilot.tenant", "acme"), ("copilot.suggestion.kind", "summary")) >= 1);
        Assert.True(Sum(metrics, "copilot.feedback.recorded", ("copilot.tenant", "acme"), ("copilot.feedback.outcome", "accepted")) >= 1);
        Assert.Contains(metrics, m => m.Name == "gen_ai.client.token.usage");
        Assert.Contains(metrics, m => m.Name == "copilot.store.write.duration");
        Assert.Contains(metrics, m => m.Name == "http.server.request.duration");
        Assert.Contains(metrics, m => m.Name == "http.client.request.duration");
    }

    [Fact]
    public void TheJsonSwitchMakesConsoleLogsJson()
    {
        Assert.Equal(ConsoleFormatterNames.Json, _host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        var formatter = _host.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
        var scopes = new LoggerExternalScopeProvider();
        using var output = new StringWriter();

        using (scopes.Push(new Dictionary<string, object> { ["TraceId"] = "4bf92f3577b34da6a3ce929d0e0e4736" }))
        {
            formatter.Write(new LogEntry<string>(LogLevel.Information, "Copilot.Test", new EventId(7), "Assist served", null, (s, _) => s), scopes, output);
        }

        var line = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("Assist served", line.GetProperty("Message").GetString());
        Assert.Equal("Information", line.GetProperty("LogLevel").GetString());
        Assert.EndsWith("Z", line.GetProperty("Timestamp").GetString(), StringComparison.Ordinal);
        Assert.Contains("4bf92f3577b34da6a3ce929d0e0e4736", line.GetProperty("Scopes").GetRawText());
    }

    private static long Sum(List<Metric> metrics, string name, params (string Key, string Value)[] tags)
    {
        long total = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var pointTags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    pointTags[tag.Key] = tag.Value;
                }
                if (tags.All(t => Equals(pointTags.GetValueOrDefault(t.Key), t.Value)))
                {
                    total += point.GetSumLong();
                }
            }
        }
        return total;
    }
}

/// <summary>The exporters add from whichever thread ends a span, this host's or another test's.</summary>
internal sealed class LockedList<T> : ICollection<T>
{
    private readonly List<T> _items = [];

    public int Count { get { lock (_items) { return _items.Count; } } }
    public bool IsReadOnly => false;
    public List<T> Snapshot() { lock (_items) { return [.. _items]; } }
    public void Add(T item) { lock (_items) { _items.Add(item); } }
    public void Clear() { lock (_items) { _items.Clear(); } }
    public bool Contains(T item) { lock (_items) { return _items.Contains(item); } }
    public void CopyTo(T[] array, int arrayIndex) { lock (_items) { _items.CopyTo(array, arrayIndex); } }
    public bool Remove(T item) { lock (_items) { return _items.Remove(item); } }
    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
