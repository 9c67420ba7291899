using Copilot.Connectors.Helpdesk;
using Copilot.Connectors.Zendesk;
using Microsoft.Extensions.DependencyInjection;

namespace Copilot.Tests.Connectors;

/// <summary>Zendesk at the wire level: its ticket and comments, and the real Zendesk client pointed at the WireMock server.</summary>
internal sealed class WireZendesk : WireHelpdesk
{
    public const long Ticket = 100;
    public const string TicketPath = "/api/v2/tickets/100";
    public const string CommentsPath = "/api/v2/tickets/100/comments";

    public const string TicketJson = """
        {"ticket": {"id": 100, "subject": "Bridge won't connect", "status": "open", "requester_id": 10,
          "tags": [], "created_at": "2026-03-01T09:00:00Z", "updated_at": "2026-03-01T10:00:00Z"},
         "users": [{"id": 10, "name": "Carla Customer", "role": "end-user", "locale": "en-US"}]}
        """;

    public const string CommentsJson = """
        {"comments": [{"id": 1001, "author_id": 10, "html_body": "<p>My bridge blinks amber.</p>", "public": true,
          "created_at": "2026-03-01T09:00:00Z"}], "meta": {"has_more": false}, "links": {"next": null}}
        """;

    private WireZendesk(Action<ZendeskClientOptions>? configure)
        : base((logs, time) => ZendeskHarness.Connectors(logs, o =>
        {
            o.BaseDelay = TimeSpan.Zero;
            configure?.Invoke(o);
        }, time))
    {
        Client = Services.GetRequiredService<ZendeskClientFactory>().For(
            new HelpdeskConnection("zendesk", new Uri(Server.Url! + "/"), Email: "bot@test.example", ApiToken: "wire-token"));
    }

    public ZendeskClient Client { get; }

    /// <param name="configure">On top of no backoff delay (retries go at once unless Retry-After says otherwise).</param>
    public static WireZendesk Start(Action<ZendeskClientOptions>? configure = null) => new(configure);

    /// <summary>The comments page answers normally (the ticket is where the faults are scripted).</summary>
    public WireZendesk WithComments()
    {
        Server.Given(Get(CommentsPath)).RespondWith(Json(CommentsJson));
        return this;
    }
}
