using System.Text;
using Copilot.Connectors.Helpdesk;
using Copilot.Connectors.Zendesk;
using static Copilot.Tests.Connectors.ZendeskTestData;

namespace Copilot.Tests.Connectors;

public sealed class ZendeskAuthTests
{
    [Fact]
    public void ApiTokenBecomesBasicEmailSlashTokenHeader()
    {
        var header = ZendeskAuth.Header(new HelpdeskConnection("zendesk", new Uri("https://x.zendesk.com"), Email: "a@b.example", ApiToken: "s3cret"));

        Assert.Equal("Basic", header.Scheme);
        Assert.Equal("a@b.example/token:s3cret", Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter!)));
    }

    [Fact]
    public void OAuthTokenBecomesBearerHeader()
    {
        var header = ZendeskAuth.Header(new HelpdeskConnection("zendesk", new Uri("https://x.zendesk.com"), OAuthToken: "oauth-1"));

        Assert.Equal("Bearer oauth-1", header.ToString());
    }

    [Fact]
    public void ConnectionWithoutCredentialsIsRefused()
    {
        Assert.Throws<ArgumentException>(() => ZendeskAuth.Header(new HelpdeskConnection("zendesk", new Uri("https://x.zendesk.com"), Email: "a@b.example")));
    }

    [Theory]
    [InlineData(false, "Basic ")]
    [InlineData(true, "Bearer ")]
    public async Task FakeZendeskAcceptsBothCredentialKinds(bool oauth, string scheme)
    {
        await using var zd = await ZendeskHarness.StartAsync(Build(), oauth: oauth);

        var thread = await zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None);

        Assert.NotNull(thread);
        Assert.All(zd.Fake.Requests, r => Assert.StartsWith(scheme, r.Authorization));
    }

    [Fact]
    public async Task WrongTokenFailsWith401AndZendeskMessage()
    {
        var data = Build();
        await using var zd = await ZendeskHarness.StartAsync(data);
        data.ApiToken = "rotated";

        var error = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("Couldn't authenticate you", error.Message);
        Assert.Single(zd.Fake.Requests);
    }

    [Fact]
    public async Task CallsAreLoggedAtDebugWithoutCredentialsOrBodies()
    {
        var data = Build();
        await using var zd = await ZendeskHarness.StartAsync(data);

        await zd.Client.GetThreadAsync(TypicalTicket, CancellationToken.None);

        var calls = zd.Logs.Entries.Where(e => e.Event.Id == Copilot.Connectors.Helpdesk.HelpdeskLogEvents.Call).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, c.Level));
        Assert.Equal("/api/v2/tickets/100", calls[0].Values["Path"]);
        Assert.Equal(200, calls[0].Values["Status"]);
        Assert.DoesNotContain(zd.Logs.Entries, e => e.Message.Contains(data.ApiToken) || e.Message.Contains("amber"));
    }

    [Fact]
    public void FactoryPicksTheConnectorByKindAndRefusesUnknownHelpdesksAndPlainHttpOffLoopback()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Copilot.Connectors.ConnectorServiceCollectionExtensions.AddHelpdeskConnectors(services);
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var factory = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IHelpdeskClientFactory>(provider);
        var zendesk = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ZendeskClientFactory>(provider);

        Assert.Throws<ArgumentException>(() => factory.Create(new HelpdeskConnection("helpscout", new Uri("https://x.helpscout.example"), ApiKey: "k")));
        Assert.Throws<ArgumentException>(() => zendesk.Create(new HelpdeskConnection("freshdesk", new Uri("https://x.freshdesk.com"), ApiKey: "k")));
        Assert.Throws<ArgumentException>(() => factory.Create(new HelpdeskConnection("zendesk", new Uri("http://x.zendesk.com"), "a@b.example", "t")));
        Assert.Equal("zendesk", factory.Create(new HelpdeskConnection("zendesk", new Uri("https://x.zendesk.com"), "a@b.example", "t")).Kind);
        Assert.Equal("freshdesk", factory.Create(new HelpdeskConnection("freshdesk", new Uri("https://x.freshdesk.com"), ApiKey: "k")).Kind);
    }
}
