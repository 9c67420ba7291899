using Copilot.Api.Boundaries;
using Copilot.Api.Drafts.Offline;
using Copilot.Api.Knowledge;
using Copilot.Api.Languages;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Tests.Offline;

/// <summary>An offline draft opens with an apology when the customer's unanswered messages are angry or say they had to write again.</summary>
public sealed class OfflineDraftApologyTests
{
    private static readonly LanguageDetector Detector = new();
    private static readonly CompiledRuleSet Rules = CompiledRuleSet.Compile(BoundaryRule.Defaults);

    private static readonly KnowledgeHit FlickerArticle = new(SourceKind.Article, "4400013", "Fix a flickering bulb",
        "https://lumora.zendesk.com/hc/en-us/articles/4400013",
        "Lumora bulbs need a normal on/off switch, so a traditional wall dimmer makes them flicker; set the dimmer to 100% or replace it. " +
        "To update, go to Settings > Devices > your bulb > Firmware and tap Check for updates.",
        7.2, "en-us");

    private static readonly KnowledgeHit SorryMacro = new(SourceKind.Macro, "900002", "Troubleshooting::Flickering bulb", null,
        "Hi {{ticket.requester.first_name}},\n\nThanks for letting us know about the flickering, and sorry for the hassle.\n\n" +
        "Please set the wall dimmer to 100% or replace it with a standard switch, then update the bulb firmware.\n\nBest regards,\n{{current_user.first_name}}",
        6.4, null);

    private static DraftText Draft(HelpdeskThread thread, params KnowledgeHit[] sources) =>
        OfflineDrafts.Draft(OfflineDrafts.Input(thread, sources) with { Apology = Apologies.Of(thread, Rules.Evaluate(thread)) });

    [Fact]
    public void AnAngryCustomerIsAnsweredWithAnApologyBeforeTheArticle()
    {
        var thread = new Threads("Bulb flickering").FromCustomer(
            "This is ridiculous!! My new bulb flickers every time I dim it and it is absolutely unacceptable for the price. How do I stop the flickering?").Build();

        var draft = Draft(thread, FlickerArticle);

        Assert.Equal(DraftKind.Answer, draft.Kind);
        Assert.StartsWith("Hi Emily,\n\nThanks for your message. I'm sorry for the frustration this has caused. Here is what our help article says", draft.Text);
        Assert.True(Sendability.Check(draft.Text, "en", Detector).Sendable, draft.Text);
    }

    [Fact]
    public void ACustomerWhoWroteAgainHearsItAndACalmOneDoesNot()
    {
        var again = new Threads("Bulb flickering").FromCustomer("This is the third time I write about this. My bulb flickers when I dim it. How do I fix it?").Build();
        var calm = new Threads("Bulb flickering").FromCustomer("My bulb flickers when I dim it. How do I fix it?").Build();

        Assert.Contains("Thanks for your message. I'm sorry you've had to contact us about this again. Here is", Draft(again, FlickerArticle).Text);
        Assert.DoesNotContain("sorry", Draft(calm, FlickerArticle).Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AnAngerTheAgentHasAnsweredIsNotApologisedForAgain()
    {
        var thread = new Threads("Bulb flickering")
            .FromCustomer("This is ridiculous!! My bulb flickers and it is unacceptable.")
            .FromAgent("I'm sorry about that. Could you tell me whether the bulb is on a dimmer switch?")
            .FromCustomer("Yes, it is on a dimmer. How do I stop the flickering?")
            .Build();

        Assert.Contains(Rules.Evaluate(thread), w => w.Kind == BoundaryRule.KindAnger);
        Assert.Equal(Apology.None, Apologies.Of(thread, Rules.Evaluate(thread)));
        Assert.DoesNotContain("sorry", Draft(thread, FlickerArticle).Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AMacroThatApologisesGetsNoSecondApology()
    {
        var thread = new Threads("Bulb flickering").FromCustomer("This is ridiculous!! My bulb flickers when I dim it, it is unacceptable. How do I stop the flickering?").Build();

        var text = Draft(thread, SorryMacro).Text;

        Assert.Equal(1, text.Split("sorry", StringSplitOptions.None).Length - 1);
        Assert.DoesNotContain("frustration", text);
    }

    [Fact]
    public void AHoldingReplyInTheCustomersLanguageApologisesFirst()
    {
        var thread = new Threads("Bridge offline", requester: "Carlos Mendes", locale: "pt")
            .FromCustomer("É a terceira vez que escrevo sobre isto. Todas as manhãs a Bridge aparece offline na app e não consigo controlar as luzes. Já reiniciei a Bridge e o router cinco vezes.")
            .Build();

        var draft = Draft(thread);

        Assert.Equal(DraftKind.Holding, draft.Kind);
        Assert.StartsWith("Olá Carlos,\n\nObrigado pela sua mensagem. Lamento que tenha tido de nos contactar novamente por causa disto. ", draft.Text);
        Assert.True(Sendability.Check(draft.Text, "pt", Detector).Sendable, draft.Text);
    }

    [Theory]
    [InlineData("My bulb flickers when I dim it. Fix this or I will take my business elsewhere.")]
    [InlineData("Turned it on and the bridge connected. BUT now the app says 2 of the 3 bulbs are unreachable?? I'm losing patience here.")]
    [InlineData("Die Lampe flackert immer noch. Meine Geduld ist am Ende.")]
    [InlineData("Ok, atualizei agora, diz 3.4.1. Vamos ver amanhã. Mas porque é que ninguém me disse isto da primeira vez?")]
    [InlineData("It works after the update, but why was I not told about it the first time?")]
    [InlineData("Warum hat mir das niemand gesagt?")]
    [InlineData("Pourquoi personne ne m'a prévenu ?")]
    [InlineData("¿Por qué nadie me avisó antes?")]
    [InlineData("Waarom heeft niemand me dat verteld?")]
    [InlineData("Perché nessuno mi ha detto niente?")]
    public void OnePhraseOfFrustrationIsEnoughForAnApologyThoughNotForTheAngerRule(string text)
    {
        var thread = new Threads("Bulb").FromCustomer(text).Build();

        Assert.DoesNotContain(Rules.Evaluate(thread), w => w.Kind == BoundaryRule.KindAnger);
        Assert.Equal(Apology.ForTheTrouble, Apologies.Of(thread, Rules.Evaluate(thread)));
    }
}
