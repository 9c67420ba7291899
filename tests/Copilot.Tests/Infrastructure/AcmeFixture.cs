using System.Net.Http.Json;
using Copilot.Fakes.Zendesk;

namespace Copilot.Tests.Infrastructure;

/// <summary>
/// The copilot host with tenant "acme" on a fake Zendesk holding the Lumora Home sample
/// account, its knowledge synced once. Shared by a test class: tests pick different tickets.
/// </summary>
public sealed class AcmeFixture : IAsyncLifetime
{
    public FakeZendesk Zendesk { get; private set; } = null!;
    public CopilotTestHost Host { get; private set; } = null!;
    public HttpClient Client => Host.Client;

    public async Task InitializeAsync()
    {
        Zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        Host = await CopilotTestHost.StartAsync(Zendesk, new Dictionary<string, string?>
        {
            // Small retry delays keep fault tests quick; the policy is the same.
            ["Copilot:Zendesk:BaseDelay"] = "00:00:00.010",
            ["Copilot:Zendesk:MaxRetryAfter"] = "00:00:02",
        });
        using var sync = CopilotTestHost.Admin(HttpMethod.Post, $"/api/admin/tenants/{CopilotTestHost.TenantId}/sync?full=true");
        using var response = await Client.SendAsync(sync);
        response.EnsureSuccessStatusCode();
        Zendesk.ClearRequests();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Zendesk.DisposeAsync();
    }

    public async Task<T> GetJsonAsync<T>(string path)
    {
        using var response = await Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, path));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
