using System.Collections.Concurrent;
using Copilot.Fakes.Helpdesk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Copilot.Fakes.Zendesk;

/// <summary>
/// A Zendesk account on 127.0.0.1: a real Kestrel server that answers the Support and Help
/// Center calls the copilot makes, in the shapes of Zendesk's OpenAPI descriptions. It checks
/// credentials, logs every request, sends rate-limit headers and serves queued faults.
/// </summary>
public sealed class FakeZendesk : IAsyncDisposable
{
    public const int RateLimitPerMinute = 700;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private int _served;
    private int _disposed;

    private FakeZendesk(WebApplication app, FakeZendeskData data, FakeZendeskApp sidebarApp)
    {
        _app = app;
        Data = data;
        App = sidebarApp;
    }

    public Uri BaseUrl { get; private set; } = null!;
    public FakeZendeskData Data { get; }
    public FakeZendeskFaults Faults { get; } = new();

    /// <summary>The installed sidebar app: its id, installation and signing key.</summary>
    public FakeZendeskApp App { get; }

    /// <summary>A signed-load token for <paramref name="userId"/>, as this account's Zendesk would POST it.</summary>
    public string SignLoad(long userId, string location = "ticket_sidebar", TimeSpan? lifetime = null) =>
        App.SignLoad(BaseUrl, userId, location, lifetime);

    /// <summary>Every request so far, oldest first (method, path, query).</summary>
    public IReadOnlyList<FakeRequest> Requests => _requests.ToArray();

    public void ClearRequests() => _requests.Clear();

    public static Task<FakeZendesk> StartAsync(FakeZendeskData data, CancellationToken cancellationToken = default) =>
        StartAsync(data, new FakeZendeskApp(), cancellationToken);

    /// <param name="sidebarApp">The installed app (its key is disposed with the fake).</param>
    public static async Task<FakeZendesk> StartAsync(FakeZendeskData data, FakeZendeskApp sidebarApp, CancellationToken cancellationToken = default)
    {
        var app = FakeHost.Create();
        var fake = new FakeZendesk(app, data, sidebarApp);
        app.Use(fake.ServeAsync);
        FakeZendeskTickets.Map(app, data);
        FakeZendeskUsers.Map(app, data);
        sidebarApp.Map(app);
        FakeZendeskHelpCenter.Map(app, data);
        fake.BaseUrl = await FakeHost.StartAsync(app, cancellationToken);
        return fake;
    }

    private async Task ServeAsync(HttpContext http, RequestDelegate next)
    {
        var request = http.Request;
        _requests.Enqueue(new FakeRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", request.Headers.Authorization.ToString()));
        var used = Interlocked.Increment(ref _served);
        http.Response.Headers["X-Rate-Limit"] = RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["X-Rate-Limit-Remaining"] = Math.Max(0, RateLimitPerMinute - used).ToString(System.Globalization.CultureInfo.InvariantCulture);

        if (!Authorized(request.Headers.Authorization.ToString()))
        {
            await FakeHelpdeskFaults.WriteAsync(http, StatusCodes.Status401Unauthorized, """{"error":"Couldn't authenticate you"}""");
            return;
        }
        if (await Faults.TryServeAsync(http))
        {
            return;
        }
        await next(http);
    }

    private bool Authorized(string header)
    {
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return header["Bearer ".Length..] == Data.OAuthToken;
        }
        return FakeHost.Basic(header) == $"{Data.Email}/token:{Data.ApiToken}";
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
        App.Dispose();
    }
}
