using System.Net.Http.Headers;
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
    public required string TenantId { get; init; }
    public required string SharedSecret { get; init; }
    public required string WebhookSecret { get; init; }
    public required Uri HelpdeskUrl { get; init; }
    public required FakeHelpdeskFaults Faults { get; init; }
    public required Func<int> RequestCount { get; init; }

    /// <summary>An active agent, and the one the tenant counts as a team lead.</summary>
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

    /// <summary>Where this account's help-centre articles live (a surfaced article's URL starts with it).</summary>
    public required string ArticlePrefix { get; init; }

    public override string ToString() => Kind;

    internal static HelpdeskCase For(FakeZendesk zendesk) => new()
    {
        Kind = "zendesk",
        TenantId = "lumora",
        SharedSecret = "lumora-shared-secret-0123456789-abcdefghij-0123456789",
        WebhookSecret = "lumora-webhook-signing-secret-for-tests",
        HelpdeskUrl = zendesk.BaseUrl,
        Faults = zendesk.Faults,
        RequestCount = () => zendesk.Requests.Count,
        Agent = ("2001", "Tomás Ribeiro"),
        Lead = ("2000", "Ingrid Halvorsen"),
        BillingDispute = 108,
        Angry = 156,
        German = 103,
        LockedOut = 111,
        Drafted = 126,
        BillingWords = ["€49", "LUMORA*PLUS"],
        // The demo account's articles carry their Help Center addresses, as Zendesk's do.
        ArticlePrefix = "https://lumora.zendesk.com/hc/",
    };

    internal static HelpdeskCase For(FakeFreshdesk freshdesk) => new()
    {
        Kind = "freshdesk",
        TenantId = "spokes",
        SharedSecret = "spokes-shared-secret-0123456789-abcdefghij-0123456789",
        WebhookSecret = "spokes-webhook-secret-for-tests-0123456789",
        HelpdeskUrl = freshdesk.BaseUrl,
        Faults = freshdesk.Faults,
        RequestCount = () => freshdesk.Requests.Count,
        Agent = ("43000100003", "Ana Lima"),
        Lead = ("43000100002", "Jonas Krüger"),
        BillingDispute = 101,
        Angry = 138,
        German = 103,
        LockedOut = 105,
        Drafted = 102,
        BillingWords = ["TWO AND A HALF HOURS", "€38"],
        // Freshdesk's portal: the account's own address.
        ArticlePrefix = freshdesk.BaseUrl + "support/solutions/articles/",
    };

    internal static void Authorize(HttpRequestMessage request, string session) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session);
}
