using Copilot.Connectors.Freshdesk;
using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Freshdesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Copilot.Tests.Connectors;

/// <summary>A running fake Freshdesk and a client wired through the real DI registration, with short delays.</summary>
internal sealed class FreshdeskHarness : IAsyncDisposable
{
    /// <summary>The connector's log event for a hold: the copilot has spent its share of the account's rate limit.</summary>
    private const int BudgetSpent = HelpdeskLogEvents.BudgetSpent;

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

    /// <summary>
    /// Moves the clock only while the connector is held by its budget (its log says so), until <paramref name="work"/>
    /// ends; returns the time moved. The fake and the connector must run on <paramref name="time"/>.
    /// </summary>
    public async Task<TimeSpan> RunWhileHeldAsync(FakeTimeProvider time, Task work)
    {
        var moved = TimeSpan.Zero;
        int Holds() => Logs.Entries.Count(e => e.Event.Id == BudgetSpent);
        var seen = 0;
        while (true)
        {
            await FakeClock.WaitForAsync(() => work.IsCompleted || Holds() > seen, "a hold or the end of the read");
            if (work.IsCompleted)
            {
                return moved;
            }
            seen = Holds();
            var calls = Fake.Requests.Count;
            moved += await time.AdvanceUntilAsync(() => work.IsCompleted || Fake.Requests.Count > calls, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2));
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
