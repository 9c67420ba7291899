using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Copilot.Fakes.Zendesk;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Benchmarks.Assist;

/// <summary>
/// A cached assist on a second instance: instance A works out every ticket (its knowledge synced), then instance B —
/// started afresh each round on the same store and Redis, so its memory holds nothing — opens every ticket once (each
/// read from Redis, the cache's second level) and again (each from its memory, the first level). One client, so the
/// figures are the per-request path. Needs <c>redis-server</c> (Debian's package) unless <c>--redis host:port</c> names one.
/// <c>dotnet run -c Release --project benchmarks/Copilot.Benchmarks -- assist-redis [--rounds 5] [--redis host:port] [--out docs/benchmarks.md]</c>
/// </summary>
public static class SharedCacheBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var outPath = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "docs/benchmarks.md";
        var rounds = int.Parse(args.SkipWhile(a => a != "--rounds").Skip(1).FirstOrDefault() ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        var given = args.SkipWhile(a => a != "--redis").Skip(1).FirstOrDefault();

        var directory = Directory.CreateTempSubdirectory("copilot-bench-").FullName;
        using var redis = given is null ? await LocalRedis.StartAsync(directory) : null;
        var extra = new Dictionary<string, string?> { ["Copilot:Redis:Configuration"] = given ?? redis!.Configuration };
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        var (a, httpA) = await AssistBenchmark.StartHostAsync(zendesk, directory, 1, extra);
        var fromRedis = new List<double>();
        var fromMemory = new List<double>();
        try
        {
            var tickets = zendesk.Data.Tickets.Select(t => t.Id).ToArray();
            foreach (var id in tickets)
            {
                await AssistBenchmark.GetAsync(httpA, $"/api/tickets/{id}/assist");
            }
            var calls = zendesk.Requests.Count;
            for (var round = 0; round < rounds; round++)
            {
                var (b, httpB) = await AssistBenchmark.StartHostAsync(zendesk, directory, 1, extra, syncKnowledge: false);
                try
                {
                    await WaitForRedisAsync(b);
                    foreach (var pass in new[] { fromRedis, fromMemory })
                    {
                        foreach (var id in tickets)
                        {
                            var started = Stopwatch.GetTimestamp();
                            await AssistBenchmark.GetAsync(httpB, $"/api/tickets/{id}/assist");
                            pass.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        }
                    }
                }
                finally
                {
                    httpB.Dispose();
                    await b.StopAsync();
                    await b.DisposeAsync();
                }
            }
            var helpdeskCallsOnB = zendesk.Requests.Count - calls;

            var report = new StringBuilder()
                .AppendLine("## Cached assist on a second instance")
                .AppendLine()
                .AppendLine($"Command: `dotnet run -c Release --project benchmarks/Copilot.Benchmarks -- assist-redis --rounds {rounds}` ({DateTime.UtcNow:yyyy-MM-dd}).")
                .AppendLine($"Machine: {BenchmarkReport.MachineInfo()}; load average {BenchmarkReport.LoadAverage()}.")
                .AppendLine($"Two hosts on one SQLite file and one local `redis-server`; A worked out the {tickets.Length} tickets, then B, started afresh")
                .AppendLine($"each of {rounds} rounds, opened each ticket twice with one client (fresh proxy-signed token per request).")
                .AppendLine()
                .AppendLine("| measure | p50 | p95 | p99 |")
                .AppendLine("|---|---|---|---|")
                .AppendLine($"| first open on B: from Redis (second level) (ms) | {P(fromRedis, 50):F2} | {P(fromRedis, 95):F2} | {P(fromRedis, 99):F2} |")
                .AppendLine($"| reopen on B: from its memory (first level) (ms) | {P(fromMemory, 50):F2} | {P(fromMemory, 95):F2} | {P(fromMemory, 99):F2} |")
                .AppendLine()
                .AppendLine($"- Helpdesk calls made by B: {helpdeskCallsOnB} (every open was served from the cache).");
            Console.WriteLine(report);
            await BenchmarkReport.WriteSectionAsync(outPath, "assist-redis", report.ToString());
            return 0;
        }
        finally
        {
            httpA.Dispose();
            await a.StopAsync();
            await a.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task WaitForRedisAsync(WebApplication app)
    {
        var redis = app.Services.GetRequiredService<Copilot.Api.Redis.SharedRedis>();
        var giveUp = Stopwatch.StartNew();
        while (!redis.Available)
        {
            if (giveUp.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new InvalidOperationException("The second instance did not connect to Redis.");
            }
            await Task.Delay(10);
        }
    }

    private static double P(IReadOnlyCollection<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    /// <summary>A <c>redis-server</c> of the benchmark's own on a free loopback port, keeping nothing on disk.</summary>
    private sealed class LocalRedis(Process process, int port) : IDisposable
    {
        public string Configuration => $"127.0.0.1:{port}";

        public static async Task<LocalRedis> StartAsync(string directory)
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            var start = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true };
            foreach (var arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory })
            {
                start.ArgumentList.Add(arg);
            }
            var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
            process.BeginOutputReadLine();
            for (var i = 0; i < 500; i++)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    return new LocalRedis(process, port);
                }
                catch (SocketException)
                {
                    await Task.Delay(20);
                }
            }
            process.Kill();
            throw new InvalidOperationException("redis-server did not answer.");
        }

        public void Dispose()
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
        }
    }
}
