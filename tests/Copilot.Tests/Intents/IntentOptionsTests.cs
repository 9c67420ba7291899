using Copilot.Api.Tenants;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Copilot.Tests.Intents;

public sealed class IntentOptionsTests
{
    private static TenantOptions Tenant(Action<TenantOptions> change)
    {
        var options = new TenantOptions { BaseUrl = "https://acme.zendesk.com", OAuthToken = "t", SharedSecret = new string('s', 40) };
        change(options);
        return options;
    }

    private static OptionsValidationException Rejected(TenantOptions tenant)
    {
        var options = new CopilotOptions();
        options.Tenants["acme"] = tenant;
        return Assert.Throws<OptionsValidationException>(() => new TenantRegistry(Options.Create(options)));
    }

    [Fact]
    public void ThePlainIntentListAndTheExamplesFormBindTogether()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Intents:0"] = "billing",
            ["Intents:1"] = "shipping",
            ["IntentExamples:billing:0"] = "I was charged twice",
            ["IntentExamples:billing:1"] = "Refund my last payment",
            ["IntentConfidenceFloor"] = "0.7",
        }).Build();

        var options = configuration.Get<TenantOptions>()!;

        Assert.Equal(["billing", "shipping"], options.Intents);
        Assert.Equal(["I was charged twice", "Refund my last payment"], options.IntentExamples["billing"]);
        Assert.Equal(0.7, options.IntentConfidenceFloor);
    }

    [Fact]
    public void ExamplesOfAnIntentThatIsNotListedFailStartUpNamingTheKey()
    {
        var error = Rejected(Tenant(o =>
        {
            o.Intents = ["billing"];
            o.IntentExamples["shipping"] = ["Where is my parcel?"];
        }));

        Assert.Contains("Copilot:Tenants:acme:IntentExamples:shipping", error.Message);
    }

    [Fact]
    public void AConfidenceFloorOutsideZeroToOneFailsStartUp()
    {
        var error = Rejected(Tenant(o => o.IntentConfidenceFloor = 1.5));

        Assert.Contains("Copilot:Tenants:acme:IntentConfidenceFloor", error.Message);
    }
}
