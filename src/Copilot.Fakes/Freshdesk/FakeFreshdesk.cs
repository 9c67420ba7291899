using System.Globalization;
using Copilot.Fakes.Helpdesk;
using Microsoft.AspNetCore.Http;

namespace Copilot.Fakes.Freshdesk;

/// <summary>
/// A Freshdesk account on 127.0.0.1: a real Kestrel server that answers the REST API v2 calls the copilot
/// makes, in Freshdesk's shapes. It checks the API key (Basic "{key}:X"), logs every request, spends each
/// request's credits from the account's per-minute limit (<c>X-RateLimit-Total</c>, <c>-Remaining</c>,
/// <c>-Used-CurrentRequest</c>; 429 with Retry-After once it runs dry), pages lists with a <c>Link</c>
/// header and serves queued faults.
/// </summary>
public sealed class FakeFreshdesk : FakeHelpdesk
{
    private FakeFreshdesk(FakeFreshdeskData data, FakeFreshdeskFaults faults, TimeProvider time) : base(faults)
    {
        Data = data;
        Faults = faults;
        RateLimit = new FakeRateLimit(time, () => data.RateLimitPerMinute);
    }

    public FakeFreshdeskData Data { get; }
    public FakeFreshdeskFaults Faults { get; }

    /// <summary>The account's rate limit: what each minute spent, and how many requests it refused.</summary>
    public FakeRateLimit RateLimit { get; }

    protected override string UnauthorizedBody => """{"code":"invalid_credentials","message":"You have to be logged in to perform this action."}""";

    /// <param name="time">The clock of the rate-limit windows (the system clock unless given).</param>
    public static Task<FakeFreshdesk> StartAsync(FakeFreshdeskData data, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        time ??= TimeProvider.System;
        return StartAsync(new FakeFreshdesk(data, new FakeFreshdeskFaults(), time), app =>
        {
            FakeFreshdeskTickets.Map(app, data, time);
            FakeFreshdeskSolutions.Map(app, data);
            FakeFreshdeskPeople.Map(app, data);
            FakeFreshdeskFields.Map(app, data);
        }, cancellationToken);
    }

    protected override Task<bool> MeterAsync(HttpContext http)
    {
        // Freshdesk's price: each embedded resource costs one more credit on a single ticket, two more on the ticket list.
        var embedded = http.Request.Query["include"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        var list = http.Request.Path.Value?.TrimEnd('/').EndsWith("/api/v2/tickets", StringComparison.OrdinalIgnoreCase) == true;
        var credits = 1 + embedded * (list ? 2 : 1);
        var (total, remaining, retryAfter) = RateLimit.Spend(credits);
        http.Response.Headers["X-RateLimit-Total"] = total.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Used-CurrentRequest"] = (retryAfter is null ? credits : 0).ToString(CultureInfo.InvariantCulture);
        return Faults.RanDryAsync(http, retryAfter);
    }

    protected override bool Authorized(string authorization) => FakeHost.Basic(authorization) == $"{Data.ApiKey}:X";
}
