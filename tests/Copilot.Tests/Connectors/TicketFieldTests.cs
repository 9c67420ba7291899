using Copilot.Connectors.Helpdesk;
using Copilot.Fakes.Freshdesk;
using Copilot.Fakes.Zendesk;

namespace Copilot.Tests.Connectors;

/// <summary>
/// Ticket field definitions through each connector against its fake (the demo accounts' Intent dropdown and a text field),
/// and the fakes refusing a dropdown value that is not one of its options, as the vendors do.
/// </summary>
public sealed class TicketFieldTests
{
    [Fact]
    public async Task ZendeskGivesADropdownsOptionsByTagAndTitleAndATextFieldAsText()
    {
        await using var zd = await ZendeskHarness.StartAsync(FakeZendeskData.LoadDemo());

        var intent = await zd.Client.GetTicketFieldAsync("360014500001", CancellationToken.None);
        var order = await zd.Client.GetTicketFieldAsync("360014500002", CancellationToken.None);

        Assert.NotNull(intent);
        Assert.Equal(("Intent", HelpdeskFieldType.Dropdown, "tagger", true), (intent.Title, intent.Type, intent.VendorType, intent.Active));
        Assert.Contains(new HelpdeskFieldOption("intent_billing", "Billing"), intent.Options);
        Assert.Equal(HelpdeskFieldType.Text, order!.Type);
        Assert.Null(await zd.Client.GetTicketFieldAsync("999", CancellationToken.None));
        var calls = zd.Fake.Requests.Count;
        Assert.Null(await zd.Client.GetTicketFieldAsync("cf_intent", CancellationToken.None));
        Assert.Equal(calls, zd.Fake.Requests.Count);
    }

    [Fact]
    public async Task FreshdeskFindsACustomFieldByItsNameAmongAllTheAccountsFields()
    {
        await using var fd = await FreshdeskHarness.StartAsync(FakeFreshdeskData.LoadDemo());

        var intent = await fd.Client.GetTicketFieldAsync("cf_intent", CancellationToken.None);
        var station = await fd.Client.GetTicketFieldAsync("cf_station", CancellationToken.None);
        var status = await fd.Client.GetTicketFieldAsync("status", CancellationToken.None);

        Assert.NotNull(intent);
        Assert.Equal(("cf_intent", "Intent", HelpdeskFieldType.Dropdown), (intent.Key, intent.Title, intent.Type));
        Assert.Contains(new HelpdeskFieldOption("End ride", "End ride"), intent.Options);
        Assert.Equal(HelpdeskFieldType.Text, station!.Type);
        Assert.Equal(HelpdeskFieldType.Other, status!.Type);
        Assert.Null(await fd.Client.GetTicketFieldAsync("cf_missing", CancellationToken.None));
    }

    [Fact]
    public async Task ZendeskRefusesADropdownValueThatIsNotAnOptionsTagAndChangesNothing()
    {
        var data = FakeZendeskData.LoadDemo();
        await using var zd = await ZendeskHarness.StartAsync(data);
        var ticket = data.Tickets.First(t => t.Status == "open");
        var priority = ticket.Priority;

        var refused = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.UpdateTicketAsync(ticket.Id,
            new TicketChange { Priority = "urgent", CustomFields = new Dictionary<string, string> { ["360014500001"] = "Billing" } }, CancellationToken.None));
        var taken = await zd.Client.UpdateTicketAsync(ticket.Id,
            new TicketChange { CustomFields = new Dictionary<string, string> { ["360014500001"] = "intent_billing" } }, CancellationToken.None);

