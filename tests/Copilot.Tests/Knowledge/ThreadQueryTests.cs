using Copilot.Api.Knowledge;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Tests.Knowledge;

public class ThreadQueryTests
{
    private static readonly HelpdeskUser Customer = new(1, "Dana Reyes", "dana@example.com", AuthorRole.Customer, "en-US");
    private static readonly HelpdeskUser Agent = new(2, "Sam Agent", "sam@example.com", AuthorRole.Agent, "en-US");

    private static HelpdeskThread Thread(string subject, params (HelpdeskUser Author, bool Public, string Text)[] comments) => new(
        new HelpdeskTicket(7, subject, "open", null, Customer, null, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
        comments.Select((c, i) => new HelpdeskComment(i + 1, c.Author, c.Public, c.Text, DateTimeOffset.UnixEpoch.AddMinutes(i))).ToList());

    [Fact]
    public void ALongChatIsSearchedByItsMiddleNotItsGreetingAndThanks()
    {
        var thread = Thread("Chat",
            (Customer, true, "Hello"),
            (Agent, true, "Hi, how can I help you today?"),
            (Customer, true, "My bridge light stays amber and it will not join the wifi network"),
            (Customer, true, "ok"),
            (Customer, true, "username is dreyes42, email is dreyes42@example.com"),
            (Customer, true, "6730536166"),
            (Customer, true, "Thank you!"));

        var query = ThreadQuery.Build(thread, includeInternalNotes: false);

        Assert.Contains("amber", query);
        Assert.DoesNotContain("Hello", query);
        Assert.DoesNotContain("Thank you", query);
        Assert.DoesNotContain("6730536166", query);
        Assert.DoesNotContain("how can I help", query);
    }

    [Fact]
    public void SentencesThatOnlyVentOrAskForAManagerAreNotSearched()
    {
        var thread = Thread("I want to speak to a manager",
            (Customer, true, "This is the worst service I've ever had. Three bikes in a row didn't unlock at Rembrandtplein and I was charged for all three. I want to speak to a manager today, not another agent."));

        var query = ThreadQuery.Build(thread, includeInternalNotes: false);

        Assert.Contains("didn't unlock", query);
        Assert.DoesNotContain("manager", query);
        Assert.DoesNotContain("worst service", query);
    }

    [Theory]
    [InlineData("The bulb in the hallway is broken again, unacceptable!")]
    [InlineData("I want a real person to fix my router, it keeps dropping the wifi.")]
    [InlineData("Ich will sofort einen Mitarbeiter sprechen.")]
    public void AVentingSentenceThatAlsoNamesTheProblemOrIsAllTheCustomerSaidIsKept(string text)
    {
        var query = ThreadQuery.Build(Thread("", (Customer, true, text)), includeInternalNotes: false);

        Assert.Contains(text.TrimEnd('.', '!'), query);
    }

    [Fact]
    public void AGermanRequestForAPersonIsLeftOutBesideTheProblem()
    {
        var thread = Thread("Beschwerde",
            (Customer, true, "Der Akku war nach fünf Minuten leer und ihr berechnet mir den vollen E-Bike-Preis. Das ist eine Frechheit! Ich will sofort einen Mitarbeiter sprechen."));

        var query = ThreadQuery.Build(thread, includeInternalNotes: false);

        Assert.Contains("Akku", query);
        Assert.DoesNotContain("Frechheit", query);
    }

    [Fact]
    public void AShortChatLineThatStartsWithAGreetingStillCounts()
    {
        var query = ThreadQuery.Build(Thread("", (Customer, true, "Hi i ordered the wrong item")), includeInternalNotes: false);

        Assert.Contains("ordered the wrong item", query);
    }

    [Fact]
    public void TheLatestQuestionIsKeptWhenTheThreadIsTooLongToKeepWhole()
    {
        var filler = string.Join(' ', Enumerable.Repeat("The strip under the kitchen cabinets keeps losing its adhesive grip.", 12));
        var thread = Thread("Strip", (Customer, true, filler), (Customer, true, filler), (Customer, true, "Can I get a refund for the strip?"));

        var query = ThreadQuery.Build(thread, includeInternalNotes: false);

        Assert.Contains("refund", query);
        Assert.True(query.Split(' ').Length <= ThreadQuery.MaxWords + 20, query);
    }

    [Fact]
    public void InternalNotesAreSearchedOnlyWhenTheCustomerSaidNothingInformativeAndTheTenantAllowsThem()
    {
        var phoneTicket = Thread("Call", (Customer, true, "Thanks!"), (Agent, false, "Customer called: schedules run one hour late since the clock change"));
        var chattyTicket = Thread("Flicker", (Customer, true, "My hallway bulb flickers at low brightness"), (Agent, false, "Order LUM-1 shipped, return window open"));

        Assert.Contains("schedules", ThreadQuery.Build(phoneTicket, includeInternalNotes: true));
        Assert.DoesNotContain("schedules", ThreadQuery.Build(phoneTicket, includeInternalNotes: false));
        Assert.DoesNotContain("return window", ThreadQuery.Build(chattyTicket, includeInternalNotes: true));
    }

    [Fact]
    public void ANewProblemAfterAnAgentsAnswerLeadsTheQuery()
    {
        var thread = Thread("Bridge STILL won't connect",
            (Customer, true, "My Bridge will not connect to wifi. The light goes solid amber after a minute. I have a mesh system with three nodes."),
            (Agent, true, "Most mesh systems steer devices between bands; turn on the 2.4 GHz-only IoT network in your mesh app."),
            (Customer, true, "Ok. Turned on the IoT network toggle and the bridge connected. BUT now the app says 2 of the 3 bulbs are \"unreachable\"?? I'm losing patience here."));

        var query = ThreadQuery.Build(thread, includeInternalNotes: false);

        Assert.StartsWith("BUT now the app says 2 of the 3 bulbs are \"unreachable\"??", query);
        Assert.Contains("solid amber", query);
    }

    [Theory]
    [InlineData("Fine. Why did this happen though? I don't want to check the app every time.")]
    [InlineData("Thanks, and now it works again.")]
    [InlineData("Now the strip won't turn on at all.")]
    public void AFollowUpLeadsOnlyWhenItTurnsToANewProblemAfterAnAnswer(string followUp)
    {
        var answered = Thread("Hallway bulb flickers",
            (Customer, true, "My hallway bulb flickers at low brightness."),
            (Agent, true, "Please update the bulb's firmware in the app."),
            (Customer, true, followUp));
        var unanswered = Thread("Hallway bulb flickers",
            (Customer, true, "My hallway bulb flickers at low brightness."),
            (Customer, true, followUp));

        var leads = followUp.StartsWith("Now the strip", StringComparison.Ordinal);
        Assert.Equal(leads, ThreadQuery.Build(answered, includeInternalNotes: false).StartsWith(followUp, StringComparison.Ordinal));
        Assert.StartsWith("Hallway bulb flickers", ThreadQuery.Build(unanswered, includeInternalNotes: false));
    }

    [Theory]
    [InlineData("Thank you so much, have a great day!", false)]
    [InlineData("ok", false)]
    [InlineData("6784055291", false)]
    [InlineData("Thanks, but the bridge still blinks red after the reset", true)]
    [InlineData("I need help with a refund", true)]
    public void ATurnIsInformativeWhenItSaysSomethingAboutTheTopic(string turn, bool informative) =>
        Assert.Equal(informative, ThreadQuery.IsInformative(turn));
}
