using System.Globalization;
using System.Text;
using Copilot.Api.Webhooks;
using Copilot.Fakes.Freshdesk;
using Copilot.Fakes.Helpdesk;
using Copilot.Fakes.Zendesk;

namespace Copilot.Tests.BothHelpdesks;

/// <summary>
/// One helpdesk the functional suite runs against: its fake with its demo account, the tenant configured for it on
/// the shared host, and which of its tickets plays each part in the tests (the two demo accounts are different
/// companies, so each names its own billing dispute, German thread, lock-out and escalation).
/// </summary>
public sealed class HelpdeskCase
{
    public required string Kind { get; init; }

    /// <summary>Zendesk signs the app's load (the sidebar then calls with our session); Freshdesk's app proves the tenant and names the agent.</summary>
    public required bool SignsAgentLoads { get; init; }
    public required string TenantId { get; init; }
    public required string SharedSecret { get; init; }
    public required string WebhookSecret { get; init; }
    public required Uri HelpdeskUrl { get; init; }
    public required FakeHelpdeskFaults Faults { get; init; }
    public required Func<int> RequestCount { get; init; }

    /// <summary>A ticket's tags and priority as the fake helpdesk holds them now (priority in Zendesk's words).</summary>
    public required Func<long, (IReadOnlyList<string> Tags, string? Priority)> TicketState { get; init; }

    /// <summary>The account's "Intent" dropdown, whose options are the demo company's intents: its key (Zendesk's id, Freshdesk's name).</summary>
    public required string IntentField { get; init; }

    /// <summary>A ticket's value of <see cref="IntentField"/> as the fake helpdesk holds it now; null when unset.</summary>
    public required Func<long, string?> IntentFieldValue { get; init; }

    /// <summary>Takes the option with this label out of <see cref="IntentField"/> (before the copilot reads the field).</summary>
    public required Action<string> RemoveIntentOption { get; init; }

    /// <summary>An active agent, and one who reads analytics (Zendesk: an admin; Freshdesk: an agent holding the team-lead role).</summary>
    public required (string Id, string Name) Agent { get; init; }
    public required (string Id, string Name) Lead { get; init; }

    /// <summary>An angry customer disputing a charge (English).</summary>
    public required long BillingDispute { get; init; }

    /// <summary>An angry customer who wants a person (English).</summary>
    public required long Angry { get; init; }

    /// <summary>A customer writing in German, whose ticket gets an offline draft.</summary>
    public required long German { get; init; }

    /// <summary>A customer locked out of their account (English): the boundary rules keep it with a person.</summary>
    public required long LockedOut { get; init; }

    /// <summary>An English ticket that gets an offline draft, used by no other test.</summary>
    public required long Drafted { get; init; }

    /// <summary>The words a summary of <see cref="BillingDispute"/> must hold one of (it is about this company's charge).</summary>
    public required string[] BillingWords { get; init; }

    /// <summary>Tickets the webhook tests alone use: one solved, one commented on.</summary>
    public required long SolvedTicket { get; init; }
    public required long CommentedTicket { get; init; }

    /// <summary>Where this account's help-centre articles live (a surfaced article's URL starts with it).</summary>
    public required string ArticlePrefix { get; init; }

    /// <summary>The helpdesk's webhook delivery saying the ticket was solved (the same body each call: a redelivery).</summary>
    public required Func<long, string, HttpRequestMessage> SolvedDelivery { get; init; }

    /// <summary>The helpdesk's webhook delivery saying a comment was added to the ticket.</summary>
    public required Func<long, HttpRequestMessage> CommentDelivery { get; init; }

    public override string ToString() => Kind;

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static HttpRequestMessage ZendeskDelivery(string tenant, string secret, string body)
    {
        var timestamp = Now();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/zendesk/{tenant}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(ZendeskWebhookVerifier.TimestampHeader, timestamp);
        request.Headers.Add(ZendeskWebhookVerifier.SignatureHeader, Analytics.Webhook.Sign(secret, timestamp, body));
        return request;
    }

