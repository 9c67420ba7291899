using Copilot.Fakes.Freshdesk;
using Copilot.Tests.Infrastructure;
using Copilot.Tests.ModelFeatures;

namespace Copilot.Tests.Webhooks;

/// <summary>
/// The real host with the Spokewise demo account on a fake Freshdesk as tenant "spokes" (with a webhook secret),
/// a Freshdesk tenant without one ("quiet"), and a Zendesk tenant ("acme") whose webhook secret is the same as
/// spokes' — so a refusal on the wrong route is the helpdesk's doing, not the secret's. Every log entry is kept.
/// </summary>
public sealed class FreshdeskWebhookFixture : IAsyncLifetime
{
    public const string Tenant = "spokes";
    public const string QuietTenant = "quiet";
    public const string ZendeskTenant = "acme";
    public const string Secret = "spokes-webhook-secret-7f3a9c1e5b";
    public const string SharedSecret = "spokes-shared-secret-0123456789-abcdefghij-0123456789";

    public FakeFreshdesk Freshdesk { get; private set; } = null!;
    public TestApp Host { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        Freshdesk = await FakeFreshdesk.StartAsync(FakeFreshdeskData.LoadDemo());
        Host = await new TestHostBuilder()
            .With("Copilot:Demo:Enabled", "false")
            .With("Logging:LogLevel:Default", "Trace")
            .WithLogging(Logs)
            .WithFreshdeskTenant(Tenant, Freshdesk.BaseUrl, Freshdesk.Data.ApiKey, SharedSecret, Secret)
            .WithFreshdeskTenant(QuietTenant, Freshdesk.BaseUrl, Freshdesk.Data.ApiKey, SharedSecret + "-quiet")
            .With($"Copilot:Tenants:{ZendeskTenant}:Helpdesk", "zendesk")
            .WithTenant(ZendeskTenant, new Uri("http://127.0.0.1:9"), SharedSecret + "-acme", webhookSecret: Secret)
            .StartAsync();
        Client = Host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Freshdesk.DisposeAsync();
    }

    public Task<long> CountAsync(string sql) => Host.ScalarAsync(sql);

    public async Task<HttpResponseMessage> SendAsync(string tenant, string body, string? secret = Secret)
    {
        using var request = FreshdeskDelivery.Request(tenant, body, secret);
        return await Client.SendAsync(request);
    }
}
