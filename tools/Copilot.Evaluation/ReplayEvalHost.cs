extern alias api;

using Copilot.Api.Replays;
using Copilot.Api.Replays.Report;
using Copilot.Api.Replays.Sources;
using Copilot.Api.Knowledge;
using Copilot.Api.Tenants;
using Copilot.Fakes.Zendesk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Evaluation;

/// <summary>
/// The real Copilot host (offline provider, temporary SQLite file) with one tenant on a fake Zendesk holding the given
/// data, its knowledge synced once; replays run in it as <c>copilot replay</c> runs them.
/// </summary>
public sealed class ReplayEvalHost : IAsyncDisposable
{
    public const string Tenant = "eval";
    private readonly FakeZendesk _zendesk;
    private readonly WebApplication _app;
    private readonly string _folder;

    private ReplayEvalHost(FakeZendesk zendesk, WebApplication app, string folder) => (_zendesk, _app, _folder) = (zendesk, app, folder);

    /// <param name="examples">Example requests per intent, as an admin configures them (the demo's own).</param>
    public static async Task<ReplayEvalHost> StartAsync(FakeZendeskData data, IReadOnlyList<string> intents, IReadOnlyDictionary<string, List<string>>? examples = null)
    {
        var zendesk = await FakeZendesk.StartAsync(data);
        var folder = Directory.CreateTempSubdirectory("copilot-eval-replay-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["Copilot:Store:Path"] = Path.Combine(folder, "copilot.db"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Copilot:Demo:Enabled"] = "false",
            [$"Copilot:Tenants:{Tenant}:Helpdesk"] = "zendesk",
            [$"Copilot:Tenants:{Tenant}:BaseUrl"] = zendesk.BaseUrl.ToString(),
            [$"Copilot:Tenants:{Tenant}:Email"] = data.Email,
            [$"Copilot:Tenants:{Tenant}:ApiToken"] = data.ApiToken,
            [$"Copilot:Tenants:{Tenant}:SharedSecret"] = "evaluation-shared-secret-0123456789-abcdefghij-0123456789",
            [$"Copilot:Tenants:{Tenant}:SyncIntervalMinutes"] = "0",
        };
        for (var i = 0; i < intents.Count; i++)
        {
            config[$"Copilot:Tenants:{Tenant}:Intents:{i}"] = intents[i];
        }
        foreach (var (intent, lines) in examples ?? new Dictionary<string, List<string>>())
        {
            for (var i = 0; i < lines.Count; i++)
            {
                config[$"Copilot:Tenants:{Tenant}:IntentExamples:{intent}:{i}"] = lines[i];
            }
        }
        var app = api::Program.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(config);
        });
        await app.StartAsync();
        var host = new ReplayEvalHost(zendesk, app, folder);
        var tenant = app.Services.GetRequiredService<TenantRegistry>().Find(Tenant)!;
        await app.Services.GetRequiredService<KnowledgeSync>().RunAsync(tenant, full: true, CancellationToken.None);
        await Indexing.WaitForVectorsAsync(app.Services, Tenant);
        return host;
    }

    /// <summary>A whole run, then its report.</summary>
    public async Task<ReplayReport> ReplayAsync(ReplayRequest request, IReadOnlyList<ReplayCandidate>? lines)
    {
        var services = _app.Services;
        var tenant = services.GetRequiredService<TenantRegistry>().Find(Tenant)!;
        var runner = services.GetRequiredService<ReplayRunner>();
        var id = await runner.CreateAsync(tenant, request, lines, CancellationToken.None);
        var status = await runner.RunAsync(id, null, CancellationToken.None);
        if (status != ReplayStatus.Done)
        {
            throw new InvalidOperationException($"Replay {id} ended {status}.");
        }
        return (await services.GetRequiredService<ReplayReports>().ReportAsync(Tenant, id, CancellationToken.None))!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _zendesk.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
