using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Copilot.Api.Ask;
using Copilot.Api.Languages;
using Copilot.Benchmarks.Models;
using Copilot.Fakes.OpenAI;
using Copilot.Fakes.Zendesk;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Benchmarks.Ask;

/// <summary>
/// The ask over HTTP on the real host. Offline: each question asked whole (<c>POST …/ask</c>, JSON), paired with the
/// same retrieval called in the process just before it (the same service, query and language), so what the ask adds
/// beyond retrieval — reading the question, the whole sources' sentences, scoring, recording, HTTP — is the difference.
/// With the fake model: the fake's own time to first token (a direct streaming call), then a streamed ask timed to its
/// first text delta; the overhead is the second minus the first (the fake answers at once, calling no tool).
/// <c>--iterations N</c> (default 200) per part; <c>--out</c> where the section is written (docs/benchmarks.md).
/// </summary>
public static class AskBenchmark
{
    private static readonly string[] Questions =
    [
        "How long do customers have to return hardware they bought in the web shop?",
        "What refund do we give when a customer cancels the yearly Lumora Plus plan?",
        "Can a customer use the bulbs without a Bridge?",
        "Is water damage covered by the warranty?",
        "How do I reset a bulb to factory settings?",
        "Why does a light show as unreachable in the app?",
    ];

    private static readonly long[] Tickets = [126, 127, 128, 131, 132, 134];

    public static async Task<int> RunAsync(string[] args)
    {
        var outPath = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "docs/benchmarks.md";
        var iterations = args.SkipWhile(a => a != "--iterations").Skip(1).FirstOrDefault() is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 200;
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        var (offlineTotal, retrievalOnly, beyond) = await OfflineAsync(zendesk, iterations);
        var (fakeTtft, firstDelta, overhead) = await StreamedAsync(zendesk, iterations);

        var report = new StringBuilder()
            .AppendLine("## Ask")
            .AppendLine()
            .AppendLine($"Command: `dotnet run -c Release --project benchmarks/Copilot.Benchmarks -- ask` ({DateTime.UtcNow:yyyy-MM-dd}).")
            .AppendLine($"Machine: {BenchmarkReport.MachineInfo()}; load average {BenchmarkReport.LoadAverage()}.")
            .AppendLine($"The real host over HTTP on 127.0.0.1, the fake Zendesk with the Lumora Home data, {Questions.Length} questions over {Tickets.Length} tickets, {iterations} asks per part after warm-up.")
            .AppendLine()
            .AppendLine("| measure | p50 | p95 | p99 | target |")
            .AppendLine("|---|---|---|---|---|")
            .AppendLine(Row("offline ask, whole request (ms)", offlineTotal, ""))
            .AppendLine(Row("the same retrieval alone, in the process (ms)", retrievalOnly, ""))
            .AppendLine(Row("offline ask beyond retrieval (ms)", beyond, "p95 ≤ 50 ms"))
            .AppendLine(Row("fake model's own time to first token (ms)", fakeTtft, ""))
            .AppendLine(Row("streamed ask with the fake model: request to first text delta (ms)", firstDelta, ""))
            .AppendLine(Row("first delta minus the fake's own first token (ms)", overhead, "p95 ≤ 20 ms"));
        Console.WriteLine(report);
        await BenchmarkReport.WriteSectionAsync(outPath, "ask", report.ToString());
        return 0;
    }

    private static string Row(string name, IReadOnlyList<double> ms, string target) =>
        $"| {name} | {Percentiles.Of(ms, 50):F2} | {Percentiles.Of(ms, 95):F2} | {Percentiles.Of(ms, 99):F2} | {target} |";

    private static async Task<(List<double> Total, List<double> Retrieval, List<double> Beyond)> OfflineAsync(FakeZendesk zendesk, int iterations)
    {
        var directory = Directory.CreateTempSubdirectory("copilot-bench-").FullName;
        var (app, http) = await Assist.AssistBenchmark.StartHostAsync(zendesk, directory, 1, NoLimits);
        try
        {
            var retrieval = app.Services.GetRequiredService<AskRetrieval>();
            var languages = app.Services.GetRequiredService<ILanguageDetector>();
            var session = Session(app);
            var (total, alone, beyond) = (new List<double>(), new List<double>(), new List<double>());
            for (var i = 0; i < iterations + 12; i++)
            {
                var (ticket, question) = (Tickets[i % Tickets.Length], Questions[i % Questions.Length]);
                var started = Stopwatch.GetTimestamp();
                await retrieval.FindAsync(Assist.AssistBenchmark.BenchTenant, question, languages.Detect(question).Code, ticket, CancellationToken.None);
                var retrievalMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                started = Stopwatch.GetTimestamp();
                using (var response = await http.SendAsync(Ask(ticket, question, session, stream: false)))
                {
                    response.EnsureSuccessStatusCode();
                    await response.Content.LoadIntoBufferAsync();
                }
                var askMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (i >= 12)
                {
                    (total, alone, beyond) = (Add(total, askMs), Add(alone, retrievalMs), Add(beyond, askMs - retrievalMs));
                }
            }
            return (total, alone, beyond);
        }
        finally
        {
            await StopAsync(app, http, directory);
        }
    }

