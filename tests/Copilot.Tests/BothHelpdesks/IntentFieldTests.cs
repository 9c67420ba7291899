using System.Globalization;
using System.Net;
using System.Text.Json;
using Copilot.Api.Demo;
using Copilot.Tests.Infrastructure;

namespace Copilot.Tests.BothHelpdesks;

/// <summary>
/// Applying triage writes the intent into each account's own "Intent" dropdown, as that helpdesk takes it: Zendesk an
/// option's tag, Freshdesk one of its choices. Both tenants learn the demo companies' intents and name their dropdown
/// (Zendesk by id, Freshdesk by name); the dropdowns have no "Account" option, so an account question sets no field.
/// </summary>
public sealed class IntentFieldTests(IntentFieldTests.Run run) : IClassFixture<IntentFieldTests.Run>
{
    public static TheoryData<string> Helpdesks => BothHelpdesksFixture.Helpdesks;

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task ApprovingTriagesFieldActionSetsTheHelpdesksIntentDropdownToTheIntentsOption(string helpdesk)
    {
        var c = run.Fixture[helpdesk];
        var ticket = c.BillingDispute;
        var written = helpdesk == "zendesk" ? "intent_billing" : "Billing";

        var (listed, actions) = await run.Fixture.SendAsync(c, HttpMethod.Get, $"/api/tickets/{ticket}/actions");

        Assert.Equal(HttpStatusCode.OK, listed);
        var field = Assert.Single(Actions(actions), a => a.GetProperty("kind").GetString() == "set-field");
        Assert.Equal("triage", field.GetProperty("source").GetString());
        Assert.Equal("Billing", field.GetProperty("name").GetString());
        Assert.Equal("Intent", field.GetProperty("fieldTitle").GetString());
        var change = Assert.Single(field.GetProperty("changes").EnumerateArray());
        Assert.Equal(($"custom_field:{c.IntentField}", written), (change.GetProperty("field").GetString(), change.GetProperty("to").GetString()));
        Assert.Null(c.IntentFieldValue(ticket));

        var (approved, approval) = await run.Fixture.SendAsync(c, HttpMethod.Post, $"/api/tickets/{ticket}/actions/{field.GetProperty("id").GetString()}/approve");

        Assert.Equal(HttpStatusCode.OK, approved);
        Assert.Equal("applied", approval.GetProperty("action").GetProperty("result").GetProperty("status").GetString());
        Assert.Equal(written, c.IntentFieldValue(ticket));
    }

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task AnIntentTheDropdownHasNoOptionForSetsNoFieldButStillAddsItsTag(string helpdesk)
    {
        var c = run.Fixture[helpdesk];

        var (listed, actions) = await run.Fixture.SendAsync(c, HttpMethod.Get, $"/api/tickets/{c.LockedOut}/actions");

        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Contains(Actions(actions), a => a.GetProperty("kind").GetString() == "add-tags" && a.GetProperty("source").GetString() == "triage"
            && a.GetProperty("changes")[0].GetProperty("to").GetString() == "+intent_account");
        Assert.DoesNotContain(Actions(actions), a => a.GetProperty("kind").GetString() == "set-field");
    }

    [Theory, MemberData(nameof(Helpdesks))]
    public async Task TriageTellsThePanelWhichFieldToSetAndTheValueTheHelpdeskTakesForEachIntent(string helpdesk)
    {
        var c = run.Fixture[helpdesk];
        var written = helpdesk == "zendesk" ? "intent_billing" : "Billing";

        var (status, triage) = await run.Fixture.SendAsync(c, HttpMethod.Post, $"/api/tickets/{c.BillingDispute}/triage");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("billing", triage.GetProperty("intent").GetProperty("value").GetString());
        var applyTo = triage.GetProperty("applyTo");
        var field = applyTo.GetProperty("intentField");
        Assert.Equal((c.IntentField, "Intent"), (field.GetProperty("key").GetString(), field.GetProperty("title").GetString()));
        var billing = field.GetProperty("values").GetProperty("billing");
        Assert.Equal((written, "Billing"), (billing.GetProperty("value").GetString(), billing.GetProperty("label").GetString()));
        // The dropdown has no "Account" option: picking that intent writes its tag and no field.
        Assert.False(field.GetProperty("values").TryGetProperty("account", out _));
        Assert.Equal("intent_account", applyTo.GetProperty("intentTags").GetProperty("account").GetString());
    }

    private static IEnumerable<JsonElement> Actions(JsonElement body) => body.GetProperty("actions").EnumerateArray();

    /// <summary>The suite's two tenants with the demo companies' intents and their Intent dropdowns, less the "Account" option.</summary>
    public sealed class Run : IAsyncLifetime
    {
        public BothHelpdesksFixture Fixture { get; } = new((fixture, host) =>
        {
            foreach (var c in fixture.Cases.Values)
            {
                c.RemoveIntentOption("Account");
            }
            return WithIntentFields(host, fixture["zendesk"], fixture["freshdesk"]);
        });

        public Task InitializeAsync() => Fixture.InitializeAsync();

        public Task DisposeAsync() => Fixture.DisposeAsync();
    }

    /// <summary>Each tenant learns its demo company's intents and names its account's Intent dropdown, as its helpdesk keys fields.</summary>
    internal static TestHostBuilder WithIntentFields(TestHostBuilder host, HelpdeskCase zendesk, HelpdeskCase freshdesk)
    {
        foreach (var (c, intents) in new[] { (zendesk, DemoIntents.Lumora), (freshdesk, DemoIntents.Spokewise) })
        {
            var prefix = $"Copilot:Tenants:{c.TenantId}:";
            for (var i = 0; i < intents.Names.Length; i++)
            {
                host.With(prefix + "Intents:" + i.ToString(CultureInfo.InvariantCulture), intents.Names[i]);
            }
            foreach (var (intent, examples) in intents.Examples())
            {
                for (var i = 0; i < examples.Count; i++)
                {
                    host.With($"{prefix}IntentExamples:{intent}:{i.ToString(CultureInfo.InvariantCulture)}", examples[i]);
                }
            }
        }
        return host
            .With($"Copilot:Tenants:{zendesk.TenantId}:TriageFields:IntentFieldId", zendesk.IntentField)
            .With($"Copilot:Tenants:{freshdesk.TenantId}:TriageFields:IntentFieldName", freshdesk.IntentField);
    }
}
