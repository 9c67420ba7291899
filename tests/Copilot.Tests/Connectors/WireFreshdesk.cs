using Copilot.Connectors.Freshdesk;
using Copilot.Connectors.Helpdesk;
using Microsoft.Extensions.DependencyInjection;
using WireMock.ResponseBuilders;

namespace Copilot.Tests.Connectors;

/// <summary>Freshdesk at the wire level: a ticket and its conversations, and the real Freshdesk client pointed at the WireMock server.</summary>
internal sealed class WireFreshdesk : WireHelpdesk
{
    public const long Ticket = 200;
    public const string TicketPath = "/api/v2/tickets/200";
    public const string ConversationsPath = "/api/v2/tickets/200/conversations";
    public const string ApiKey = "wire-key";

    public const string TicketJson = """
        {"id": 200, "subject": "Bike 4711 won't unlock", "description": "<div>The app says unlocked but the lock stays shut.</div>",
         "description_text": "The app says unlocked but the lock stays shut.", "status": 2, "priority": 3, "source": 2,
         "requester_id": 501, "responder_id": 9001, "group_id": 77, "tags": ["unlock"],
         "created_at": "2026-03-01T09:00:00Z", "updated_at": "2026-03-01T10:00:00Z",
         "requester": {"id": 501, "name": "Marta Kowalska", "email": "marta@riders.example", "mobile": null, "phone": null}}
        """;

    /// <summary>An agent's reply, a private note, and a reply from the requester.</summary>
    public const string ConversationsJson = """
        [{"id": 9100001, "body": "<div>Hi Marta, please hold the lock button for five seconds.</div>", "body_text": "Hi Marta, please hold the lock button for five seconds.",
          "incoming": false, "private": false, "user_id": 9001, "source": 0, "created_at": "2026-03-01T09:10:00Z"},
         {"id": 9100002, "body": "<div>Fleet says the lock firmware on 4711 is old.</div>", "body_text": "Fleet says the lock firmware on 4711 is old.",
          "incoming": false, "private": true, "user_id": 9002, "source": 2, "created_at": "2026-03-01T09:12:00Z"},
         {"id": 9100003, "body": "<div>Still shut. I am late for work!</div>", "body_text": "Still shut. I am late for work!",
          "incoming": true, "private": false, "user_id": 501, "source": 0, "created_at": "2026-03-01T09:20:00Z"}]
        """;

    private WireFreshdesk(Action<FreshdeskClientOptions>? configure)
        : base((logs, time) => ZendeskHarness.Connectors(logs, time: time, freshdesk: o =>
        {
            o.BaseDelay = TimeSpan.Zero;
            configure?.Invoke(o);
        }))
    {
        Client = Services.GetRequiredService<FreshdeskClientFactory>().For(Connection);
    }

    public FreshdeskClient Client { get; }
    public HelpdeskConnection Connection => new("freshdesk", new Uri(Server.Url! + "/"), ApiKey: ApiKey);
    public IHelpdeskDirectory Directory => Services.GetRequiredService<IHelpdeskDirectory>();

    /// <param name="configure">On top of no backoff delay (retries go at once unless Retry-After says otherwise).</param>
    public static WireFreshdesk Start(Action<FreshdeskClientOptions>? configure = null) => new(configure);

    /// <summary>An answer carrying Freshdesk's rate-limit headers.</summary>
    public static IResponseBuilder Limited(string body, int total, int remaining, int used = 1) =>
        Json(body).WithHeader("X-RateLimit-Total", total.ToString()).WithHeader("X-RateLimit-Remaining", remaining.ToString())
            .WithHeader("X-RateLimit-Used-CurrentRequest", used.ToString());

    /// <summary>The conversations answer normally (the ticket is where the faults are scripted).</summary>
    public WireFreshdesk WithConversations()
    {
        Server.Given(Get(ConversationsPath)).RespondWith(Json(ConversationsJson));
        return this;
    }
}
