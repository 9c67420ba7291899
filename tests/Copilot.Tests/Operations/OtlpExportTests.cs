using System.Collections.Concurrent;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace Copilot.Tests.Operations;

/// <summary>With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, traces go to that collector (here a stand-in on 127.0.0.1 speaking OTLP/HTTP).</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task TracesAreExportedToTheConfiguredCollector()
    {
        var received = new ConcurrentQueue<(string Path, string? ContentType, long Length)>();
        var collector = WebApplication.CreateSlimBuilder();
        collector.WebHost.UseUrls("http://127.0.0.1:0");
        collector.Logging.ClearProviders();
        await using var collectorApp = collector.Build();
        collectorApp.MapPost("/v1/{signal}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            received.Enqueue((http.Request.Path, http.Request.ContentType, body.Length));
            return Results.Ok();
        });
        await collectorApp.StartAsync();
        var endpoint = collectorApp.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        await using var host = await CopilotTestHost.StartAsync(zendesk, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });

        using var assist = await host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, "/api/tickets/101/assist"));
        assist.EnsureSuccessStatusCode();
        Assert.True(host.Services.GetRequiredService<TracerProvider>().ForceFlush());

        Assert.Contains(received, r => r.Path == "/v1/traces" && r.ContentType == "application/x-protobuf" && r.Length > 0);
        await collectorApp.StopAsync();
    }
}