        Assert.Equal(422, refused.StatusCode);
        Assert.Contains("Intent: Billing is not a valid value", refused.Message);
        Assert.Equal(priority, ticket.Priority);
        Assert.True(taken);
        Assert.Equal("intent_billing", data.ChosenOption(ticket.Id, 360014500001));
    }

    /// <summary>A "Topics" multi-select on the demo account, as an admin adds one.</summary>
    internal static FakeTicketField Topics(FakeZendeskData data)
    {
        var field = new FakeTicketField
        {
            Id = 360014500099, Type = "multiselect", Title = "Topics",
            Options = [new() { Id = 1, Name = "Billing", Value = "topic_billing" }, new() { Id = 2, Name = "Shipping", Value = "topic_shipping" }, new() { Id = 3, Name = "Setup", Value = "topic_setup" }],
        };
        data.TicketFields.Add(field);
        return field;
    }

    [Fact]
    public async Task ZendeskGivesAMultiSelectsOptionsAndAnAddedOptionTagIsChosenBesideTheOthers()
    {
        var data = FakeZendeskData.LoadDemo();
        var topics = Topics(data);
        await using var zd = await ZendeskHarness.StartAsync(data);
        var ticket = data.Tickets.First(t => t.Status == "open");

        var field = await zd.Client.GetTicketFieldAsync("360014500099", CancellationToken.None);
        await zd.Client.UpdateTicketAsync(ticket.Id, new TicketChange { CustomFields = new Dictionary<string, string> { ["360014500099"] = "topic_shipping" } }, CancellationToken.None);
        await zd.Client.UpdateTicketAsync(ticket.Id, new TicketChange { AddTags = ["topic_billing"] }, CancellationToken.None);

        Assert.Equal(("Topics", HelpdeskFieldType.MultiSelect, "multiselect"), (field!.Title, field.Type, field.VendorType));
        Assert.Equal([new HelpdeskFieldOption("topic_billing", "Billing"), new("topic_shipping", "Shipping"), new("topic_setup", "Setup")], field.Options);
        Assert.Equal(["topic_billing", "topic_shipping"], FakeZendeskData.Chosen(ticket, topics));
    }

    [Fact]
    public async Task ZendeskRefusesAMultiSelectValueThatIsNotAnOptionsTagAndChangesNothing()
    {
        var data = FakeZendeskData.LoadDemo();
        var topics = Topics(data);
        await using var zd = await ZendeskHarness.StartAsync(data);
        var ticket = data.Tickets.First(t => t.Status == "open");
        var tags = ticket.Tags.ToList();

        var refused = await Assert.ThrowsAsync<HelpdeskException>(() => zd.Client.UpdateTicketAsync(ticket.Id,
            new TicketChange { CustomFields = new Dictionary<string, string> { ["360014500099"] = "Billing" } }, CancellationToken.None));

        Assert.Equal(422, refused.StatusCode);
        Assert.Contains("Topics: Billing is not a valid value", refused.Message);
        Assert.Equal(tags, ticket.Tags);
        Assert.Empty(FakeZendeskData.Chosen(ticket, topics));
    }

    [Fact]
    public async Task ZendeskChoosesADropdownsOptionWhenItsTagIsAddedAndDropsTheOtherOptionsTag()
    {
        var data = FakeZendeskData.LoadDemo();
        await using var zd = await ZendeskHarness.StartAsync(data);
        var ticket = data.Tickets.First(t => t.Status == "open");

        await zd.Client.UpdateTicketAsync(ticket.Id, new TicketChange { CustomFields = new Dictionary<string, string> { ["360014500001"] = "intent_billing" } }, CancellationToken.None);
        var chosen = ticket.Tags.Contains("intent_billing");
        await zd.Client.UpdateTicketAsync(ticket.Id, new TicketChange { AddTags = ["intent_shipping"] }, CancellationToken.None);

        Assert.True(chosen);
        Assert.Equal("intent_shipping", data.ChosenOption(ticket.Id, 360014500001));
        Assert.Contains("intent_shipping", ticket.Tags);
        Assert.DoesNotContain("intent_billing", ticket.Tags);
    }

    [Fact]
    public async Task FreshdeskRefusesADropdownValueThatIsNotAChoiceOrAFieldItLacksAndChangesNothing()
    {
        var data = FakeFreshdeskData.LoadDemo();
        await using var fd = await FreshdeskHarness.StartAsync(data);
        var ticket = data.Tickets.First(t => t.Status == 2);
        var priority = ticket.Priority;

        var notAChoice = await Assert.ThrowsAsync<HelpdeskException>(() => fd.Client.UpdateTicketAsync(ticket.Id,
            new TicketChange { Priority = "urgent", CustomFields = new Dictionary<string, string> { ["cf_intent"] = "end-ride" } }, CancellationToken.None));
        var noField = await Assert.ThrowsAsync<HelpdeskException>(() => fd.Client.UpdateTicketAsync(ticket.Id,
            new TicketChange { CustomFields = new Dictionary<string, string> { ["cf_topic"] = "End ride" } }, CancellationToken.None));
        var taken = await fd.Client.UpdateTicketAsync(ticket.Id,
            new TicketChange { CustomFields = new Dictionary<string, string> { ["cf_intent"] = "End ride" } }, CancellationToken.None);

        Assert.Equal((400, 400), (notAChoice.StatusCode, noField.StatusCode));
        Assert.Contains("cf_intent: It should be one of these values", notAChoice.Message);
        Assert.Contains("cf_topic: Unexpected/invalid field in request", noField.Message);
        Assert.Equal(priority, ticket.Priority);
        Assert.True(taken);
        Assert.Equal("End ride", ticket.CustomFields["cf_intent"]);
    }
}
