using Copilot.Api.Analytics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Benchmarks.Analytics;

/// <summary>The real host on the benchmark's store, asked for the 90-day summary over HTTP.</summary>
internal static class SummaryOverHttp
{
    public static async Task<AnalyticsBenchmark.Latency> RunAsync(string storePath, AnalyticsPeriod period, int calls, Action beforeEachCall)
    {
        const string adminKey = "benchmark-admin-key-0123456789";
        var app = Program.Build([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Copilot:Store:Path"] = storePath,
                ["Copilot:AdminKey"] = adminKey,
                [$"Copilot:Tenants:{Ingest.Tenant}:BaseUrl"] = "http://127.0.0.1:9",
                [$"Copilot:Tenants:{Ingest.Tenant}:OAuthToken"] = "unused",
                [$"Copilot:Tenants:{Ingest.Tenant}:SharedSecret"] = "benchmark-shared-secret-0123456789abcdef",
                ["Logging:LogLevel:Default"] = "Warning",
            });
        });
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            client.DefaultRequestHeaders.Add("X-Admin-Key", adminKey);
            string[] groups = ["kind", "agent", "intent", "week"];
            var latency = new List<double>();
            for (var i = 0; i < 5 + calls; i++)
            {
                beforeEachCall();
                var sw = System.Diagnostics.Stopwatch.StartNew();
                using var response = await client.GetAsync($"/api/analytics/summary?tenant={Ingest.Tenant}&from={period.FromText}&to={period.ToText}&groupBy={groups[i % 4]}");
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                if (i >= 5)
                {
                    latency.Add(sw.Elapsed.TotalMilliseconds);
                }
            }
            latency.Sort();
            return new AnalyticsBenchmark.Latency(AnalyticsBenchmark.Percentile(latency, 0.5), AnalyticsBenchmark.Percentile(latency, 0.95), latency[^1], double.NaN);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
