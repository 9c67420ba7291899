using Copilot.Api.Summaries;
using Copilot.Api.Threads;

namespace Copilot.Tests.Offline;

public sealed class SocialPartsTests
{
    [Theory]
    [InlineData("@123 Could you DM us your username? /MU https://t.co/ldFdZRiNAt", "Could you DM us your username? https://t.co/ldFdZRiNAt")]
    [InlineData("@123 A member of our team will be in touch soon. ^Lisa 2/2", "A member of our team will be in touch soon.")]
    [InlineData("@123 Please return it to the store - Allyn 2/2", "Please return it to the store")]
    [InlineData("@123 We'll log your suggestion for your local store. - Cameron.", "We'll log your suggestion for your local store.")]
    [InlineData("@123 Keep us in the loop 1/2 ^MT", "Keep us in the loop")]
    [InlineData("@123 Does that help? (1/2)", "Does that help?")]
    [InlineData("@123 Please try again #AppreciateYou  *JawedK", "Please try again #AppreciateYou")]
    [InlineData("@123 We are just a tweet away!^In", "We are just a tweet away!")]
    [InlineData("@123 Please send us a Direct Message, so that we can further assist you. -CA", "Please send us a Direct Message, so that we can further assist you.")]
    public void AnAgentsInitialsAndThePartNumberAreDroppedAndLinksStay(string message, string expected)
    {
        Assert.Equal(expected, ThreadText.Clean(message));
    }

    [Theory]
    [InlineData("The dimmer is set to 50% and the app says 1/2 of the lights are on")]
    [InlineData("Please call me on 0161 496 0000 after 5pm")]
    [InlineData("The order ID is LUM-2026-48213 / invoice 4412")]
    [InlineData("The new battery only charges to about 1/2")]
    [InlineData("The screen cracked after 1 1/2")]
    [InlineData("Your parcel has left our warehouse - Shipped")]
    [InlineData("Status of my return - Refunded")]
    [InlineData("My flight goes to the USA")]
    [InlineData("The part number is X-AB")]
    public void TextThatOnlyLooksLikeAMarkStays(string message)
    {
        Assert.Equal(message, ThreadText.Clean(message));
    }

    [Fact]
    public void AReplySentInPartsIsSummarisedAsOneMessage()
    {
        var thread = new Threads("Can't play online")
            .FromCustomer("@XboxSupport I can't get onto multiplayer, it says my account isn't permitted to play online.")
            .FromAgent("@642699 Hey there, can you please DM us with a full description of the issue you  1 ^XS", after: TimeSpan.FromMinutes(5))
            .FromAgent("@642699 are having along with your Gamertag? Please include any error you are seeing. 2 ^XS", after: TimeSpan.FromMinutes(1))
            .Build();

        var summary = new OfflineSummarizer().Summarize(thread, includeInternalNotes: false);

        Assert.Equal("The agent asked them to DM us with a full description of the issue they are having along with their Gamertag.", summary.Tried);
    }

    [Theory]
    [InlineData("@1 There were works on the line. Unfortunately, this did result..1/2", "@1 2/2.. in us cancelling the train. Sorry again.", "There were works on the line. Unfortunately, this did result in us cancelling the train. Sorry again.")]
    [InlineData("@1 1: Thanks. Does logging out help? Please send us the exact...", "@1 2: Android and Spotify versions you are on. /AY", "Thanks. Does logging out help? Please send us the exact Android and Spotify versions you are on.")]
    [InlineData("@1 1/2 Let's work on the DST setting, please follow the steps on this link: https://t.co/Sn9JANmMkr.", "@1 2/2 Select the option to configure daylight saving time.", "Let's work on the DST setting, please follow the steps on this link: https://t.co/Sn9JANmMkr. Select the option to configure daylight saving time.")]
    [InlineData("@1 Hi, you can email our team here or complete the following form: 1/2", "@1 https://t.co/phxUD79cHB ^AW 2/2", "you can email our team here or complete the following form: https://t.co/phxUD79cHB")]
    public void ConsecutivePartsOfOneAuthorAreJoined(string first, string second, string expected)
    {
        var thread = new Threads("Train cancelled").FromCustomer("Why was my train cancelled?").FromAgent(first).FromAgent(second, after: TimeSpan.FromMinutes(1)).Build();

        var joined = SocialParts.Join(thread.Comments);

        Assert.Equal(2, joined.Count);
        Assert.Same(thread.Comments[1], joined[1].Comment);
        Assert.Equal(expected, ThreadText.Clean(joined[1].Text));
    }

    [Fact]
    public void MessagesWithoutMarksAndMessagesOfDifferentAuthorsStayApart()
    {
        var thread = new Threads("Ads")
            .FromCustomer("@SpotifyCares No it did not. Continuous listening.")
            .FromCustomer("@SpotifyCares Also why does my girlfriend's account get fewer ads?", after: TimeSpan.FromMinutes(1))
            .FromAgent("@495535 Did you watch the whole video ad? 1/2", after: TimeSpan.FromMinutes(5))
            .FromCustomer("@SpotifyCares 2/2 yes I did", after: TimeSpan.FromMinutes(1))
            .Build();

        Assert.Equal(4, SocialParts.Join(thread.Comments).Count);
    }
}