    internal static HelpdeskCase For(FakeZendesk zendesk) => new()
    {
        Kind = "zendesk",
        SignsAgentLoads = true,
        TenantId = "lumora",
        SharedSecret = "lumora-shared-secret-0123456789-abcdefghij-0123456789",
        WebhookSecret = "lumora-webhook-signing-secret-for-tests",
        SolvedTicket = 133,
        CommentedTicket = 134,
        HelpdeskUrl = zendesk.BaseUrl,
        Faults = zendesk.Faults,
        RequestCount = () => zendesk.Requests.Count,
        TicketState = id => zendesk.Data.FindTicket(id) is { } t ? ([.. t.Tags], t.Priority) : ([], null),
        IntentField = "360014500001",
        IntentFieldValue = id => zendesk.Data.ChosenOption(id, 360014500001),
        RemoveIntentOption = label => zendesk.Data.TicketFields.Single(f => f.Id == 360014500001).Options.RemoveAll(o => o.Name == label),
        Agent = ("2001", "Tomás Ribeiro"),
        Lead = ("2000", "Ingrid Halvorsen"),
        BillingDispute = 108,
        Angry = 156,
        German = 103,
        LockedOut = 111,
        Drafted = 126,
        BillingWords = ["€49", "LUMORA*PLUS"],
        SolvedDelivery = (ticket, time) => ZendeskDelivery("lumora", "lumora-webhook-signing-secret-for-tests",
            Analytics.Webhook.StatusChanged($"solved-{ticket}-{time}", ticket, time, "open", "solved", "2026-11-02T09:15:00Z")),
        CommentDelivery = ticket => ZendeskDelivery("lumora", "lumora-webhook-signing-secret-for-tests",
            Analytics.Webhook.CommentAdded(Guid.NewGuid().ToString("N"), ticket, Now())),
        // The demo account's articles carry their Help Center addresses, as Zendesk's do.
        ArticlePrefix = "https://lumora.zendesk.com/hc/",
    };

    internal static HelpdeskCase For(FakeFreshdesk freshdesk) => new()
    {
        Kind = "freshdesk",
        SignsAgentLoads = false,
        TenantId = "spokes",
        SharedSecret = "spokes-shared-secret-0123456789-abcdefghij-0123456789",
        WebhookSecret = "spokes-webhook-secret-for-tests-0123456789",
        SolvedTicket = 116,
        CommentedTicket = 118,
        HelpdeskUrl = freshdesk.BaseUrl,
        Faults = freshdesk.Faults,
        RequestCount = () => freshdesk.Requests.Count,
        TicketState = id => freshdesk.Data.FindTicket(id) is { } t ? ([.. t.Tags], t.Priority switch { 1 => "low", 2 => "normal", 3 => "high", 4 => "urgent", _ => null }) : ([], null),
        IntentField = "cf_intent",
        IntentFieldValue = id => freshdesk.Data.FindTicket(id)?.CustomFields.GetValueOrDefault("cf_intent"),
        RemoveIntentOption = label => freshdesk.Data.TicketFields.Single(f => f.Name == "cf_intent").Choices.Remove(label),
        Agent = ("43000100003", "Ana Lima"),
        Lead = ("43000100002", "Jonas Krüger"),
        BillingDispute = 101,
        Angry = 138,
        German = 103,
        LockedOut = 105,
        Drafted = 102,
        BillingWords = ["TWO AND A HALF HOURS", "€38"],
        SolvedDelivery = (ticket, time) => Webhooks.FreshdeskDelivery.Request("spokes",
            Webhooks.FreshdeskDelivery.StatusChanged(ticket, from: 2, to: 4, time), "spokes-webhook-secret-for-tests-0123456789"),
        CommentDelivery = ticket => Webhooks.FreshdeskDelivery.Request("spokes",
            Webhooks.FreshdeskDelivery.CommentAdded(ticket), "spokes-webhook-secret-for-tests-0123456789"),
        // Freshdesk's portal: the account's own address.
        ArticlePrefix = freshdesk.BaseUrl + "support/solutions/articles/",
    };

    /// <summary>Spokewise's "Team lead" role, which the tenant is configured to count as team leads.</summary>
    internal const long SpokewiseTeamLeadRole = 43000000110;
}
