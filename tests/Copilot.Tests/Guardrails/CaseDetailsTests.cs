using Copilot.Api.Privacy;


namespace Copilot.Tests.Guardrails;

public sealed class CaseDetailsTests
{
    private static string Scrub(string text, params string[] people) => CaseDetails.Scrub(text, people).Text;

    [Fact]
    public void TheNamesOfThePeopleOnTheTicketAndAnyoneGreetedAreReplaced()
    {
        var text = Scrub("Hi Albert,\n\nThanks, Albert. Mr Sanders, your parcel is on its way. Greetings from Priya.", "albert sanders", "Priya Natarajan");

        Assert.Equal("Hi [name],\n\nThanks, [name]. Mr [name], your parcel is on its way. Greetings from [name].", text);
    }

    [Theory]
    [InlineData("Dear Mr. Johnson, I'm sorry for the trouble.", "Dear Mr. [name], I'm sorry for the trouble.")]
    [InlineData("Hallo Frau Müller, danke.", "Hallo Frau [name], danke.")]
    [InlineData("Guten Tag Herr Schmidt, wir haben Ihre Bestellung erhalten.", "Guten Tag Herr [name], wir haben Ihre Bestellung erhalten.")]
    [InlineData("Sehr geehrter Herr Dr. Schmidt, danke.", "Sehr geehrter Herr Dr. [name], danke.")]
    [InlineData("Bonjour Mme Martin, merci.", "Bonjour Mme [name], merci.")]
    [InlineData("Hola Sra. García, gracias.", "Hola Sra. [name], gracias.")]
    [InlineData("Hi Emily Stone, your order shipped.", "Hi [name] [name], your order shipped.")]
    [InlineData("Thanks Emily For your patience.", "Thanks [name] For your patience.")]
    [InlineData("Hello John I'm sorry to hear that.", "Hello [name] I'm sorry to hear that.")]
    [InlineData("Dear Sir or Madam, thank you.", "Dear Sir or Madam, thank you.")]
    [InlineData("Sehr geehrte Damen und Herren, vielen Dank.", "Sehr geehrte Damen und Herren, vielen Dank.")]
    [InlineData("Hi Team, please escalate.", "Hi Team, please escalate.")]
    [InlineData("I spoke to Mrs. Patel in billing, and Herr Schmidt called back.", "I spoke to Mrs. [name] in billing, and Herr [name] called back.")]
    [InlineData("M. Dupont a rappelé ; la taille M Slim est en stock.", "M. [name] a rappelé ; la taille M Slim est en stock.")]
    [InlineData("Dr. Whitfield signed it; the mr. rogers quote stays.", "Dr. [name] signed it; the mr. rogers quote stays.")]
    public void AGreetingGivesAwayTheSurnameAfterATitleAndASecondName(string reply, string expected)
    {
        Assert.Equal(expected, Scrub(reply));
    }

    [Fact]
    public void ANameThatIsAlsoACommonWordIsReplacedOnlyWhereItIsCapitalisedInsideASentence()
    {
        var text = Scrub("May I ask for your order? I spoke to May about it.", "May Chen");

        Assert.Equal("May I ask for your order? I spoke to [name] about it.", text);
    }

    [Fact]
    public void AWholeNameIsReplacedWhereverItStandsThoughItOpensWithACommonWord()
    {
        var text = Scrub("Please send it to: Grace Okafor, Flat 3. Grace is fine with a call. grace okafor signed for it.", "Grace Okafor");

        Assert.Equal("Please send it to: [name], Flat 3. Grace is fine with a call. [name] signed for it.", text);
    }

    [Theory]
    [InlineData("Your username is asanders1.", "Your username is [username].")]
    [InlineData("740w0oio3rj is your new password", "[password] is your new password")]
    [InlineData("You're new password is gujl6z7swx4.", "You're new password is [password].")]
    [InlineData("Your reset code: 881204", "Your reset code: [code]")]
    [InlineData("I found the account cminh730 for you.", "I found the account [code] for you.")]
    [InlineData("Please log in with the temporary password Xk7!pq2Lm.", "Please log in with the temporary password [password].")]
    [InlineData("Your code is 1234! It expires soon.", "Your code is [code]! It expires soon.")]
    [InlineData("Your API key sk_live_51HxYzAbCdEf was revoked.", "Your API key [code] was revoked.")]
    [InlineData("Your license key is ABCD-EFGH-1234-5678.", "Your license key is [code].")]
    public void CredentialsGivenInAReplyAreReplaced(string reply, string expected)
    {
        Assert.Equal(expected, Scrub(reply));
    }

