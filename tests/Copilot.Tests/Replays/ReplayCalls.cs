using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Api.Replays;
using Copilot.Api.Replays.Report;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Replays;

/// <summary>The admin API of replays as a test calls it, and a ticket's stored result read from the store.</summary>
internal static class ReplayCalls
{
    public const string Base = $"/api/admin/tenants/{CopilotTestHost.TenantId}/replays";

    public static readonly Dictionary<string, string?> Settings = new()
    {
        [$"Copilot:Tenants:{CopilotTestHost.TenantId}:Intents:0"] = "billing",
        [$"Copilot:Tenants:{CopilotTestHost.TenantId}:Intents:1"] = "setup",
    };

    public static async Task SyncAsync(CopilotTestHost host)
    {
        using var sync = CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true");
        using var response = await host.Client.SendAsync(sync);
        response.EnsureSuccessStatusCode();
    }

    /// <returns>The run's id, once the server accepted it.</returns>
    public static async Task<string> StartAsync(CopilotTestHost host, string path, HttpContent content)
    {
        using var request = CopilotTestHost.Admin(HttpMethod.Post, path, content);
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = await response.Content.ReadFromJsonAsync<ReplayRunDto>(ReplayRun.Json);
        Assert.Equal(response.Headers.Location?.OriginalString, $"{Base}/{run!.Id}");
        return run.Id;
    }

    /// <summary>Polls the run until it has ended (or been cancelled).</summary>
    public static async Task<ReplayRunDto> WaitAsync(CopilotTestHost host, string id, Func<Task>? between = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var run = await GetAsync<ReplayRunDto>(host, $"{Base}/{id}");
            if (run.Status is not (ReplayStatus.Planning or ReplayStatus.Running))
            {
                return run;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Run {id} is still {run.Status} ({run.Done} of {run.Planned}).");
            if (between is not null)
            {
                await between();
            }
            else
            {
                await Task.Delay(50);
            }
        }
    }

    public static async Task<T> GetAsync<T>(CopilotTestHost host, string path)
    {
        using var request = CopilotTestHost.Admin(HttpMethod.Get, path);
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>(ReplayRun.Json))!;
    }

    public static Task<ReplayReport> ReportAsync(CopilotTestHost host, string id) => GetAsync<ReplayReport>(host, $"{Base}/{id}/report");

    public static async Task<TicketResult> ResultAsync(CopilotTestHost host, string run, long ticket) =>
        JsonSerializer.Deserialize<TicketResult>((await host.ScalarTextAsync(
            $"SELECT result_json FROM replay_tickets WHERE run_id = '{run}' AND ticket_id = '{ticket}'"))!, ReplayRun.Json)!;
}
