using Copilot.Api.Rewrite;

namespace Copilot.Tests.Rewrite;

public sealed class RewriteLostTests
{
    private const string Original =
        "Write to anna.b@example.com about order LUM-2026-48213 ({{ticket.id}}), run `hub --reset` and see https://help.lumora.example/hc/reset for the 1000 lux mode.";

    [Fact]
    public void EverySpanTheRewriteDroppedIsNamed()
    {
        var lost = RewritePrompt.Lost(Original, "Please reset the hub and write to us.", translated: false);

        Assert.Equal(["anna.b@example.com", "LUM-2026-48213", "{{ticket.id}}", "`hub --reset`", "https://help.lumora.example/hc/reset", "1000"], lost);
    }

    [Fact]
    public void ATranslationMayWriteNumbersItsOwnWayButKeepsIdsLinksAddressesAndPlaceholders()
    {
        var lost = RewritePrompt.Lost(Original, "Schreiben Sie an anna.b@example.com wegen {{ticket.id}}: `hub --reset`, https://help.lumora.example/hc/reset, 1.000 Lux.", translated: true);

        Assert.Equal(["LUM-2026-48213"], lost);
    }

    [Fact]
    public void ASpanKeptOnceIsKeptEvenWhenARepeatedSentenceWent()
    {
        Assert.Empty(RewritePrompt.Lost("Order 4821 ships today. Order 4821 ships today.", "Order 4821 ships today.", translated: false));
    }
}
