using System.Net;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.Functional;

public class HomeTests
{
    [Fact]
    public async Task WithNoConfigurationTheRootOpensTheDemoPreview()
    {
        await using var app = await new TestHostBuilder().With("Copilot:Demo:SeedAnalytics", "false").StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseUrl };

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/preview", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task WithTenantsConfiguredTheRootDescribesTheApi()
    {
        await using var zendesk = await Copilot.Fakes.Zendesk.FakeZendesk.StartAsync(Copilot.Fakes.Zendesk.FakeZendeskData.LoadDemo());
        await using var host = await CopilotTestHost.StartAsync(zendesk);

        var body = await host.Client.GetStringAsync("/");

        Assert.Contains("/openapi/v1.json", body);
    }
}
