using System.Security.Cryptography;
using Copilot.Api.Tenants;
using Copilot.Fakes.Zendesk;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Demo;

/// <summary>
/// Starts the fake Zendesk with the Lumora Home sample account on 127.0.0.1 and registers the
/// "demo" tenant against it, before anything else that looks at tenants starts.
/// </summary>
public sealed class DemoHelpdesk(TenantRegistry tenants, IOptions<DemoOptions> options, ILogger<DemoHelpdesk> logger) : IHostedService, IAsyncDisposable
{
    private FakeZendesk? _zendesk;

    public bool Running => _zendesk is not null;
    public FakeZendesk? Zendesk => _zendesk;

    /// <summary>The tenant this process registered for its own fake helpdesk; null until it runs.</summary>
    public Tenant? Tenant { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var data = FakeZendeskData.LoadDemo();
        _zendesk = await FakeZendesk.StartAsync(data, cancellationToken);
        Tenant = tenants.Add(DemoOptions.TenantId, new TenantOptions
        {
            Helpdesk = "zendesk",
            BaseUrl = _zendesk.BaseUrl.ToString(),
            Email = data.Email,
            ApiToken = data.ApiToken,
            SharedSecret = options.Value.SharedSecret ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            WebhookSecret = options.Value.WebhookSecret,
            SyncIntervalMinutes = 5,
            Intents = [.. DemoIntents.Names],
            IntentExamples = DemoIntents.Examples(),
        });
        logger.LogInformation("Demo helpdesk '{Company}' is running with {Tickets} tickets and {Articles} articles; open /preview to try the sidebar",
            data.Company.Name, data.Tickets.Count, data.Articles.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_zendesk is not null)
        {
            await _zendesk.DisposeAsync();
        }
    }
}
