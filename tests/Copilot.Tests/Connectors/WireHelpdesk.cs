using Copilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Copilot.Tests.Connectors;

/// <summary>
/// A WireMock server on 127.0.0.1 playing a helpdesk at the wire level (scripted sequences of statuses, headers
/// and bodies), and the real connector registration on a fake clock pointed at it.
/// </summary>
internal abstract class WireHelpdesk : IDisposable
{
    /// <param name="connectors">The connectors as the host registers them, logging into the capture, on the clock.</param>
    protected WireHelpdesk(Func<LogCapture, FakeTimeProvider, ServiceProvider> connectors)
    {
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        Time = FakeClock.AtNow();
        Logs = new LogCapture();
        Services = connectors(Logs, Time);
    }

    public WireMockServer Server { get; }
    public FakeTimeProvider Time { get; }
    public LogCapture Logs { get; }
    protected ServiceProvider Services { get; }

    public static IRequestBuilder Get(string path) => Request.Create().WithPath(path).UsingGet();

    public static IResponseBuilder Json(string body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(body);

    /// <summary>Requests the server saw for <paramref name="path"/>.</summary>
    public int Calls(string path) => Server.LogEntries.Count(e => e.RequestMessage.Path == path);

    public int Calls() => Server.LogEntries.Count();

    public void Dispose()
    {
        Services.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}
