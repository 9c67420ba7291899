using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Copilot.Api.Knowledge;
using Copilot.Api.Replays;
using Copilot.Api.Replays.Sources;
using Copilot.Api.Tenants;
using Copilot.Fakes.Zendesk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Benchmarks.Replays;

/// <summary>
/// A replay of 1,000 solved tickets offline: the demo account's knowledge synced into the real host, then a JSON Lines
/// file of tickets (the demo's solved threads, repeated under new ids) replayed with the offline provider — no helpdesk
/// call, so the time is the copilot's own. Goal: at most 60 s for 1,000 tickets.
/// <c>dotnet run -c Release --project benchmarks/Copilot.Benchmarks -- replay [--tickets 1000] [--out docs/benchmarks.md]</c>;
/// without <c>--out</c> it only prints (a smoke run).
/// </summary>
public static class ReplayBenchmark
{
    private const string Tenant = "bench";
    public const double GoalSeconds = 60;

    public static async Task<int> RunAsync(string[] args)
    {
        var outPath = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
        var count = int.Parse(args.SkipWhile(a => a != "--tickets").Skip(1).FirstOrDefault() ?? "1000", CultureInfo.InvariantCulture);
        var data = FakeZendeskData.LoadDemo();
        await using var zendesk = await FakeZendesk.StartAsync(data);
        var directory = Directory.CreateTempSubdirectory("copilot-bench-replay-").FullName;
        var app = Program.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Copilot:Store:Path"] = Path.Combine(directory, "copilot.db"),
                ["Logging:LogLevel:Default"] = "Warning",
                ["Copilot:Demo:Enabled"] = "false",
                [$"Copilot:Tenants:{Tenant}:BaseUrl"] = zendesk.BaseUrl.ToString(),
                [$"Copilot:Tenants:{Tenant}:Email"] = data.Email,
                [$"Copilot:Tenants:{Tenant}:ApiToken"] = data.ApiToken,
                [$"Copilot:Tenants:{Tenant}:SharedSecret"] = "bench-shared-secret-0123456789-0123456789-abcdef",
                [$"Copilot:Tenants:{Tenant}:SyncIntervalMinutes"] = "0",
            });
        });
        await app.StartAsync();
        try
        {
            var services = app.Services;
            var tenant = services.GetRequiredService<TenantRegistry>().Find(Tenant)!;
            await services.GetRequiredService<KnowledgeSync>().RunAsync(tenant, full: true, CancellationToken.None);
            var lines = Lines(data, count);
            var runner = services.GetRequiredService<ReplayRunner>();
            var id = await runner.CreateAsync(tenant, new ReplayRequest { Source = ReplaySources.Jsonl }, lines, CancellationToken.None);
            var started = Stopwatch.GetTimestamp();
            var status = await runner.RunAsync(id, null, CancellationToken.None);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var report = (await services.GetRequiredService<ReplayReports>().ReportAsync(Tenant, id, CancellationToken.None))!;
            var table = string.Create(CultureInfo.InvariantCulture,
                $"""
                Machine: {BenchmarkReport.MachineInfo()}; load average {BenchmarkReport.LoadAverage()}.

                | tickets | replayed | status | seconds | tickets/s | ms/ticket | goal (1,000 in ≤ {GoalSeconds:0} s) |
                |---|---|---|---|---|---|---|
                | {count} | {report.Overall.Replayed} | {status} | {seconds:0.0} | {count / seconds:0.0} | {seconds * 1000 / count:0.0} | {(seconds * 1000 / count <= GoalSeconds ? "met" : "missed")} |

                """);
            Console.Write(table);
            if (outPath is not null)
            {
                await BenchmarkReport.WriteSectionAsync(outPath, "replay", table);
            }
            return status == ReplayStatus.Done ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The demo's solved threads as JSONL tickets, repeated under new ids until there are <paramref name="count"/>.</summary>
    private static List<ReplayCandidate> Lines(FakeZendeskData data, int count)
    {
        var agents = data.Users.Where(u => u.Role != "end-user").Select(u => u.Id).ToHashSet();
        var threads = data.Tickets.Where(t => t.Status is "solved" or "closed" && t.Comments.Any(c => agents.Contains(c.AuthorId))).ToList();
        var at = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, count).Select(i =>
        {
            var t = threads[i % threads.Count];
            var id = (900_000 + i).ToString(CultureInfo.InvariantCulture);
            var json = JsonSerializer.Serialize(new
            {
                id, subject = t.Subject, tags = t.Tags, solvedAt = at.AddMinutes(i),
                comments = t.Comments.Where(c => c.AuthorId != -1).Select(c => new
                {
                    author = agents.Contains(c.AuthorId) ? "agent" : "customer",
                    text = FakeTextOf(c.HtmlBody),
                    @public = c.Public,
                }),
            });
            return new ReplayCandidate(id, at.AddMinutes(i), null, null) { Input = json };
        }).ToList();
    }

    private static string FakeTextOf(string html) => Copilot.Connectors.Text.HtmlText.ToText(html);
}
