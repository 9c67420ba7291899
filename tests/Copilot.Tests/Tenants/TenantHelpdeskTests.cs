using Copilot.Api.Tenants;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.Options;

namespace Copilot.Tests.Tenants;

/// <summary>A tenant is a Zendesk or a Freshdesk account, each with its own credentials and only those.</summary>
public sealed class TenantHelpdeskTests
{
    private const string Secret = "a-shared-secret-of-at-least-thirty-two-bytes-0123";

    [Fact]
    public void AFreshdeskTenantWithAnApiKeyServesWithItsCapabilities()
    {
        var registry = new TenantRegistry(Options.Create(new CopilotOptions()));

        var tenant = registry.Add("spokes", new TenantOptions
        {
            Helpdesk = "freshdesk", BaseUrl = "https://spokewise.freshdesk.com", ApiKey = "fd-api-key", SharedSecret = Secret,
        });

        Assert.Equal(HelpdeskKinds.Freshdesk, tenant.Connection.Kind);
        Assert.Equal("fd-api-key", tenant.Connection.ApiKey);
        Assert.Same(HelpdeskCapabilities.Freshdesk, tenant.Helpdesk);
        Assert.False(tenant.Helpdesk.SignsAgentLoads);
        Assert.Equal("canned response", tenant.Helpdesk.MacroName);
    }

    [Fact]
    public void AZendeskTenantKeepsItsCapabilities()
    {
        var registry = new TenantRegistry(Options.Create(new CopilotOptions()));

        var tenant = registry.Add("acme", new TenantOptions
        {
            BaseUrl = "https://acme.zendesk.com", Email = "a@acme.test", ApiToken = "t", SharedSecret = Secret,
        });

        Assert.Same(HelpdeskCapabilities.Zendesk, tenant.Helpdesk);
        Assert.True(tenant.Helpdesk.SignsAgentLoads);
    }

    [Theory]
    [InlineData("freshdesk", null, null, null, "Set Copilot:Tenants:t:ApiKey")]
    [InlineData("freshdesk", "k", "agent@x.test", "tok", "are Zendesk credentials; a Freshdesk tenant takes only Copilot:Tenants:t:ApiKey")]
    [InlineData("zendesk", "k", "agent@x.test", "tok", "ApiKey is a Freshdesk credential")]
    [InlineData("zendesk", null, null, null, "Set Copilot:Tenants:t:OAuthToken, or both")]
    [InlineData("Freshdesk", "k", null, null, "must be 'zendesk' or 'freshdesk' (was 'Freshdesk')")]
    public void EachHelpdeskTakesItsOwnCredentialsOnly(string helpdesk, string? apiKey, string? email, string? apiToken, string problem)
    {
        var problems = TenantRegistry.Problems("t", new TenantOptions
        {
            Helpdesk = helpdesk, BaseUrl = "https://x.example.com", ApiKey = apiKey, Email = email, ApiToken = apiToken, SharedSecret = Secret,
        });

        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void AFreshdeskBaseUrlProblemShowsAFreshdeskAddress()
    {
        var problems = TenantRegistry.Problems("t", new TenantOptions { Helpdesk = "freshdesk", BaseUrl = "spokewise.freshdesk.com", ApiKey = "k", SharedSecret = Secret });

        Assert.Contains(problems, p => p.Contains("such as https://yourcompany.freshdesk.com", StringComparison.Ordinal));
    }
}