    private static async Task<(List<double> Fake, List<double> FirstDelta, List<double> Overhead)> StreamedAsync(FakeZendesk zendesk, int iterations)
    {
        await using var model = await FakeOpenAI.StartAsync();
        model.Responder = r => r.ResponseFormat is not null
            ? new FakeChatReply("""{"customerWants":"To know about the return.","tried":"Nothing yet.","status":"New.","nextStep":"Answer."}""")
            : new FakeChatReply("Hardware bought in the web shop can be returned within 30 days of delivery [1].");
        const string tenant = Assist.AssistBenchmark.BenchTenant;
        var settings = new Dictionary<string, string?>(NoLimits)
        {
            [$"Copilot:Tenants:{tenant}:Model:Provider"] = "openai-compatible",
            [$"Copilot:Tenants:{tenant}:Model:Endpoint"] = model.OpenAIEndpoint.ToString(),
            [$"Copilot:Tenants:{tenant}:Model:ApiKey"] = "sk-bench",
            [$"Copilot:Tenants:{tenant}:Model:ChatModel"] = "bench-model",
        };
        var directory = Directory.CreateTempSubdirectory("copilot-bench-").FullName;
        var (app, http) = await Assist.AssistBenchmark.StartHostAsync(zendesk, directory, 1, settings);
        try
        {
            var session = Session(app);
            using var direct = new HttpClient();
            var (fake, firstDelta, overhead) = (new List<double>(), new List<double>(), new List<double>());
            for (var i = 0; i < iterations + 12; i++)
            {
                var own = await StreamBenchmark.DirectTtftAsync(direct, model, "sk-bench");
                var delta = await FirstDeltaAsync(http, Ask(Tickets[i % Tickets.Length], Questions[i % Questions.Length], session, stream: true));
                if (i >= 12)
                {
                    (fake, firstDelta, overhead) = (Add(fake, own), Add(firstDelta, delta), Add(overhead, delta - own));
                }
            }
            return (fake, firstDelta, overhead);
        }
        finally
        {
            await StopAsync(app, http, directory);
        }
    }

    private static async Task<double> FirstDeltaAsync(HttpClient http, HttpRequestMessage request)
    {
        var started = Stopwatch.GetTimestamp();
        using (request)
        using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            double? delta = null;
            while (await reader.ReadLineAsync() is { } line)
            {
                delta ??= line == "event: delta" ? Stopwatch.GetElapsedTime(started).TotalMilliseconds : null;
            }
            return delta ?? throw new InvalidOperationException("The ask streamed no text.");
        }
    }

    /// <summary>The benchmark asks far more often than an agent may: the per-agent window would refuse it.</summary>
    private static readonly Dictionary<string, string?> NoLimits = new() { ["Copilot:RateLimits:Enabled"] = "false" };

    private static string Session(WebApplication app)
    {
        var tenant = app.Services.GetRequiredService<Copilot.Api.Tenants.TenantRegistry>().Find(Assist.AssistBenchmark.BenchTenant)!;
        return app.Services.GetRequiredService<Copilot.Api.Sidebar.SessionTokens>().Issue(tenant, "2001", "Bench Agent", "agent", DateTimeOffset.UtcNow).Token;
    }

    private static HttpRequestMessage Ask(long ticket, string question, string session, bool stream)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{ticket}/ask") { Content = JsonContent.Create(new { question }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session);
        request.Headers.Accept.ParseAdd(stream ? "text/event-stream" : "application/json");
        return request;
    }

    private static List<double> Add(List<double> list, double value)
    {
        list.Add(value);
        return list;
    }

    private static async Task StopAsync(WebApplication app, HttpClient http, string directory)
    {
        http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
