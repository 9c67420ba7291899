using System.Globalization;
using Copilot.Fakes.Helpdesk;
using Microsoft.AspNetCore.Http;

namespace Copilot.Fakes.Zendesk;

/// <summary>
/// A Zendesk account on 127.0.0.1: a real Kestrel server that answers the Support and Help
/// Center calls the copilot makes, in the shapes of Zendesk's OpenAPI descriptions. It checks
/// credentials, logs every request, spends each request from the account's per-minute limit
/// (<c>X-Rate-Limit</c>, <c>X-Rate-Limit-Remaining</c>; 429 with Retry-After once it runs dry)
/// and serves queued faults.
/// </summary>
public sealed class FakeZendesk : FakeHelpdesk
{
    private FakeZendesk(FakeZendeskData data, FakeZendeskFaults faults, FakeZendeskApp sidebarApp, TimeProvider time) : base(faults)
    {
        Data = data;
        Faults = faults;
        App = sidebarApp;
        RateLimit = new FakeRateLimit(time, () => data.RateLimitPerMinute);
    }

    public FakeZendeskData Data { get; }
    public FakeZendeskFaults Faults { get; }

    /// <summary>The installed sidebar app: its id, installation and signing key.</summary>
    public FakeZendeskApp App { get; }

    /// <summary>The account's rate limit: what each minute spent, and how many requests it refused.</summary>
    public FakeRateLimit RateLimit { get; }

    protected override string UnauthorizedBody => """{"error":"Couldn't authenticate you"}""";

    /// <summary>A signed-load token for <paramref name="userId"/>, as this account's Zendesk would POST it.</summary>
    public string SignLoad(long userId, string location = "ticket_sidebar", TimeSpan? lifetime = null) =>
        App.SignLoad(BaseUrl, userId, location, lifetime);

    /// <param name="time">The clock of the rate-limit windows (the system clock unless given).</param>
    public static Task<FakeZendesk> StartAsync(FakeZendeskData data, TimeProvider? time = null, CancellationToken cancellationToken = default) =>
        StartAsync(data, new FakeZendeskApp(), time, cancellationToken);

    /// <param name="sidebarApp">The installed app (its key is disposed with the fake).</param>
    /// <param name="time">The clock of the rate-limit windows (the system clock unless given).</param>
    public static Task<FakeZendesk> StartAsync(
        FakeZendeskData data, FakeZendeskApp sidebarApp, TimeProvider? time = null, CancellationToken cancellationToken = default) =>
        StartAsync(new FakeZendesk(data, new FakeZendeskFaults(), sidebarApp, time ?? TimeProvider.System), app =>
        {
            FakeZendeskTickets.Map(app, data);
            FakeZendeskUsers.Map(app, data);
            sidebarApp.Map(app);
            FakeZendeskHelpCenter.Map(app, data);
        }, cancellationToken);

    protected override Task<bool> MeterAsync(HttpContext http)
    {
        var (total, remaining, retryAfter) = RateLimit.Spend(1);
        http.Response.Headers["X-Rate-Limit"] = total.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-Rate-Limit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        return Faults.RanDryAsync(http, retryAfter);
    }

    protected override bool Authorized(string authorization)
    {
        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return authorization["Bearer ".Length..] == Data.OAuthToken;
        }
        return FakeHost.Basic(authorization) == $"{Data.Email}/token:{Data.ApiToken}";
    }

    protected override void DisposeOwned() => App.Dispose();
}