    [Theory]
    [InlineData("Your tracking number is 1Z999AA10123456784.", "Your tracking number is [code].")]
    [InlineData("Your booking reference is QX7T2P.", "Your booking reference is [code].")]
    [InlineData("Your voucher WELCOME-7F3K2 is applied.", "Your voucher [code] is applied.")]
    [InlineData("The card ending in 4242 was charged.", "The card ending in [card number] was charged.")]
    [InlineData("The last four digits of your card are 4242.", "The last four digits of your card are [card number].")]
    [InlineData("We saw a sign-in from 81.2.69.160 last night.", "We saw a sign-in from [IP address] last night.")]
    [InlineData("We saw a sign-in from 2a02:c7f:7e26:fb00::1 last night.", "We saw a sign-in from [IP address] last night.")]
    [InlineData("We verified your SSN 123-45-6789 and NI number AB 12 34 56 C.", "We verified your SSN [ID number] and NI number [ID number].")]
    [InlineData("We checked passport number X12345678 for you.", "We checked passport number [ID number] for you.")]
    [InlineData("Your licence plate 7ABC123 and date of birth 12.03.1985 match; the CVV 123 was wrong.", "Your licence plate [ID number] and date of birth [date] match; the CVV [code] was wrong.")]
    public void CodesCardDigitsAndAddressesOfOneCaseAreReplaced(string reply, string expected)
    {
        Assert.Equal(expected, Scrub(reply));
    }

    [Theory]
    [InlineData("Update to firmware 3.4.1.2, then check the GU10 and PAR38 bulbs on 2.4GHz WPA2 Wi-Fi with a 1080P camera.")]
    [InlineData("The password reset link expires; the code expires in 10 minutes, so enter the code within 3 tries.")]
    [InlineData("If you see error code 4012, the pairing timed out.")]
    public void ModelNamesVersionsAndFaultCodesStay(string reply)
    {
        Assert.Equal(reply, Scrub(reply));
    }

    [Fact]
    public void OrderNumbersAmountsDatesEmailsAndPhonesAreReplaced()
    {
        var text = Scrub("I've refunded $54.99 for order 3348917502 (LUM-2026-48213) on 6 November 2026; write to cminh730@email.com or call (977) 625-2661.");

        Assert.Equal("I've refunded [amount] for order [order number] ([order number]) on [date]; write to [email] or call [phone].", text);
    }

    [Theory]
    [InlineData("I've asked the carrier to redirect it to 27 Marlowe Road, Leeds LS6 2QT.", "I've asked the carrier to redirect it to [address], Leeds [address].")]
    [InlineData("It will go back to Keizersgracht 123, 1015 CJ Amsterdam.", "It will go back to [address], [address] Amsterdam.")]
    [InlineData("Our returns desk is at 500 Main Street, Springfield, IL 62704.", "Our returns desk is at [address], Springfield, [address].")]
    [InlineData("I've updated it to 6496 lincoln ave jacksonville.", "I've updated it to [address] jacksonville.")]
    [InlineData("Refunds go to PO Box 4410, Leeds LS6 2QT.", "Refunds go to [address], Leeds [address].")]
    public void AStreetAddressAndItsPostcodeAreReplaced(string reply, string expected)
    {
        Assert.Equal(expected, Scrub(reply));
    }

    [Fact]
    public void ALinkCarryingATokenIsReplacedAndAPlainArticleLinkStays()
    {
        var text = Scrub("Reset it here: https://lumora.example/reset?token=9f8a7b6c5d4e3f2a1b0c. The guide: https://lumora.zendesk.com/hc/en-us/articles/4400013");

        Assert.Equal("Reset it here: [link]. The guide: https://lumora.zendesk.com/hc/en-us/articles/4400013", text);
    }

    [Fact]
    public void AReplyWithNothingSpecificToItsCaseIsLeftAsItIs()
    {
        const string reply = "Please set the wall dimmer to 100% and update the bulb firmware to 2.8.3 in the app. WPA2 networks on 2.4 GHz work best; the 2nd step takes 30 seconds.";

        var scrubbed = CaseDetails.Scrub(reply, ["Emily Carter"]);

        Assert.True(scrubbed.Untouched);
        Assert.Equal(reply, scrubbed.Text);
    }
}
