using Copilot.Connectors.Freshdesk;
using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Freshdesk;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Connectors;

/// <summary>A running fake Freshdesk and a client wired through the real DI registration, with short delays.</summary>
internal sealed class FreshdeskHarness : IAsyncDisposable
{
    private FreshdeskHarness(FakeFreshdesk fake, ServiceProvider services, LogCapture logs)
    {
        Fake = fake;
        Services = services;
        Logs = logs;
        Client = services.GetRequiredService<FreshdeskClientFactory>().For(Connection);
    }

    public FakeFreshdesk Fake { get; }
    public ServiceProvider Services { get; }
    public LogCapture Logs { get; }
    public FreshdeskClient Client { get; }
    public HelpdeskConnection Connection => new("freshdesk", Fake.BaseUrl, ApiKey: Fake.Data.ApiKey);
    public IHelpdeskDirectory Directory => Services.GetRequiredService<IHelpdeskDirectory>();

    /// <param name="time">The clock of both the fake's rate-limit windows and the connector.</param>
    public static async Task<FreshdeskHarness> StartAsync(FakeFreshdeskData data, Action<FreshdeskClientOptions>? configure = null, TimeProvider? time = null)
    {
        var fake = await FakeFreshdesk.StartAsync(data, time);
        try
        {
            var logs = new LogCapture();
            return new FreshdeskHarness(fake, ZendeskHarness.Connectors(logs, time: time, freshdesk: configure), logs);
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }
    }

    /// <summary>Requests the fake saw whose path starts with <paramref name="prefix"/>.</summary>
    public int Calls(string prefix) => Fake.Requests.Count(r => r.Path.StartsWith(prefix, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
