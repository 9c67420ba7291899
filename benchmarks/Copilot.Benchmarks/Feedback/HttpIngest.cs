using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Copilot.Api.Feedback;
using Copilot.Api.Sidebar;
using Copilot.Api.Tenants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Benchmarks.Feedback;

/// <summary>
/// The real host on 127.0.0.1 with a SQLite file, and clients that post feedback as the sidebar does:
/// <c>POST /api/suggestions/{id}/feedback</c> with an agent's session, each client a different agent.
/// </summary>
public sealed class HttpIngest : IAsyncDisposable
{
    public const string Tenant = "bench";

    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private HttpIngest(WebApplication app, HttpClient http)
    {
        _app = app;
        _http = http;
    }

    public IServiceProvider Services => _app.Services;

    /// <param name="postgres">A PostgreSQL connection string: the host's store is there instead of <paramref name="storePath"/>.</param>
    public static async Task<HttpIngest> StartAsync(string storePath, int maxClients, string? postgres = null)
    {
        var app = Program.Build([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Copilot:Store:Provider"] = postgres is null ? "sqlite" : "postgres",
                ["Copilot:Store:ConnectionString"] = postgres,
                ["Copilot:Store:Path"] = storePath,
                ["Copilot:Demo:Enabled"] = "false",
                [$"Copilot:Tenants:{Tenant}:BaseUrl"] = "http://127.0.0.1:9",
                [$"Copilot:Tenants:{Tenant}:OAuthToken"] = "unused",
                [$"Copilot:Tenants:{Tenant}:SharedSecret"] = "benchmark-shared-secret-0123456789abcdef",
                [$"Copilot:Tenants:{Tenant}:SyncIntervalMinutes"] = "0",
                ["Logging:LogLevel:Default"] = "Warning",
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxClients }) { BaseAddress = new Uri(address) };
        return new HttpIngest(app, http);
    }

    public sealed record Run(int Events, int Acknowledged, IReadOnlyDictionary<HttpStatusCode, int> Other, double Seconds, double P50Ms, double P95Ms, double P99Ms, double MeanBatch, double CpuMsPerEvent);

    /// <summary>Posts every event once, <paramref name="clients"/> at a time; an event counts when it is answered 201.</summary>
    public async Task<Run> PostAsync(IReadOnlyList<IngestEvent> events, int clients)
    {
        var tenant = Services.GetRequiredService<TenantRegistry>().Find(Tenant)!;
        var sessions = Services.GetRequiredService<SessionTokens>();
        var tokens = Enumerable.Range(0, clients)
            .Select(c => sessions.Issue(tenant, $"agent-{c:00}", $"Agent {c}", "agent", DateTimeOffset.UtcNow).Token).ToArray();
        var commits = Services.GetRequiredService<FeedbackStore>().Commits;
        var before = commits.Written;
        var latencies = new double[events.Count];
        var statuses = new HttpStatusCode[events.Count];
        var next = -1;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < events.Count)
            {
                var e = events[i];
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/suggestions/{e.SuggestionId}/feedback")
                {
                    Content = new ByteArrayContent(e.Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[client]);
                var started = Stopwatch.GetTimestamp();
                using var response = await _http.SendAsync(request);
                await response.Content.LoadIntoBufferAsync();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                statuses[i] = response.StatusCode;
            }
        }));
        var seconds = wall.Elapsed.TotalSeconds;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var after = commits.Written;
        var sorted = latencies.Order().ToList();
        return new Run(events.Count, statuses.Count(s => s == HttpStatusCode.Created),
            statuses.Where(s => s != HttpStatusCode.Created).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()),
            seconds, Analytics.AnalyticsBenchmark.Percentile(sorted, 0.50), Analytics.AnalyticsBenchmark.Percentile(sorted, 0.95),
            Analytics.AnalyticsBenchmark.Percentile(sorted, 0.99),
            after.Batches == before.Batches ? 0 : (after.Items - before.Items) / (double)(after.Batches - before.Batches),
            cpu.TotalMilliseconds / events.Count);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
