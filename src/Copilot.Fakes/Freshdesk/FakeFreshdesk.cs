using System.Collections.Concurrent;
using System.Globalization;
using Copilot.Fakes.Helpdesk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Copilot.Fakes.Freshdesk;

/// <summary>
/// A Freshdesk account on 127.0.0.1: a real Kestrel server that answers the REST API v2 calls the copilot
/// makes, in Freshdesk's shapes. It checks the API key (Basic "{key}:X"), logs every request, spends each
/// request's credits from the account's per-minute limit (<c>X-RateLimit-Total</c>, <c>-Remaining</c>,
/// <c>-Used-CurrentRequest</c>; 429 with Retry-After once it runs dry), pages lists with a <c>Link</c>
/// header and serves queued faults.
/// </summary>
public sealed class FakeFreshdesk : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private int _disposed;

    private FakeFreshdesk(WebApplication app, FakeFreshdeskData data, TimeProvider time)
    {
        _app = app;
        Data = data;
        RateLimit = new FakeFreshdeskRateLimit(time, () => data.RateLimitPerMinute);
    }

    public Uri BaseUrl { get; private set; } = null!;
    public FakeFreshdeskData Data { get; }
    public FakeFreshdeskFaults Faults { get; } = new();

    /// <summary>The account's rate limit: what each minute spent, and how many requests it refused.</summary>
    public FakeFreshdeskRateLimit RateLimit { get; }

    /// <summary>Every request so far, oldest first (method, path, query).</summary>
    public IReadOnlyList<FakeRequest> Requests => _requests.ToArray();

    public void ClearRequests() => _requests.Clear();

    /// <param name="time">The clock of the rate-limit windows (the system clock unless given).</param>
    public static async Task<FakeFreshdesk> StartAsync(FakeFreshdeskData data, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var app = FakeHost.Create();
        var fake = new FakeFreshdesk(app, data, time ?? TimeProvider.System);
        app.Use(fake.ServeAsync);
        FakeFreshdeskTickets.Map(app, data, time ?? TimeProvider.System);
        FakeFreshdeskSolutions.Map(app, data);
        FakeFreshdeskPeople.Map(app, data);
        fake.BaseUrl = await FakeHost.StartAsync(app, cancellationToken);
        return fake;
    }

    private async Task ServeAsync(HttpContext http, RequestDelegate next)
    {
        var request = http.Request;
        _requests.Enqueue(new FakeRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", request.Headers.Authorization.ToString()));
        var credits = 1 + request.Query["include"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        var (total, remaining, retryAfter) = RateLimit.Spend(credits);
        http.Response.Headers["X-RateLimit-Total"] = total.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Used-CurrentRequest"] = (retryAfter is null ? credits : 0).ToString(CultureInfo.InvariantCulture);

        if (retryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await FakeHelpdeskFaults.WriteAsync(http, StatusCodes.Status429TooManyRequests, FakeFreshdeskFaults.RateLimitedJson);
            return;
        }
        if (!Authorized(request.Headers.Authorization.ToString()))
        {
            await FakeHelpdeskFaults.WriteAsync(http, StatusCodes.Status401Unauthorized,
                """{"code":"invalid_credentials","message":"You have to be logged in to perform this action."}""");
            return;
        }
        if (await Faults.TryServeAsync(http))
        {
            return;
        }
        await next(http);
    }

    private bool Authorized(string header) => FakeHost.Basic(header) == $"{Data.ApiKey}:X";

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
