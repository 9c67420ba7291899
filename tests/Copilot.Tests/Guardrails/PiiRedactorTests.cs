using Copilot.Api.Privacy;


namespace Copilot.Tests.Guardrails;

public sealed class PiiRedactorTests
{
    [Fact]
    public void EveryKindOfPersonalDataBecomesANumberedPlaceholder()
    {
        var text = "Hi, I'm anna.schmidt@example.com, call +49 30 12345678. Card 4111 1111 1111 1111, "
                 + "IBAN DE89 3704 0044 0532 0130 00. Ship to 12 Baker Street please.";

        var (redacted, map) = PiiRedactor.Redact(text);

        Assert.Equal("Hi, I'm [EMAIL_1], call [PHONE_1]. Card [CARD_1], IBAN [IBAN_1]. Ship to [ADDRESS_1] please.", redacted);
        Assert.Equal(5, map.Count);
        Assert.Equal("DE89 3704 0044 0532 0130 00", map.Originals["[IBAN_1]"]);
    }

    [Fact]
    public void KnownCustomerNamesAreRedactedAsWholeWordsInFullAndWordByWord()
    {
        var map = new RedactionMap();
        map.KnowNames(["Anna Berg"]);

        var redacted = PiiRedactor.Redact("Hi, Anna Berg here (anna@example.com). Anna again; Annabel and BergStrom are someone else.", map);

        Assert.Equal("Hi, [NAME_1] here ([EMAIL_1]). [NAME_2] again; Annabel and BergStrom are someone else.", redacted);
        Assert.Equal("Dear Anna, we wrote to Anna Berg.", map.Restore("Dear [NAME_2], we wrote to [NAME_1]."));
        Assert.Equal("[NAME_2]", map.Name("Anna"));
        Assert.Equal("[NAME_3]", map.Name("Berg"));
        Assert.Equal("Sam", map.Name("Sam")); // not a name this map redacts
    }

    [Fact]
    public void OnlyCapitalisedWordsOfLettersCountAsNames()
    {
        var map = new RedactionMap();
        map.KnowNames(["support", "jdoe42", "Seán O'Brien", null, ""]);

        Assert.Equal("Ask support, jdoe42 and [NAME_1] or [NAME_2].", PiiRedactor.Redact("Ask support, jdoe42 and Seán O'Brien or O'Brien.", map));
        Assert.Equal("Ask Sam.", PiiRedactor.Redact("Ask Sam.", new RedactionMap()));
    }

    [Fact]
    public void RestoringTheModelOutputGivesBackTheOriginalValues()
    {
        var text = "Please write to anna@example.com or call 0044 20 7946 0958 about Hauptstraße 5.";
        var (redacted, map) = PiiRedactor.Redact(text);
        Assert.DoesNotContain("anna@example.com", redacted);

        Assert.Equal(text, map.Restore(redacted));
        Assert.Equal("We will email anna@example.com today.", map.Restore("We will email [EMAIL_1] today."));
    }

    [Fact]
    public void SameValueGetsTheSamePlaceholderAcrossAThread()
    {
        var map = new RedactionMap();

        var first = PiiRedactor.Redact("Mail ANNA@example.com or phone +1 (415) 555-0100.", map);
        var second = PiiRedactor.Redact("Again: anna@example.com, +1 415 555 0100, and bob@example.com.", map);

        Assert.Equal("Mail [EMAIL_1] or phone [PHONE_1].", first);
        Assert.Equal("Again: [EMAIL_1], [PHONE_1], and [EMAIL_2].", second);
    }

    [Theory]
    [InlineData("+49 30 12345678")]
    [InlineData("+1 (415) 555-0100")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("0044 20 7946 0958")]
    [InlineData("+44 (0)20 7946 0958")]
    [InlineData("030 1234567")]
    [InlineData("(555) 123-4567")]
    [InlineData("415-555-0100")]
    [InlineData("+31612345678")]
    public void PhoneNumbersInCommonFormatsAreRedacted(string phone)
    {
        Assert.Equal("Call me on [PHONE_1] tomorrow.", PiiRedactor.Redact($"Call me on {phone} tomorrow.").Text);
    }

