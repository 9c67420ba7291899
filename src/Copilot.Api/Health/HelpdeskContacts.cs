using System.Collections.Concurrent;
using Copilot.Api.Tenants;

namespace Copilot.Api.Health;

/// <summary>How the last call to a helpdesk went: when, and its status code or why it got none.</summary>
public sealed record HelpdeskContact(DateTimeOffset At, string Result, bool Succeeded, DateTimeOffset? LastSuccessAt);

/// <summary>
/// The last call to each tenant's helpdesk, whichever client made it, for readiness. Tenants on the
/// same helpdesk host share what is known of it.
/// </summary>
public sealed class HelpdeskContacts(TenantRegistry tenants, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, HelpdeskContact> _byHost = new(StringComparer.OrdinalIgnoreCase);

    public HelpdeskContact? For(Tenant tenant) => _byHost.TryGetValue(HostOf(tenant.Connection.BaseUrl), out var contact) ? contact : null;

    /// <summary>True when <paramref name="uri"/> is on a configured tenant's helpdesk.</summary>
    public bool Watches(Uri? uri) => uri is not null && tenants.All.Any(t => HostOf(t.Connection.BaseUrl) == HostOf(uri));

    /// <summary>An answer: 2xx-4xx mean the helpdesk is there (a 404 is an answer), except 401/403 (our credentials) and 429 (rate limited).</summary>
    public void Answered(Uri uri, int status) =>
        Record(uri, $"http {status}", status < 500 && status is not (401 or 403 or 429));

    public void Failed(Uri uri, string reason) => Record(uri, reason, succeeded: false);

    private void Record(Uri uri, string result, bool succeeded)
    {
        var now = time.GetUtcNow();
        _byHost.AddOrUpdate(HostOf(uri),
            _ => new HelpdeskContact(now, result, succeeded, succeeded ? now : null),
            (_, previous) => new HelpdeskContact(now, result, succeeded, succeeded ? now : previous.LastSuccessAt));
    }

    private static string HostOf(Uri uri) => uri.GetLeftPart(UriPartial.Authority);
}

/// <summary>Tells <see cref="HelpdeskContacts"/> how each call to a helpdesk ended; a call the caller cancelled tells nothing.</summary>
internal sealed class HelpdeskContactHandler(HelpdeskContacts contacts) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!contacts.Watches(request.RequestUri))
        {
            return await base.SendAsync(request, cancellationToken);
        }
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            contacts.Answered(request.RequestUri!, (int)response.StatusCode);
            return response;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            contacts.Failed(request.RequestUri!, e is OperationCanceledException or TimeoutException ? "timeout" : "no answer");
            throw;
        }
    }
}
