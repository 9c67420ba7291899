using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Copilot.Fakes.OpenAI;
using Copilot.Fakes.Zendesk;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Copilot.Benchmarks.Models;

/// <summary>
/// The real host on Kestrel with a model-backed tenant on the fake OpenAI server. Per iteration:
/// the fake's own time to first token (a direct streaming call), then a streamed draft through the
/// host, timed to its first byte (the sources event) and to its first text delta at the client.
/// The overhead is the second minus the first. Assists are warmed first, as when an agent opens the
/// sidebar before asking for a draft.
/// </summary>
internal static class StreamBenchmark
{
    private const string Secret = "bench-shared-secret-0123456789-abcdefghij-0123456789";
    private const string Key = "sk-bench";

    public static async Task RunAsync(int iterations)
    {
        await using var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        await using var model = await FakeOpenAI.StartAsync();
        model.Responder = r => r.ResponseFormat is not null
            ? new FakeChatReply("""{"customerWants":"To know about the trial.","tried":"Nothing yet.","status":"New.","nextStep":"Answer."}""")
            : new FakeChatReply("Hi Olivia,\n\nYou can cancel the trial any time before it ends and nothing is charged [1].\n\nBest regards");
        var directory = Directory.CreateTempSubdirectory("copilot-bench-").FullName;
        var app = Program.Build([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Copilot:Store:Path"] = Path.Combine(directory, "copilot.db"),
                ["Copilot:AdminKey"] = "bench-admin-key-0123456789",
                ["Copilot:Demo:Enabled"] = "false",
                ["Copilot:Tenants:acme:BaseUrl"] = zendesk.BaseUrl.ToString(),
                ["Copilot:Tenants:acme:Email"] = zendesk.Data.Email,
                ["Copilot:Tenants:acme:ApiToken"] = zendesk.Data.ApiToken,
                ["Copilot:Tenants:acme:SharedSecret"] = Secret,
                ["Copilot:Tenants:acme:SyncIntervalMinutes"] = "0",
                ["Copilot:Tenants:acme:Model:Provider"] = "openai-compatible",
                ["Copilot:Tenants:acme:Model:Endpoint"] = model.OpenAIEndpoint.ToString(),
                ["Copilot:Tenants:acme:Model:ApiKey"] = Key,
                ["Copilot:Tenants:acme:Model:ChatModel"] = "bench-model",
                ["Logging:LogLevel:Default"] = "Warning",
            });
        });
        await app.StartAsync();
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
            using var client = new HttpClient { BaseAddress = address };
            using var sync = new HttpRequestMessage(HttpMethod.Post, "/api/admin/tenants/acme/sync?full=true");
            sync.Headers.Add("X-Admin-Key", "bench-admin-key-0123456789");
            (await client.SendAsync(sync)).EnsureSuccessStatusCode();
            long[] tickets = [126, 127, 128, 131, 132, 134];
            foreach (var t in tickets)
            {
                (await client.SendAsync(Signed(HttpMethod.Get, $"/api/tickets/{t}/assist"))).EnsureSuccessStatusCode();
            }
            using var direct = new HttpClient();
            var fakeTtft = new List<double>();
            var firstByte = new List<double>();
            var firstDelta = new List<double>();
            var overhead = new List<double>();
            for (var i = 0; i < iterations + 10; i++)
            {
                var own = await DirectTtftAsync(direct, model);
                var (sources, delta) = await DraftAsync(client, tickets[i % tickets.Length]);
                if (i >= 10)
                {
                    fakeTtft.Add(own);
                    firstByte.Add(sources);
                    firstDelta.Add(delta);
                    overhead.Add(delta - own);
                }
            }
            Console.WriteLine(Percentiles.Line("fake model's own time to first token", fakeTtft));
            Console.WriteLine(Percentiles.Line("draft: request to first streamed byte (sources event)", firstByte));
            Console.WriteLine(Percentiles.Line("draft: request to first text delta", firstDelta));
            Console.WriteLine(Percentiles.Line("draft: first delta minus fake's own first token", overhead));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The fake model's own time to its first content chunk: a direct streaming call, no host in between.</summary>
    internal static async Task<double> DirectTtftAsync(HttpClient client, FakeOpenAI model, string key = Key, string chatModel = "bench-model")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(model.OpenAIEndpoint, "chat/completions"))
        {
            Content = new StringContent($$"""{"model":"{{chatModel}}","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Contains("\"content\":\"", StringComparison.Ordinal) && !line.Contains("\"content\":\"\"", StringComparison.Ordinal))
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                await reader.ReadToEndAsync();
                return elapsed;
            }
        }
        throw new InvalidOperationException("The fake sent no content.");
    }

    private static async Task<(double Sources, double Delta)> DraftAsync(HttpClient client, long ticket)
    {
        using var request = Signed(HttpMethod.Post, $"/api/tickets/{ticket}/draft");
        request.Headers.Accept.ParseAdd("text/event-stream");
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        double? sources = null, delta = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line == "event: sources")
            {
                sources ??= Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
            else if (line == "event: delta")
            {
                delta ??= Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
            else if (line == "event: done")
            {
                await reader.ReadToEndAsync();
                break;
            }
        }
        return (sources ?? throw new InvalidOperationException("No sources event."), delta ?? throw new InvalidOperationException("No delta event."));
    }

    private static HttpRequestMessage Signed(HttpMethod method, string path)
    {
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "acme",
            Claims = new Dictionary<string, object> { ["sub"] = "2001", ["jti"] = Guid.NewGuid().ToString("N") },
            IssuedAt = now,
            NotBefore = now.AddSeconds(-5),
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)), SecurityAlgorithms.HmacSha256),
        });
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