    [Theory]
    [InlineData("Order LUM-2026-48213 is late.")]
    [InlineData("Ordered on 2026-11-23 and 23.11.2026 and 11/23/2026.")]
    [InlineData("Order 48213 cost 1,299.00 EUR at 10:30.")]
    [InlineData("Tracking 2026 48213, 3 items, version 1.2.3.")]
    [InlineData("Version 10.0.401 of the SDK.")]
    public void OrderNumbersDatesAndAmountsAreNotPhoneNumbers(string text)
    {
        var result = PiiRedactor.Redact(text);

        Assert.Equal(text, result.Text);
        Assert.Equal(0, result.Map.Count);
    }

    [Theory]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("5500-0000-0000-0004")]
    [InlineData("378282246310005")]
    public void CardNumbersPassingLuhnAreRedacted(string card)
    {
        Assert.Equal("Card [CARD_1] expired.", PiiRedactor.Redact($"Card {card} expired.").Text);
    }

    [Theory]
    [InlineData("4111 1111 1111 1112")]
    [InlineData("0000 0000 0000 0000")]
    [InlineData("1234567890123")]
    public void DigitRunsFailingLuhnAreNotCards(string digits)
    {
        Assert.DoesNotContain("[CARD_", PiiRedactor.Redact($"Reference {digits} noted.").Text);
    }

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("GB82 WEST 1234 5698 7654 32")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606")]
    public void IbansPassingMod97AreRedacted(string iban)
    {
        Assert.Equal("Pay to [IBAN_1] AND thanks.", PiiRedactor.Redact($"Pay to {iban} AND thanks.").Text);
    }

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 01")]
    [InlineData("GB00 WEST 1234 5698 7654 32")]
    public void IbansFailingMod97Stay(string iban)
    {
        Assert.DoesNotContain("[IBAN_", PiiRedactor.Redact($"Pay to {iban}.").Text);
    }

    [Theory]
    [InlineData("12 Baker Street")]
    [InlineData("221B Baker St.")]
    [InlineData("2311 1st Ave")]
    [InlineData("350 West 42nd Street")]
    [InlineData("Hauptstraße 5")]
    [InlineData("Berliner Str. 12a")]
    [InlineData("12 rue de la Paix")]
    [InlineData("8 bis avenue Victor Hugo")]
    [InlineData("Calle Mayor 12")]
    [InlineData("Avenida de la Constitución, nº 45")]
    [InlineData("Keizersgracht 123")]
    [InlineData("6496 lincoln ave")]
    [InlineData("6821 1st ave")]
    [InlineData("6496 lincoln ave jacksonville ny 17178")]
    [InlineData("2311 1st ave, san mateo, ny 60315")]
    [InlineData("123 main st")]
    [InlineData("PO Box 1234")]
    [InlineData("P.O. Box 55")]
    [InlineData("Postfach 12 34")]
    [InlineData("Apartado de Correos 45")]
    public void StreetAddressesInFiveLanguagesAreRedacted(string address)
    {
        Assert.Equal("Deliver to [ADDRESS_1] please", PiiRedactor.Redact($"Deliver to {address} please").Text);
    }

    [Theory]
    [InlineData("Leeds LS6 2QT", "Leeds [ADDRESS_1]")]
    [InlineData("London SW1A 1AA", "London [ADDRESS_1]")]
    [InlineData("Manchester M1 1AE", "Manchester [ADDRESS_1]")]
    [InlineData("London EC1A1BB", "London [ADDRESS_1]")]
    [InlineData("Ottawa ON K1A 0B1", "Ottawa ON [ADDRESS_1]")]
    [InlineData("Springfield, IL 62704", "Springfield, [ADDRESS_1]")]
    [InlineData("San Francisco, CA 94105-1234", "San Francisco, [ADDRESS_1]")]
    [InlineData("austin tx 78701", "austin [ADDRESS_1]")]
    [InlineData("brooklyn, ny 11201-3456", "brooklyn, [ADDRESS_1]")]
    [InlineData("1015 CJ Amsterdam", "[ADDRESS_1] Amsterdam")]
    [InlineData("2311 1st Ave San Mateo, NY 60315", "[ADDRESS_1] San Mateo, [ADDRESS_2]")]
    [InlineData("27 Marlowe Road, Leeds LS6 2QT", "[ADDRESS_1], Leeds [ADDRESS_2]")]
    public void PostcodesThatNarrowAnAddressToAStreetAreRedacted(string address, string expected)
    {
        Assert.Equal($"Deliver to {expected} please", PiiRedactor.Redact($"Deliver to {address} please").Text);
    }

    [Theory]
    [InlineData("I asked in 20000 ways and got it or 30000 times the same answer.")]
    [InlineData("Le prix est passé de 10000 à 12000, et la 20000e commande est arrivée.")]
    [InlineData("Mi 12000 es la cuenta; al 15000 ya no.")]
    public void ALowerCaseStateThatIsAlsoAWordBeforeFiveDigitsIsNotAPostcode(string text)
    {
        Assert.Equal(text, PiiRedactor.Redact(text).Text);
    }

    [Fact]
    public void AnIpAddressIsRedactedAndAVersionNumberIsNot()
    {
        Assert.Equal("Sign-ins from [IP_1] and [IP_2] on firmware 3.4.1.2.", PiiRedactor.Redact("Sign-ins from 192.168.1.23 and 81.2.69.160 on firmware 3.4.1.2.").Text);
    }

    [Theory]
    [InlineData("It took 2 hours on the road and 3 items from the main street store.")]
    [InlineData("I fitted 2 hard drive bays and a 3 lane road sign; see the 4 way street map.")]
    [InlineData("Put the box 12 cm from the wall.")]
    public void NumbersBeforeAStreetWordInAnotherSenseStay(string text)
    {
        Assert.Equal(text, PiiRedactor.Redact(text).Text);
    }

    [Fact]
    public void IPv6AddressesAreRedactedAndClockTimesAndMacAddressesAreNot()
    {
        var text = "From 2001:db8:85a3::8a2e:370:7334, fe80::1ff:fe23:4567:890a and ::ffff:192.0.2.128 at 10:30:45; MAC 00:1A:2B:3C:4D:5E, loopback ::1.";

        Assert.Equal("From [IP_1], [IP_2] and [IP_3] at 10:30:45; MAC 00:1A:2B:3C:4D:5E, loopback ::1.", PiiRedactor.Redact(text).Text);
    }

    [Theory]
    [InlineData("SSN 123-45-6789", "SSN [ID_1]")]
    [InlineData("social security number 078 05 1120", "social security number [ID_1]")]
    [InlineData("NI number JG 10 37 28 A", "NI number [ID_1]")]
    [InlineData("NI number AB123456D", "NI number [ID_1]")]
    public void NationalIdentityNumbersAreRedacted(string text, string expected)
    {
        Assert.Equal($"My {expected} is on file.", PiiRedactor.Redact($"My {text} is on file.").Text);
    }

    [Theory]
    [InlineData("Part 000-12-3456 and 912-34-5678 and 123-00-4567")]
    [InlineData("Codes QQ 12 34 56 C and GB123456A")]
    public void NumbersNeverIssuedAsIdentityNumbersStay(string text)
    {
        Assert.DoesNotContain("[ID_", PiiRedactor.Redact(text).Text);
    }

    [Theory]
    [InlineData("The MP3 2GB player")]
    [InlineData("Paper size A4 2GB")]
    [InlineData("Since 2026 AB testing")]
    [InlineData("Version 2026 AB.")]
    [InlineData("Order LS6-2QT-88 shipped")]
    [InlineData("Model XK1 2QT")]
    [InlineData("It weighs 12345 grams, ok 12345")]
    public void ProductCodesAndYearsAreNotPostcodes(string text)
    {
        Assert.Equal(text, PiiRedactor.Redact(text).Text);
    }

    [Theory]
    [InlineData("my password is Hunter2!x, can you check?", "my password is [SECRET_1], can you check?")]
    [InlineData("The verification code is 482913.", "The verification code is [SECRET_1].")]
    [InlineData("Enter the code: 7731 from the SMS", "Enter the code: [SECRET_1] from the SMS")]
    [InlineData("My PIN is 4821", "My PIN is [SECRET_1]")]
    [InlineData("Card ending 4242, exp 12/27, CVV 123.", "Card ending 4242, exp 12/27, CVV [SECRET_1].")]
    [InlineData("api key: sk-abc123def456", "api key: [SECRET_1]")]
    [InlineData("Mein Passwort lautet Sommer2026", "Mein Passwort lautet [SECRET_1]")]
    public void CredentialsAreRedacted(string text, string expected)
    {
        var (redacted, map) = PiiRedactor.Redact(text);

        Assert.Equal(expected, redacted);
        Assert.Equal(text, map.Restore(redacted));
    }

    [Fact]
    public void ALongCredentialIsRedactedWhole()
    {
        var key = "sk-" + string.Concat(Enumerable.Repeat("a1B2c3D4e5", 16));

        var (redacted, map) = PiiRedactor.Redact($"Here is our api key: {key} please check it");

        Assert.Equal("Here is our api key: [SECRET_1] please check it", redacted);
        Assert.Equal(key, map.Originals["[SECRET_1]"]);
    }

    [Theory]
    [InlineData("My SSN is 123456789.", "My SSN is [ID_1].")]
    [InlineData("Passport number X12345678 expires soon.", "Passport number [ID_1] expires soon.")]
    [InlineData("My driver's license number is D1234567.", "My driver's license number is [ID_1].")]
    [InlineData("My license plate is 7ABC123 and the car is a Civic.", "My license plate is [ID_1] and the car is a Civic.")]
    [InlineData("Kennzeichen B-AB 1234", "Kennzeichen [ID_1]")]
    [InlineData("Mi DNI es 12345678Z", "Mi DNI es [ID_1]")]
    [InlineData("My date of birth is March 3, 1985.", "My date of birth is [DOB_1].")]
    [InlineData("DOB: 04/12/1988", "DOB: [DOB_1]")]
    [InlineData("Geburtsdatum 12.03.1985", "Geburtsdatum [DOB_1]")]
    public void IdentityDocumentNumbersAndBirthDatesNamedBeforeThemAreRedacted(string text, string expected)
    {
        Assert.Equal(expected, PiiRedactor.Redact(text).Text);
    }

    [Theory]
    [InlineData("Your discount code is SAVE20 and the product code 12345.")]
    [InlineData("The code is valid for 7 days.")]
    [InlineData("error code 0x80070005 again")]
    [InlineData("password reset link didn't work")]
    [InlineData("My new zip code is 94107")]
    [InlineData("Tracking code 1Z999AA10123456784")]
    [InlineData("I was born in 1985 and the order 123456789 is late.")]
    [InlineData("The passport photo page is torn")]
    public void CodesMeantToBeUsedAndNumbersWithoutACueStay(string text)
    {
        Assert.Equal(text, PiiRedactor.Redact(text).Text);
    }

    [Fact]
    public void PlaceholderShapedTextInTheTicketCannotBeRestoredIntoRealData()
    {
        var (redacted, map) = PiiRedactor.Redact("Reply to [EMAIL_1] not anna@example.com");

        Assert.Equal("Reply to (EMAIL_1) not [EMAIL_1]", redacted);
        Assert.Equal("Reply to (EMAIL_1) not anna@example.com", map.Restore(redacted));
    }

    [Fact]
    public void PlaceholdersTheMapDidNotIssueStayInTheOutput()
    {
        var (_, map) = PiiRedactor.Redact("anna@example.com");

        Assert.Equal("anna@example.com and [PHONE_7]", map.Restore("[EMAIL_1] and [PHONE_7]"));
    }
}
