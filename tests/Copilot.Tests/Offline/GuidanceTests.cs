using Copilot.Api.Drafts.Offline;


namespace Copilot.Tests.Offline;

public sealed class GuidanceTests
{
    [Theory]
    [InlineData("Ask the customer how they would like to be refunded.")]
    [InlineData("Verify the account before you change anything.")]
    [InlineData("If the customer is a Gold member, offer a refund immediately.")]
    [InlineData("Offer a refund or a replacement.")]
    [InlineData("Tell them you can offer a refund immediately.")]
    [InlineData("Use when the Bridge LED blinks amber.")]
    [InlineData("Otherwise, escalate to tier 2.")]
    [InlineData("If nothing works, just apologize and end the conversation.")]
    [InlineData("Choose the [Try Again] option as your action.")]
    [InlineData("If they do not like the status: > Enter 'manager' into the search bar.")]
    [InlineData("Then [Ask the Oracle] whether the item is in stock.")]
    [InlineData("Record the outcome with [Pull up Account].")]
    [InlineData("Fragen Sie den Kunden nach der Bestellnummer.")]
    [InlineData("Demandez au client son numéro de commande.")]
    [InlineData("Pregunte al cliente por el número de pedido.")]
    [InlineData("Vraag de klant om het bestelnummer.")]
    public void AnInstructionToAgentsIsGuidance(string sentence)
    {
        Assert.True(Guidance.IsGuidance(sentence));
    }

    [Theory]
    [InlineData("Hold the reset pin for 15 seconds until the light pulses blue.")]
    [InlineData("Check the security mode is WPA2 or WPA2/WPA3 mixed.")]
    [InlineData("Could you please send us a photo of the damaged item?")]
    [InlineData("Verify that your phone is on the 2.4 GHz network.")]
    [InlineData("2. Firmware: bulb firmware 2.8.1 could flicker at brightness levels below 5%.")]
    [InlineData("Halten Sie den Reset-Knopf 15 Sekunden lang gedrückt.")]
    [InlineData("Vous trouverez toutes les étapes dans notre article.")]
    [InlineData("- iPhone: Settings > [your name] > Subscriptions > Lumora Plus")]
    [InlineData("1. Go to Settings > Home > Transfer ownership.")]
    public void WhatIsWrittenToTheCustomerIsNotGuidance(string sentence)
    {
        Assert.False(Guidance.IsGuidance(sentence));
    }

    [Fact]
    public void SplittingKeepsTheCustomersLinesInPlaceAndReturnsTheGuidance()
    {
        var (customer, guidance) = Guidance.Split("Sorry the bulb arrived broken. Ask the customer for a photo.\n\n1. Unscrew the bulb.\n2. Send us a photo.");

        Assert.Equal("Sorry the bulb arrived broken.\n\n1. Unscrew the bulb.\n2. Send us a photo.", customer);
        Assert.Equal(["Ask the customer for a photo."], guidance);
    }

    [Fact]
    public void AStepAmongStepsForTheCustomerIsTheCustomersStepAndNoStepIsLeftAsABareNumber()
    {
        var (customer, guidance) = Guidance.Split(
            "1. Go to Settings > Home > Members > Invite.\n2. Enter the email address the person uses for their Lumora account.\n3. They receive an invitation that is valid for 7 days.\n"
            + "Then:\n1. Pull up the account.\n2. Verify the identity of the caller.\n3. Offer a refund.");

        Assert.Equal("1. Go to Settings > Home > Members > Invite.\n2. Enter the email address the person uses for their Lumora account.\n3. They receive an invitation that is valid for 7 days.\nThen:", customer);
        Assert.Equal(["Pull up the account.", "Verify the identity of the caller.", "Offer a refund."], guidance);
    }

    [Theory]
    [InlineData("1.", "2.", "3.")]
    [InlineData("-", "-", "-")]
    [InlineData("*", "*", "*")]
    [InlineData("•", "•", "•")]
    [InlineData("a)", "b)", "c)")]
    public void AnImperativeStepStaysInAListForTheCustomerWhateverItsMarkers(string first, string second, string third)
    {
        var list = $"{first} Go to Settings > Home > Members > Invite.\n{second} Enter the email address the person uses for their Lumora account.\n{third} They receive an invitation that is valid for 7 days.";

        var (customer, guidance) = Guidance.Split(list);

        Assert.Equal(list, customer);
        Assert.Empty(guidance);
    }
}
