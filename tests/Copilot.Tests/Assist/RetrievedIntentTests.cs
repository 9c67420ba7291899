using Copilot.Api.Assist;
using Copilot.Api.Knowledge;

namespace Copilot.Tests.Assist;

public class RetrievedIntentTests
{
    private static KnowledgeHit Macro(string title, double score) => new(SourceKind.Macro, title, title, null, "", score, null);

    [Fact]
    public void TheBestMacrosCategoryIsTheIntent() =>
        Assert.Equal("billing", RetrievedIntent.From([Macro("Shipping::Where is my order", 3), Macro("Billing::Double charge – refund duplicate", 9)], []));

    [Fact]
    public void MultiWordCategoriesBecomeSlugs() =>
        Assert.Equal("account-access", RetrievedIntent.From([Macro("Account Access::Lost 2FA device", 5)], []));

    [Fact]
    public void NoMacroOrNoCategoryIsOther()
    {
        Assert.Equal("other", RetrievedIntent.From([], []));
        Assert.Equal("other", RetrievedIntent.From([Macro("Refund a double charge", 5)], []));
    }

    [Fact]
    public void ATenantsIntentListIsRespected()
    {
        Assert.Equal("Billing", RetrievedIntent.From([Macro("billing::Double charge", 5)], ["Billing", "Shipping"]));
        Assert.Equal("other", RetrievedIntent.From([Macro("Privacy::Data deletion", 5)], ["Billing", "Shipping"]));
    }
}
