using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Copilot.Api.Sidebar;
using Copilot.Api.Tenants;
using Copilot.Fakes.Freshdesk;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.BothHelpdesks;

/// <summary>
/// One real host serving two tenants — "lumora" on a fake Zendesk with the Lumora Home account and "spokes" on a fake
/// Freshdesk with the Spokewise account — each tenant's knowledge synced once. The suite's test bodies run once per
/// helpdesk against it (<see cref="Cases"/>), calling as each helpdesk's sidebar does.
/// </summary>
public sealed class BothHelpdesksFixture : IAsyncLifetime
{
    public const string AdminKey = "both-helpdesks-admin-key-0123456789";

    private readonly Func<BothHelpdesksFixture, TestHostBuilder, TestHostBuilder>? _configure;

    public BothHelpdesksFixture()
    {
    }

    /// <param name="configure">More settings for the host, given the cases (whose fakes run, and may be changed before the host reads them).</param>
    internal BothHelpdesksFixture(Func<BothHelpdesksFixture, TestHostBuilder, TestHostBuilder> configure) => _configure = configure;

    private FakeZendesk _zendesk = null!;
    private FakeFreshdesk _freshdesk = null!;
    private TestApp _app = null!;

    public HttpClient Client { get; private set; } = null!;
    public IServiceProvider Services => _app.Services;
    public string DatabasePath => _app.DatabasePath;
    public IReadOnlyDictionary<string, HelpdeskCase> Cases { get; private set; } = null!;

    public static TheoryData<string> Helpdesks => new() { "zendesk", "freshdesk" };

    public HelpdeskCase this[string kind] => Cases[kind];

    /// <summary>The fake Zendesk's account, for tests that change it before the host reads it.</summary>
    internal FakeZendeskData ZendeskData => _zendesk.Data;

    public async Task InitializeAsync()
    {
        _zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        _freshdesk = await FakeFreshdesk.StartAsync(FakeFreshdeskData.LoadDemo());
        var zendesk = HelpdeskCase.For(_zendesk);
        var freshdesk = HelpdeskCase.For(_freshdesk);
        Cases = new Dictionary<string, HelpdeskCase> { [zendesk.Kind] = zendesk, [freshdesk.Kind] = freshdesk };
        var host = Configure(new TestHostBuilder(), _zendesk, _freshdesk, zendesk, freshdesk);
        _app = await (_configure?.Invoke(this, host) ?? host).StartAsync();
        Client = _app.CreateClient();
        foreach (var c in Cases.Values)
        {
            using var sync = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/tenants/{c.TenantId}/sync?full=true");
            sync.Headers.Add("X-Admin-Key", AdminKey);
            using var response = await Client.SendAsync(sync);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>The host's settings for both tenants (also used by tests that need a host of their own).</summary>
    internal static TestHostBuilder Configure(TestHostBuilder host, FakeZendesk zendesk, FakeFreshdesk freshdesk, HelpdeskCase z, HelpdeskCase f) => host
        .WithAdminKey(AdminKey)
        .With("Copilot:Demo:Enabled", "false")
        .WithTenant(z.TenantId, zendesk.BaseUrl, z.SharedSecret, zendesk.Data.Email, zendesk.Data.ApiToken, z.WebhookSecret)
        .WithFreshdeskTenant(f.TenantId, freshdesk.BaseUrl, freshdesk.Data.ApiKey, f.SharedSecret, f.WebhookSecret)
        .With($"Sidebar:Tenants:{f.TenantId}:TeamLeadRoleIds:0", HelpdeskCase.SpokewiseTeamLeadRole.ToString(CultureInfo.InvariantCulture))
        // Small retry delays keep fault tests quick; the policy is the same.
        .With("Copilot:Zendesk:BaseDelay", "00:00:00.010")
        .With("Copilot:Freshdesk:BaseDelay", "00:00:00.010");

    /// <summary>
    /// A request as the helpdesk's sidebar sends it for its agent (or its team lead): on Zendesk with the session the
    /// signed load started (the role as the helpdesk gives it), on Freshdesk as Freshworks' proxy fills the app's request
    /// template (the backend checks the agent and takes the role from Freshdesk).
    /// </summary>
    public HttpRequestMessage Request(HelpdeskCase c, HttpMethod method, string path, object? body = null, bool asLead = false)
    {
        var content = body is null ? null : JsonContent.Create(body);
        var (id, name) = asLead ? c.Lead : c.Agent;
        if (!c.SignsAgentLoads)
        {
            return CopilotTestHost.FreshworksApp(method, path, long.Parse(id, CultureInfo.InvariantCulture), content, c.TenantId, c.SharedSecret);
        }
        var request = new HttpRequestMessage(method, path) { Content = content };
        var tenant = Services.GetRequiredService<TenantRegistry>().Find(c.TenantId)!;
        var (session, _) = Services.GetRequiredService<SessionTokens>().Issue(tenant, id, name, asLead ? AgentRoles.Admin : AgentRoles.Agent,
            Services.GetRequiredService<TimeProvider>().GetUtcNow());
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", session);
        return request;
    }

    public async Task<(System.Net.HttpStatusCode Status, JsonElement Body)> SendAsync(HelpdeskCase c, HttpMethod method, string path, object? body = null, bool asLead = false)
    {
        using var request = Request(c, method, path, body, asLead);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public Task<long> ScalarAsync(string sql) => _app.ScalarAsync(sql);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await _zendesk.DisposeAsync();
        await _freshdesk.DisposeAsync();
    }
}
