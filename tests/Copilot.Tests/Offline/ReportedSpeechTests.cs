using Copilot.Api.Threads;


namespace Copilot.Tests.Offline;

public sealed class ReportedSpeechTests
{
    [Theory]
    [InlineData("I can't log in to my account since Monday.", "they can't log in to their account since Monday.")]
    [InlineData("I was charged twice and I'm not happy.", "they were charged twice and they're not happy.")]
    [InlineData("Can you tell me why my order is late?", "asks why their order is late.")]
    [InlineData("Your app deleted my playlists.", "our app deleted their playlists.")]
    [InlineData("The Lumora bulb in her lamp was extremely hot.", "the Lumora bulb in her lamp was extremely hot.")]
    public void TheCustomersWordsAreRetoldInTheThirdPerson(string sentence, string expected)
    {
        Assert.Equal(expected, ReportedSpeech.Retell(sentence));
    }

    [Theory]
    [InlineData("Could you DM us your account's email address?", "asked them to DM us their account's email address.")]
    [InlineData("Please restart your router and let me know.", "asked them to restart their router and let us know.")]
    [InlineData("What type of phone do you use?", "asked what type of phone they use.")]
    [InlineData("Are you on the 0815 departure from Paddington?", "asked whether they are on the 0815 departure from Paddington.")]
    [InlineData("I've passed this on to our developers.", "said we've passed this on to our developers.")]
    [InlineData("We'll send you a replacement.", "said we'll send them a replacement.")]
    [InlineData("Please reply with your order number and I'll start the replacement.", "asked them to reply with their order number and we'll start the replacement.")]
    [InlineData("The tracking hasn't moved, so I've opened an investigation. I'll keep you posted.", "said the tracking hasn't moved, so we've opened an investigation. We'll keep them posted.")]
    [InlineData("A new Glow bulb will be sent within 2 business days.", "said a new Glow bulb will be sent within 2 business days.")]
    [InlineData("Apple Home connects through Matter.", "said Apple Home connects through Matter.")]
    [InlineData("The Bridges and strips are below the 25-unit threshold.", "said the Bridges and strips are below the 25-unit threshold.")]
    [InlineData("Tap Enable to use and sign in with your Lumora email and new password.", "asked them to tap Enable to use and sign in with their Lumora email and new password.")]
    [InlineData("Hold the reset pin on the back for 15 seconds", "asked them to hold the reset pin on the back for 15 seconds.")]
    [InlineData("Check is not needed for pass refunds.", "said check is not needed for pass refunds.")]
    [InlineData("Set the Bridge up again under your own Lumora account.", "asked them to set the Bridge up again under their own Lumora account.")]
    [InlineData("Please do check that the subscription shows as cancelled.", "asked them to check that the subscription shows as cancelled.")]
    [InlineData("A 2.4 GHz-only network: many mesh apps have an \"IoT network\" option.", "suggested a 2.4 GHz-only network: many mesh apps have an \"IoT network\" option.")]
    [InlineData("Ethernet: most mesh nodes have a LAN port.", "suggested ethernet: most mesh nodes have a LAN port.")]
    [InlineData("Note: your settings are kept.", "said their settings are kept.")]
    [InlineData("Here is the fix: your Bridge needs firmware 3.4.1.", "said here is the fix: their Bridge needs firmware 3.4.1.")]
    [InlineData("Yes: you can pause an Annual pass once a year.", "said yes: they can pause an Annual pass once a year.")]
    public void AnAgentsSentenceSaysWhatTheAgentDid(string sentence, string expected)
    {
        Assert.Equal(expected, ReportedSpeech.AgentAct(sentence));
    }
}
