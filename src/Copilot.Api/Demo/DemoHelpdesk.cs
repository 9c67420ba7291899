using System.Security.Cryptography;
using System.Text;
using Copilot.Api.Tenants;
using Copilot.Fakes.Freshdesk;
using Copilot.Fakes.Zendesk;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Demo;

/// <summary>
/// Starts the demo accounts — the fake Zendesk with Lumora Home and the fake Freshdesk with Spokewise, on
/// 127.0.0.1 — and registers a tenant for each ("demo", "demo-freshdesk"), before anything else that looks at
/// tenants starts.
/// </summary>
public sealed partial class DemoHelpdesk(TenantRegistry tenants, IOptions<DemoOptions> options, ILogger<DemoHelpdesk> logger) : IHostedService, IAsyncDisposable
{
    private readonly ZendeskDemoAccount _zendesk = new(FakeZendeskData.LoadDemo());
    private readonly FreshdeskDemoAccount _freshdesk = new(FakeFreshdeskData.LoadDemo());

    /// <summary>Every demo account, the Zendesk one first (the preview's default).</summary>
    public IReadOnlyList<DemoAccount> Accounts => [_zendesk, _freshdesk];

    public bool Running { get; private set; }

    /// <summary>The fake Zendesk (for tests and the preview's signed loads); null until it runs.</summary>
    public FakeZendesk? Zendesk => _zendesk.Fake;

    /// <summary>The fake Freshdesk; null until it runs.</summary>
    public FakeFreshdesk? Freshdesk => _freshdesk.Fake;

    /// <summary>
    /// The accounts whose tenant this process registered and the registry still holds: a configured tenant that happens
    /// to have a demo's id is a real helpdesk account and never counts.
    /// </summary>
    public IEnumerable<DemoAccount> RunningAccounts =>
        Accounts.Where(a => a.Tenant is { } tenant && ReferenceEquals(tenants.Find(tenant.Id), tenant));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var account in Accounts)
        {
            var tenant = await account.StartAsync(cancellationToken);
            tenant.SharedSecret = SecretFor(account.TenantId);
            tenant.WebhookSecret = options.Value.WebhookSecret;
            tenant.SyncIntervalMinutes = 5;
            tenant.Intents = [.. account.Intents.Names];
            tenant.IntentExamples = account.Intents.Examples();
            account.Tenant = tenants.Add(account.TenantId, tenant);
            DemoLog.Running(logger, account.Helpdesk.Name, account.Company, account.Tickets.Count, account.Articles);
        }
        Running = true;
    }

    /// <summary>Derived from the configured secret and the tenant id, so each demo tenant has its own and keeps it across restarts.</summary>
    private string SecretFor(string tenantId) => options.Value.SharedSecret is { } configured
        ? Convert.ToBase64String(HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(configured), 32, salt: [], info: Encoding.UTF8.GetBytes("copilot demo tenant " + tenantId)))
        : Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var account in Accounts)
        {
            await account.DisposeAsync();
        }
    }

    private static partial class DemoLog
    {
        [LoggerMessage(EventId = 4610, Level = LogLevel.Information, Message = "Demo {Helpdesk} '{Company}' is running with {Tickets} tickets and {Articles} articles; open /preview to try the sidebar")]
        public static partial void Running(ILogger logger, string helpdesk, string company, int tickets, int articles);
    }
}
