using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Benchmarks.Assist;
using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Zendesk;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Benchmarks.Knowledge;

/// <summary>
/// Cold assists on two real hosts over the same fake Zendesk, one with the built-in embedding model and
/// one with keyword search only, alternating ticket by ticket so both see the same machine load.
/// </summary>
internal static class ColdAssist
{
    public sealed record Result(List<double> Keywords, List<double> Embeddings, double CallsPerAssist);

    public static async Task<Result> CompareAsync(int rounds)
    {
        await using var zendesk = await AssistBenchmark.StartZendeskAsync();
        var folders = new[] { Directory.CreateTempSubdirectory("copilot-bench-").FullName, Directory.CreateTempSubdirectory("copilot-bench-").FullName };
        var (withModel, withModelHttp) = await AssistBenchmark.StartHostAsync(zendesk, folders[0], 4,
            new Dictionary<string, string?> { ["Copilot:Knowledge:OfflineEmbeddings"] = "true" });
        var (keywordsOnly, keywordsHttp) = await AssistBenchmark.StartHostAsync(zendesk, folders[1], 4,
            new Dictionary<string, string?> { ["Copilot:Knowledge:OfflineEmbeddings"] = "false" });
        try
        {
            await WaitForEmbeddingsAsync(withModelHttp);
            var helpdesk = withModel.Services.GetRequiredService<IHelpdeskClientFactory>()
                .Create(new HelpdeskConnection("zendesk", zendesk.BaseUrl, zendesk.Data.Email, zendesk.Data.ApiToken));
            var tickets = zendesk.Data.Tickets.Select(t => t.Id).ToArray();
            // One round over every ticket first, as on servers up a while: their code compiled and connections open.
            foreach (var id in tickets)
            {
                await AssistBenchmark.GetAsync(withModelHttp, $"/api/tickets/{id}/assist?refresh=true");
                await AssistBenchmark.GetAsync(keywordsHttp, $"/api/tickets/{id}/assist?refresh=true");
            }
            zendesk.ClearRequests();
            var keywords = new List<double>();
            var embeddings = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var id in tickets)
                {
                    keywords.Add(await OverheadAsync(helpdesk, keywordsHttp, id));
                    embeddings.Add(await OverheadAsync(helpdesk, withModelHttp, id));
                }
            }
            return new Result(keywords, embeddings, zendesk.Requests.Count / (double)(keywords.Count + embeddings.Count) / 2);
        }
        finally
        {
            withModelHttp.Dispose();
            keywordsHttp.Dispose();
            await withModel.DisposeAsync();
            await keywordsOnly.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var folder in folders)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The assist's time minus the same two helpdesk calls made directly just before it.</summary>
    private static async Task<double> OverheadAsync(IHelpdeskClient helpdesk, HttpClient http, long ticket)
    {
        var fetch = Stopwatch.GetTimestamp();
        await helpdesk.GetThreadAsync(ticket, CancellationToken.None);
        var fetchMs = Stopwatch.GetElapsedTime(fetch).TotalMilliseconds;
        var assist = Stopwatch.GetTimestamp();
        await AssistBenchmark.GetAsync(http, $"/api/tickets/{ticket}/assist?refresh=true");
        return Stopwatch.GetElapsedTime(assist).TotalMilliseconds - fetchMs;
    }

    internal static async Task WaitForEmbeddingsAsync(HttpClient http)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/tenants/{AssistBenchmark.BenchTenant}");
            request.Headers.Add("X-Admin-Key", "bench-admin-key");
            using var response = await http.SendAsync(request);
            var embeddings = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("embeddings");
            var (passages, embedded) = (embeddings.GetProperty("passages").GetInt64(), embeddings.GetProperty("embedded").GetInt64());
            Console.WriteLine($"cold assist host: {embedded} of {passages} passages embedded");
            if (passages > 0 && embedded == passages)
            {
                return;
            }
            await Task.Delay(1000);
        }
    }
}
