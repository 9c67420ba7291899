using Copilot.Connectors.Helpdesk;
using Copilot.Connectors.Zendesk;
using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Copilot.Tests.Connectors;

/// <summary>
/// A WireMock server on 127.0.0.1 playing Zendesk at the wire level (scripted sequences of statuses,
/// headers and bodies), and the real connector registration on a fake clock pointed at it.
/// </summary>
internal sealed class WireZendesk : IDisposable
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

    private readonly ServiceProvider _services;

    private WireZendesk(WireMockServer server, ServiceProvider services, FakeTimeProvider time, LogCapture logs)
    {
        (Server, _services, Time, Logs) = (server, services, time, logs);
        Client = services.GetRequiredService<ZendeskClientFactory>().For(
            new HelpdeskConnection("zendesk", new Uri(server.Url! + "/"), Email: "bot@test.example", ApiToken: "wire-token"));
    }

    public WireMockServer Server { get; }
    public FakeTimeProvider Time { get; }
    public LogCapture Logs { get; }
    public ZendeskClient Client { get; }

    /// <param name="configure">On top of no backoff delay (retries go at once unless Retry-After says otherwise).</param>
    public static WireZendesk Start(Action<ZendeskClientOptions>? configure = null)
    {
        var server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        var time = FakeClock.AtNow();
        var logs = new LogCapture();
        var services = ZendeskHarness.Connectors(logs, o =>
        {
            o.BaseDelay = TimeSpan.Zero;
            configure?.Invoke(o);
        }, time);
        return new WireZendesk(server, services, time, logs);
    }

    public static IRequestBuilder Get(string path) => Request.Create().WithPath(path).UsingGet();

    public static IResponseBuilder Json(string body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(body);

    /// <summary>The comments page answers normally (the ticket is where the faults are scripted).</summary>
    public WireZendesk WithComments()
    {
        Server.Given(Get(CommentsPath)).RespondWith(Json(CommentsJson));
        return this;
    }

    /// <summary>Requests the server saw for <paramref name="path"/>.</summary>
    public int Calls(string path) => Server.LogEntries.Count(e => e.RequestMessage.Path == path);

    public int Calls() => Server.LogEntries.Count();

    public void Dispose()
    {
        _services.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}
