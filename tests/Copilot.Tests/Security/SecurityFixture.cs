using Copilot.Fakes.Zendesk;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Security;

/// <summary>
/// The real host with tenants "acme" (with a webhook signing secret) and "other" (without one) on
/// a fake Zendesk holding the sample account. Shared by a test class; the attacks it receives
/// change nothing, which the tests check where it matters.
/// </summary>
public sealed class SecurityFixture : IAsyncLifetime
{
    public FakeZendesk Zendesk { get; private set; } = null!;
    public CopilotTestHost Host { get; private set; } = null!;
    public HttpClient Client => Host.Client;

    public async Task InitializeAsync()
    {
        Zendesk = await FakeZendesk.StartAsync(FakeZendeskData.LoadDemo());
        Host = await CopilotTestHost.StartAsync(Zendesk);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Zendesk.DisposeAsync();
    }
}
