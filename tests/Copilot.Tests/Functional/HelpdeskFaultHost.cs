using System.Text.Json;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Copilot.Tests.Functional;

/// <summary>
/// A host of its own per test (breakers and back-offs outlive requests, so tests must not share one),
/// on a fake Zendesk with the Lumora Home account and a fake clock.
/// </summary>
internal sealed class HelpdeskFaultHost(FakeZendesk zendesk, CopilotTestHost host, FakeTimeProvider time) : IAsyncDisposable
{
    public FakeZendesk Zendesk => zendesk;
    public CopilotTestHost Host => host;
    public FakeTimeProvider Time => time;

    public static async Task<HelpdeskFaultHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var time = FakeClock.AtNow();
        var zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        var config = new Dictionary<string, string?>
        {
            // Retries wait no backoff, so only Retry-After, deadlines and breakers are on the fake clock.
            ["Copilot:Zendesk:BaseDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }
        try
        {
            var host = await CopilotTestHost.StartAsync(zendesk, config, b => b.WithClock(time));
            return new HelpdeskFaultHost(zendesk, host, time);
        }
        catch
        {
            await zendesk.DisposeAsync();
            throw;
        }
    }

    public Task<HttpResponseMessage> AssistAsync(long ticket, bool refresh = false) =>
        Host.Client.SendAsync(CopilotTestHost.Sidebar(HttpMethod.Get, $"/api/tickets/{ticket}/assist" + (refresh ? "?refresh=true" : "")));

    /// <summary>Calls the fake Zendesk has had, in all.</summary>
    public int Calls => Zendesk.Requests.Count;

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        // Polly lets a pipeline go only once its executions in flight have ended, polling on the host's clock:
        // a read still held or backing off at the end of a test needs the fake clock to keep moving meanwhile.
        var disposing = Host.DisposeAsync().AsTask();
        await Time.AdvanceUntilAsync(disposing, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        await disposing;
        await Zendesk.DisposeAsync();
    }
}
