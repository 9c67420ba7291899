using System.Globalization;
using Copilot.Fakes.Helpdesk;
using Microsoft.AspNetCore.Http;

namespace Copilot.Fakes.Zendesk;

/// <summary>
/// A Zendesk account on 127.0.0.1: a real Kestrel server that answers the Support and Help
/// Center calls the copilot makes, in the shapes of Zendesk's OpenAPI descriptions. It checks
/// credentials, logs every request, sends rate-limit headers and serves queued faults.
/// </summary>
public sealed class FakeZendesk : FakeHelpdesk
{
    public const int RateLimitPerMinute = 700;

    private readonly object _meter = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _served;

    private FakeZendesk(FakeZendeskData data, FakeZendeskFaults faults, FakeZendeskApp sidebarApp) : base(faults)
    {
        Data = data;
        Faults = faults;
        App = sidebarApp;
    }

    public FakeZendeskData Data { get; }
    public FakeZendeskFaults Faults { get; }

    /// <summary>The installed sidebar app: its id, installation and signing key.</summary>
    public FakeZendeskApp App { get; }

    protected override string UnauthorizedBody => """{"error":"Couldn't authenticate you"}""";

    /// <summary>A signed-load token for <paramref name="userId"/>, as this account's Zendesk would POST it.</summary>
    public string SignLoad(long userId, string location = "ticket_sidebar", TimeSpan? lifetime = null) =>
        App.SignLoad(BaseUrl, userId, location, lifetime);

    public static Task<FakeZendesk> StartAsync(FakeZendeskData data, CancellationToken cancellationToken = default) =>
        StartAsync(data, new FakeZendeskApp(), cancellationToken);

    /// <param name="sidebarApp">The installed app (its key is disposed with the fake).</param>
    public static Task<FakeZendesk> StartAsync(FakeZendeskData data, FakeZendeskApp sidebarApp, CancellationToken cancellationToken = default) =>
        StartAsync(new FakeZendesk(data, new FakeZendeskFaults(), sidebarApp), app =>
        {
            FakeZendeskTickets.Map(app, data);
            FakeZendeskUsers.Map(app, data);
            sidebarApp.Map(app);
            FakeZendeskHelpCenter.Map(app, data);
        }, cancellationToken);

    protected override Task<bool> MeterAsync(HttpContext http)
    {
        // Zendesk's limit is per minute: the remaining count starts again with each minute.
        int used;
        lock (_meter)
        {
            var now = TimeProvider.System.GetUtcNow();
            if (now - _windowStart >= TimeSpan.FromMinutes(1))
            {
                (_windowStart, _served) = (now, 0);
            }
            used = ++_served;
        }
        http.Response.Headers["X-Rate-Limit"] = RateLimitPerMinute.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-Rate-Limit-Remaining"] = Math.Max(0, RateLimitPerMinute - used).ToString(CultureInfo.InvariantCulture);
        return Task.FromResult(false);
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
