using Copilot.Api.Drafts.Offline;
using Copilot.Api.Languages;


namespace Copilot.Tests.Offline;

public sealed class SendabilityTests
{
    private static readonly LanguageDetector Detector = new();

    private const string Body = "Lumora bulbs need a normal on and off switch, so please set any wall dimmer to full brightness and dim the bulb in the app instead.";

    private static SendabilityVerdict Check(string draft, string language = "en") => Sendability.Check(draft, language, Detector);

    [Fact]
    public void AGreetingAnAnswerAndOneClosingInOneLanguageIsSendable()
    {
        var verdict = Check($"Hi Emily,\n\n{Body}\n\nBest regards,\nPriya");

        Assert.True(verdict.Sendable, string.Join("; ", verdict.Problems));
    }

    [Fact]
    public void ADraftThatStartsAtStepTwoIsNotSendable()
    {
        var verdict = Check($"Hi Emily,\n\n2. {Body}\n3. Restart the app.\n\nBest regards,\nPriya");

        Assert.False(verdict.Sendable);
        Assert.Contains(verdict.Problems, p => p.StartsWith("starts mid-way", StringComparison.Ordinal));
    }

    [Fact]
    public void AnInstructionToAgentsMakesADraftNotSendable()
    {
        var verdict = Check($"Hi Emily,\n\n{Body} Ask the customer how they would like to be refunded.\n\nBest regards,\nPriya");

        Assert.Contains(verdict.Problems, p => p.StartsWith("agent-facing instruction", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{{ticket.requester.first_name}}")]
    [InlineData("[EMAIL_1]")]
    [InlineData("[order number]")]
    [InlineData("[address]")]
    [InlineData("[card number]")]
    [InlineData("[NAME_1]")]
    public void ARawPlaceholderMakesADraftNotSendable(string placeholder)
    {
        var verdict = Check($"Hi Emily,\n\n{Body} We wrote to {placeholder} about it.\n\nBest regards,\nPriya");

        Assert.Contains(verdict.Problems, p => p.StartsWith("raw placeholder", StringComparison.Ordinal));
    }

    [Fact]
    public void AGapMarkedForTheAgentIsNotARawPlaceholder()
    {
        var verdict = Check($"Hi Emily,\n\n{Body} The replacement goes to [fill in: organization name].\n\nBest regards,\nPriya");

        Assert.True(verdict.Sendable, string.Join("; ", verdict.Problems));
    }

    [Fact]
    public void APortugueseGreetingOnAnEnglishBodyIsNotSendable()
    {
        var verdict = Check($"Olá Emily,\n\n{Body}\n\nBest regards,\nPriya", "en");

        Assert.Contains(verdict.Problems, p => p.Contains("greeting or closing not in en", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEnglishBodyInAGermanDraftIsNotSendable()
    {
        var verdict = Check($"Hallo Jonas,\n\n{Body}\n\nViele Grüße\nPriya", "de");

        Assert.Contains(verdict.Problems, p => p.StartsWith("not all in de", StringComparison.Ordinal));
    }

    [Fact]
    public void ADraftWithoutGreetingOrClosingIsNotSendable()
    {
        var verdict = Check(Body);

        Assert.Contains("no greeting", verdict.Problems);
        Assert.Contains("no closing", verdict.Problems);
    }
}
