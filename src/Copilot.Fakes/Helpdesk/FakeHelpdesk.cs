using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Copilot.Fakes.Helpdesk;

/// <summary>
/// What every fake helpdesk does in front of its routes: it runs on <see cref="FakeHost"/>, logs every request,
/// meters it against the account's rate limit, checks its credentials and serves queued faults. The vendor's fake
/// says how it meters, whom it lets in and how its 401 reads.
/// </summary>
public abstract class FakeHelpdesk(FakeHelpdeskFaults faults) : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private WebApplication? _app;
    private int _disposed;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request so far, oldest first (method, path, query).</summary>
    public IReadOnlyList<FakeRequest> Requests => _requests.ToArray();

    public void ClearRequests() => _requests.Clear();

    /// <summary>How long the account takes over each request before answering (none by default): a slow helpdesk.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The body of the 401 a request with wrong credentials gets.</summary>
    protected abstract string UnauthorizedBody { get; }

    /// <summary>Whether the <c>Authorization</c> header carries the account's credentials.</summary>
    protected abstract bool Authorized(string authorization);

    /// <summary>Spends the request from the account's rate limit and sets its headers.</summary>
    /// <returns>True when it answered the request itself (the account ran dry).</returns>
    protected abstract Task<bool> MeterAsync(HttpContext http);

    /// <summary>Releases what the fake owns besides its server, once the server has stopped.</summary>
    protected virtual void DisposeOwned()
    {
    }

    /// <summary>Starts <paramref name="fake"/> on a free loopback port with the routes <paramref name="map"/> adds.</summary>
    protected static async Task<T> StartAsync<T>(T fake, Action<WebApplication> map, CancellationToken cancellationToken)
        where T : FakeHelpdesk
    {
        var app = FakeHost.Create();
        fake._app = app;
        app.Use(fake.ServeAsync);
        map(app);
        fake.BaseUrl = await FakeHost.StartAsync(app, cancellationToken);
        return fake;
    }

    private async Task ServeAsync(HttpContext http, RequestDelegate next)
    {
        var request = http.Request;
        var authorization = request.Headers.Authorization.ToString();
        _requests.Enqueue(new FakeRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", authorization));
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, http.RequestAborted);
        }
        if (await MeterAsync(http))
        {
            return;
        }
        if (!Authorized(authorization))
        {
            await FakeHelpdeskFaults.WriteAsync(http, StatusCodes.Status401Unauthorized, UnauthorizedBody);
            return;
        }
        if (await faults.TryServeAsync(http))
        {
            return;
        }
        await next(http);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        if (_app is { } app)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        DisposeOwned();
        GC.SuppressFinalize(this);
    }
}
