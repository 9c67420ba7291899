using System.Net;
using System.Text.Json;
using Copilot.Fakes.Zendesk;
using Copilot.Tests.Connectors;

namespace Copilot.Tests.BothHelpdesks;

/// <summary>
/// A Zendesk account whose intent field is a multi-select ("Topics"): applying triage adds the intent's option beside those
/// the ticket already has, through the option's tag, rather than replacing them; an option already chosen is not proposed.
/// </summary>
public sealed class IntentMultiSelectTests(IntentMultiSelectTests.Run run) : IClassFixture<IntentMultiSelectTests.Run>
{
    private const long TopicsId = 360014500099;

    [Fact]
    public async Task ApprovingTriagesFieldActionAddsTheIntentsOptionBesideTheOnesChosen()
    {
        var c = run.Fixture["zendesk"];
        var ticket = run.Fixture.ZendeskData.FindTicket(c.BillingDispute)!;

        var (listed, actions) = await run.Fixture.SendAsync(c, HttpMethod.Get, $"/api/tickets/{c.BillingDispute}/actions");

        Assert.Equal(HttpStatusCode.OK, listed);
        var field = Assert.Single(Actions(actions), a => a.GetProperty("kind").GetString() == "set-field");
        Assert.Equal(("Billing", "Topics"), (field.GetProperty("name").GetString(), field.GetProperty("fieldTitle").GetString()));
        var change = Assert.Single(field.GetProperty("changes").EnumerateArray());
        Assert.Equal(($"custom_field:{TopicsId}", "+topic_billing"), (change.GetProperty("field").GetString(), change.GetProperty("to").GetString()));
        Assert.StartsWith("Add to field Topics", field.GetProperty("description").GetString());

        var (approved, approval) = await run.Fixture.SendAsync(c, HttpMethod.Post, $"/api/tickets/{c.BillingDispute}/actions/{field.GetProperty("id").GetString()}/approve");

        Assert.Equal(HttpStatusCode.OK, approved);
        Assert.Equal("applied", approval.GetProperty("action").GetProperty("result").GetProperty("status").GetString());
        Assert.Equal(["topic_billing", "topic_shipping"], FakeZendeskData.Chosen(ticket, run.Fixture.ZendeskData.TicketFields.Single(f => f.Id == TopicsId)));
    }

    [Fact]
    public async Task AnOptionTheTicketHasChosenAlreadyIsNotProposedButTheIntentsTagStillIs()
    {
        var c = run.Fixture["zendesk"];

        var (_, triage) = await run.Fixture.SendAsync(c, HttpMethod.Post, $"/api/tickets/{run.AlreadyBilling}/triage");
        var (listed, actions) = await run.Fixture.SendAsync(c, HttpMethod.Get, $"/api/tickets/{run.AlreadyBilling}/actions");

        Assert.Equal("billing", triage.GetProperty("intent").GetProperty("value").GetString());
        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.DoesNotContain(Actions(actions), a => a.GetProperty("kind").GetString() == "set-field");
        Assert.Contains(Actions(actions), a => a.GetProperty("kind").GetString() == "add-tags" && a.GetProperty("source").GetString() == "triage");
    }

    [Fact]
    public async Task TriageTellsThePanelTheOptionIsAddedBesideTheOthers()
    {
        var c = run.Fixture["zendesk"];

        var (status, triage) = await run.Fixture.SendAsync(c, HttpMethod.Post, $"/api/tickets/{c.BillingDispute}/triage");

        Assert.Equal(HttpStatusCode.OK, status);
        var field = triage.GetProperty("applyTo").GetProperty("intentField");
        Assert.Equal((TopicsId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Topics"), (field.GetProperty("key").GetString(), field.GetProperty("title").GetString()));
        var billing = field.GetProperty("values").GetProperty("billing");
        Assert.Equal(("topic_billing", "Billing", true), (billing.GetProperty("value").GetString(), billing.GetProperty("label").GetString(), billing.GetProperty("addsOption").GetBoolean()));
        // "Shipping" is an option, "account" is not.
        Assert.True(field.GetProperty("values").TryGetProperty("shipping", out _));
        Assert.False(field.GetProperty("values").TryGetProperty("account", out _));
    }

    private static IEnumerable<JsonElement> Actions(JsonElement body) => body.GetProperty("actions").EnumerateArray();

    /// <summary>
    /// The suite's tenants with the demo companies' intents; Lumora's account gains a "Topics" multi-select, named as its
    /// intent field. The billing dispute has "Shipping" chosen; another billing ticket has "Billing" chosen already.
    /// </summary>
    public sealed class Run : IAsyncLifetime
    {
        public long AlreadyBilling { get; private set; }

        public BothHelpdesksFixture Fixture { get; }

        public Run() => Fixture = new((fixture, host) =>
        {
            var data = fixture.ZendeskData;
            TicketFieldTests.Topics(data);
            var z = fixture["zendesk"];
            data.FindTicket(z.BillingDispute)!.Tags.Add("topic_shipping");
            // "Will I be charged after the trial?"
            AlreadyBilling = 132;
            data.FindTicket(AlreadyBilling)!.Tags.Add("topic_billing");
            return IntentFieldTests.WithIntentFields(host, z, fixture["freshdesk"])
                .With($"Copilot:Tenants:{z.TenantId}:TriageFields:IntentFieldId", TopicsId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });

        public Task InitializeAsync() => Fixture.InitializeAsync();

        public Task DisposeAsync() => Fixture.DisposeAsync();
    }
}
