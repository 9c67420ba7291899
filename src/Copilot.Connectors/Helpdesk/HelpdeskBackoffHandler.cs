using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Copilot.Connectors.Helpdesk;

/// <summary>
/// Every attempt on the wire to a helpdesk passes here (inside the retry, so each retry does too):
/// while the account asked us to wait, the attempt is answered here with a 429 naming the time
/// left, without calling; a 429, or a 503 with Retry-After, from the helpdesk starts such a wait.
/// The body is read here, so the attempt timeout covers a slow body as well as slow headers.
/// Logs method, path, status and time only.
/// </summary>
public sealed class HelpdeskBackoffHandler(HelpdeskBackoff backoff, TimeProvider time, ILogger<HelpdeskBackoffHandler> logger) : DelegatingHandler
{
    /// <summary>Marks an answer made here rather than by the helpdesk.</summary>
    public const string Header = "X-Copilot-Backoff";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var account = HelpdeskBackoff.AccountOf(uri);
        if (backoff.Remaining(account) is { } left)
        {
            HelpdeskLog.HeldBack(logger, request.Method.Method, uri.AbsolutePath, left);
            return Waiting(request, left);
        }
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            HelpdeskLog.Call(logger, request.Method.Method, uri.AbsolutePath, (int)response.StatusCode, Elapsed(started));
            if (AskedToWait(response) is { } wait)
            {
                var until = backoff.Record(account, wait);
                HelpdeskLog.BackingOff(logger, account, (int)response.StatusCode, wait, until);
            }
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            HelpdeskLog.CallFailed(logger, request.Method.Method, uri.AbsolutePath, Elapsed(started), e.GetType().Name);
            throw;
        }
    }

    private TimeSpan? AskedToWait(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.TooManyRequests => RetryAfter.From(response, time),
        HttpStatusCode.ServiceUnavailable => RetryAfter.From(response, time),
        _ => null,
    };

    private static HttpResponseMessage Waiting(HttpRequestMessage request, TimeSpan left)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            RequestMessage = request,
            ReasonPhrase = "Waiting as the helpdesk asked",
            Content = new StringContent("""{"error":"BackingOff","description":"The helpdesk asked us to wait; it was not called."}""",
                new MediaTypeHeaderValue("application/json")),
        };
        response.Headers.RetryAfter = new RetryConditionHeaderValue(left);
        response.Headers.Add(Header, "1");
        return response;
    }

    private long Elapsed(long started) => (long)time.GetElapsedTime(started).TotalMilliseconds;
}
